import { createRegistryDirectory } from '../../activities';
import type { Directory } from '../../activities/case-engine';
import { CommitteeMember, OrgUnit, User, initORM, seedIfEmpty, type Database } from '../../db';
import { freshDatabase, type FreshDatabase } from './fresh-database';
import { testDatabases } from './test-env';

/** The engine's assignee lookups against the demo registry (seeded), on each database. */
describe.each(testDatabases().map((d) => d.name))('registry directory (%s)', (kind) => {
  let fresh: FreshDatabase;
  let db: Database;
  let directory: Directory;

  const userId = async (login: string) => (await db.em().findOneOrFail(User, { login })).id;
  const setUser = (login: string, values: Partial<User>) => db.em().nativeUpdate(User, { login }, values);
  const day = (offset: number) => new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    fresh = await freshDatabase(kind);
    db = await initORM(fresh.config);
    await db.migrate();
    await seedIfEmpty(db);
    directory = createRegistryDirectory(db);
  });
  afterAll(async () => {
    await db?.close();
    await fresh?.drop();
  });

  test('when a role is looked up without a unit, then every active holder is found, in login order, and a deactivated one is not', async () => {
    expect(await directory.usersWithRole('bkpsdm_mutasi', null)).toEqual(['bkpsdm.mutasi']);
    const heads = await directory.usersWithRole('kepala_opd', null);
    expect(heads).toEqual([...heads].sort());
    expect(heads).toEqual(expect.arrayContaining(['kepala.dinkes', 'kepala.bkpsdm', 'sekda']));
    await setUser('kepala.dinkes', { active: false });
    try {
      expect(await directory.usersWithRole('kepala_opd', null)).not.toContain('kepala.dinkes');
    } finally {
      await setUser('kepala.dinkes', { active: true });
    }
    expect(await directory.usersWithRole('inspektorat', null)).toEqual(['inspektorat']);
  });

  test('when a unit-scoped role is looked up for a unit, then the holder scoped nearest up the tree answers, else the unscoped holders', async () => {
    // Dinkes (135) has a kepala scoped to it; its sub-units are covered by that kepala.
    const subUnit = await db.em().findOneOrFail(OrgUnit, { parentId: 135 });
    expect(await directory.usersWithRole('kepala_opd', String(subUnit.id))).toEqual(['kepala.dinkes']);
    expect(await directory.usersWithRole('kepala_opd', '135')).toEqual(['kepala.dinkes']);
    // A subbagian of the Sekretariat Daerah (5 → 4 → 3 → 2): the Sekda, scoped to 2.
    expect(await directory.usersWithRole('kepala_opd', '5')).toEqual(['sekda']);
    // Nobody holds ppk with a scope: the unscoped holder serves every unit.
    expect(await directory.usersWithRole('ppk', '135')).toEqual(['walikota']);
    // The root has no scoped kepala and there is no unscoped one.
    expect(await directory.usersWithRole('kepala_opd', '1')).toEqual([]);
  });

  test('when the unit tree holds a cycle, then a lookup still ends, with the units of the cycle searched once', async () => {
    await db.em().nativeUpdate(OrgUnit, { id: 2 }, { parentId: 5 });
    try {
      expect(await directory.usersWithRole('ppk', '5')).toEqual(['walikota']);
      expect(await directory.usersWithRole('kepala_opd', '4')).toEqual(['sekda']);
    } finally {
      await db.em().nativeUpdate(OrgUnit, { id: 2 }, { parentId: 1 });
    }
  });

  test('when a unit head is looked up, then it is the user of the employee in the head position; a unit without one has none', async () => {
    expect(await directory.unitHeads('2')).toEqual(['sekda']);
    expect(await directory.unitHeads('1')).toEqual([]);
    expect(await directory.unitHeads('999999')).toEqual([]);
    expect(await directory.unitHeads('not-a-unit')).toEqual([]);
    await setUser('sekda', { active: false });
    try {
      expect(await directory.unitHeads('2')).toEqual([]);
    } finally {
      await setUser('sekda', { active: true });
    }
  });

  test('when a committee is looked up, then its active members are found in login order; an unknown committee has none', async () => {
    const memberIds = (await db.em().find(CommitteeMember, { committeeId: 1 })).map((m) => m.userId);
    const logins = (await db.em().find(User, { id: { $in: memberIds } })).map((u) => u.login).sort();
    expect(logins.length).toBeGreaterThan(2);
    expect(await directory.committeeMembers('TPK')).toEqual(logins);
    await setUser(logins[0] as string, { active: false });
    try {
      expect(await directory.committeeMembers('TPK')).toEqual(logins.slice(1));
    } finally {
      await setUser(logins[0] as string, { active: true });
    }
    expect(await directory.committeeMembers('NOPE')).toEqual([]);
  });

  test('when named users are checked, then the active ones come back in the order given', async () => {
    expect(await directory.activeUsers(['walikota', 'nobody', 'sekda'])).toEqual(['walikota', 'sekda']);
    expect(await directory.activeUsers([])).toEqual([]);
  });

  test('when an assignee is absent, then the active substitute is found inside the absence only', async () => {
    await setUser('kepala.dinkes', { absenceStart: day(-1), absenceEnd: day(1), substituteUserId: await userId('bkpsdm.mutasi') });
    try {
      expect(await directory.substituteFor('kepala.dinkes', new Date())).toBe('bkpsdm.mutasi');
      expect(await directory.substituteFor('kepala.dinkes', new Date(Date.now() + 3 * 86_400_000))).toBeNull();
      expect(await directory.substituteFor('kepala.dinkes', new Date(Date.now() - 3 * 86_400_000))).toBeNull();
      await setUser('bkpsdm.mutasi', { active: false });
      expect(await directory.substituteFor('kepala.dinkes', new Date())).toBeNull();
    } finally {
      await setUser('bkpsdm.mutasi', { active: true });
      await setUser('kepala.dinkes', { absenceStart: null, absenceEnd: null, substituteUserId: null });
    }
    expect(await directory.substituteFor('kepala.dinkes', new Date())).toBeNull();
    expect(await directory.substituteFor('nobody', new Date())).toBeNull();
  });
});
