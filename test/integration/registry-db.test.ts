import {
  BudgetLine, CalendarDay, Committee, CommitteeMember, DisciplinarySanction, Employee, FeedbackTicket, OrgUnit, Position,
  SkpRating, TrainingRecord, User, buildDemoRegistry, findEmployeesPage, initORM, seed, seedIfEmpty, verifyPassword,
  InvalidCursorError, DEMO_PASSWORD, type Database,
} from '../../db';
import { validateEmployee } from '../../forms';
import { freshDatabase, type FreshDatabase } from './fresh-database';
import { testDatabases } from './test-env';

const REGISTRY = {
  org_units: OrgUnit, positions: Position, employees: Employee, skp_ratings: SkpRating, disciplinary_sanctions: DisciplinarySanction,
  training_records: TrainingRecord, users: User, committees: Committee, committee_members: CommitteeMember,
  calendar_days: CalendarDay, budget_lines: BudgetLine,
} as const;

/** Every row of a table as plain data, by id. */
async function dump(db: Database, entity: new () => { id: number }): Promise<Array<Record<string, unknown>>> {
  const rows = await db.em().find(entity, {});
  return rows.sort((x, y) => x.id - y.id).map((row) => ({ ...row }));
}

describe.each(testDatabases().map((d) => d.name))('registry database (%s)', (kind) => {
  let first: FreshDatabase;
  let second: FreshDatabase;
  let a: Database;
  let b: Database;

  beforeAll(async () => {
    [first, second] = await Promise.all([freshDatabase(kind), freshDatabase(kind)]);
    [a, b] = await Promise.all([initORM(first.config), initORM(second.config)]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await Promise.all([first?.drop(), second?.drop()]);
  });

  test('when migrations run on an empty database, then every registry table exists and is empty, and a rerun applies nothing', async () => {
    const applied = await a.migrate();
    expect(applied).toContain('Migration20261123Registry');
    for (const entity of [...Object.values(REGISTRY), FeedbackTicket]) {
      expect(await a.em().count(entity, {})).toBe(0);
    }
    expect(await a.migrate()).toEqual([]);
    await b.migrate();
  });

  test('when two empty databases are seeded, then they hold the same rows, and the rows are the demo registry', async () => {
    expect(await seedIfEmpty(a)).toBe(true);
    expect(await seedIfEmpty(b)).toBe(true);

    const nips = async (db: Database) => (await db.em().find(Employee, {}, { orderBy: { nip: 'asc' } })).map((e) => e.nip);
    const nipsA = await nips(a);
    expect(nipsA.length).toBeGreaterThan(500);
    expect(await nips(b)).toEqual(nipsA);

    const demo = buildDemoRegistry();
    const expected: Record<keyof typeof REGISTRY, object[]> = {
      org_units: demo.orgUnits, positions: demo.positions, employees: demo.employees, skp_ratings: demo.skpRatings,
      disciplinary_sanctions: demo.sanctions, training_records: demo.trainings, users: demo.users, committees: demo.committees,
      committee_members: demo.committeeMembers, calendar_days: demo.calendarDays, budget_lines: demo.budgetLines,
    };
    for (const [table, entity] of Object.entries(REGISTRY) as Array<[keyof typeof REGISTRY, new () => { id: number }]>) {
      const [rowsA, rowsB] = await Promise.all([dump(a, entity), dump(b, entity)]);
      const withoutHash = (rows: Array<Record<string, unknown>>) => rows.map(({ passwordHash: _hash, ...rest }) => rest);
      expect([table, withoutHash(rowsA)]).toEqual([table, withoutHash(rowsB)]);
      // Read back exactly as built: dates as YYYY-MM-DD, JSON lists, booleans and rupiah as numbers.
      expect([table, withoutHash(rowsA)]).toEqual([table, expected[table]]);
    }
  });

  test('when the database already holds the registry, then seeding again changes nothing', async () => {
    const before = await a.em().count(Employee, {});
    expect(await seedIfEmpty(a)).toBe(false);
    await expect(seed(a.em())).rejects.toThrow('The database already holds registry data (units or users); the demo seed runs only on an empty registry.');
    expect(await a.em().count(Employee, {})).toBe(before);
  });

  test('when the seeded employees are validated as a form would, then none has an error', async () => {
    const em = a.em();
    const eselonOf = new Map((await em.find(Position, {})).map((p) => [p.id, p.eselon]));
    const employees = await em.find(Employee, {});
    const failures = employees
      .map((e) => ({ nip: e.nip, errors: validateEmployee({ ...e, positionEselon: eselonOf.get(e.positionId ?? 0) ?? null }) }))
      .filter((r) => Object.keys(r.errors).length > 0);
    expect(failures).toEqual([]);
  });

  test('when a demo user signs in with the documented password, then the argon2id hash verifies, and a wrong one does not', async () => {
    const admin = await a.em().findOneOrFail(User, { login: 'admin' });
    expect(admin.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(admin.passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(admin.passwordHash, 'alur-demo!')).toBe(false);
  });

  test('when a NIP already in the registry is inserted again, then the database refuses it', async () => {
    const existing = await a.em().findOneOrFail(Employee, { id: 1 });
    const { id: _id, ...copy } = existing;
    await expect(a.em().insert(Employee, { ...copy, name: 'Salinan' })).rejects.toThrow();
  });

  describe('findEmployeesPage', () => {
    async function allPages(db: Database, query: { search?: string; unitId?: number; limit: number }) {
      const names: Array<[string, number]> = [];
      let after: string | null = null;
      for (let guard = 0; guard < 1000; guard++) {
        const page = await findEmployeesPage(db.em(), { ...query, after });
        names.push(...page.items.map((e): [string, number] => [e.name, e.id]));
        if (!page.nextCursor) return names;
        after = page.nextCursor;
      }
      throw new Error('paging did not end');
    }

    test('when paging through everyone, then each employee appears once, in name order', async () => {
      const expected = (await a.em().find(Employee, {}, { orderBy: [{ name: 'asc' }, { id: 'asc' }] })).map((e): [string, number] => [e.name, e.id]);
      const paged = await allPages(a, { limit: 37 });
      expect(paged).toEqual(expected);
    });

    test('when employees are added between two pages, then the next page neither repeats nor skips anyone', async () => {
      const em = a.em();
      const first = await findEmployeesPage(em, { limit: 25 });
      expect(first.items).toHaveLength(25);
      const last = first.items[first.items.length - 1] as Employee;
      const template = { gender: 'M' as const, golongan: 'III/a' as const, tmtGolongan: '2020-03-01', positionId: null, tmtJabatan: null,
        unitId: last.unitId, educationLevel: 'S1' as const, educationMajor: 'Hukum', competencies: [], lastInaugurationDate: null };
      // One sorts before the cursor, one ties with it by name (so only the id decides), one sorts after.
      await em.insert(Employee, { ...template, nip: '199001012020031901', name: 'Aa Sebelum Halaman', birthDate: '1990-01-01' });
      const tieId = await em.insert(Employee, { ...template, nip: '199001012020031902', name: last.name, birthDate: '1990-01-01' });
      const afterId = await em.insert(Employee, { ...template, nip: '199001012020031903', name: 'Zz Sesudah Halaman', birthDate: '1990-01-01' });

      const rest: Array<[string, number]> = [];
      let after = first.nextCursor;
      while (after) {
        const page = await findEmployeesPage(a.em(), { limit: 25, after });
        rest.push(...page.items.map((e): [string, number] => [e.name, e.id]));
        after = page.nextCursor;
      }
      const seen = [...first.items.map((e): [string, number] => [e.name, e.id]), ...rest];
      expect(new Set(seen.map(([, id]) => id)).size).toBe(seen.length);
      expect(rest[0]).toEqual([last.name, tieId]);
      expect(rest[rest.length - 1]).toEqual(['Zz Sesudah Halaman', afterId]);
      expect(seen.some(([name]) => name === 'Aa Sebelum Halaman')).toBe(false);
      expect(seen).toHaveLength((await a.em().count(Employee, {})) - 1);
    });

    test('when searching for part of a name in capitals, then exactly the employees whose name contains it are found', async () => {
      const everyone = await a.em().find(Employee, {});
      const expected = everyone.filter((e) => e.name.toLowerCase().includes('santoso')).map((e) => e.id).sort((x, y) => x - y);
      expect(expected.length).toBeGreaterThan(0);
      const found = (await allPages(a, { search: 'SANTOSO', limit: 10 })).map(([, id]) => id).sort((x, y) => x - y);
      expect(found).toEqual(expected);
    });

    test('when searching for the first digits of a NIP, then only NIPs starting with them are found', async () => {
      const everyone = await a.em().find(Employee, {});
      const expected = everyone.filter((e) => e.nip.startsWith('1985')).length;
      const page = await findEmployeesPage(a.em(), { search: '1985', limit: 500 });
      expect(page.items.length).toBe(expected);
      expect(page.items.every((e) => e.nip.startsWith('1985'))).toBe(true);
    });

    test('when filtering by an OPD, then the staff of its bidang and seksi are included and nobody else', async () => {
      const em = a.em();
      const units = await em.find(OrgUnit, {});
      const dinkes = units.find((u) => u.code === 'DINKES') as OrgUnit;
      const inDinkes = new Set(units.filter((u) => u.code === 'DINKES' || u.code.startsWith('DINKES.')).map((u) => u.id));
      const expected = (await em.find(Employee, {})).filter((e) => inDinkes.has(e.unitId)).map((e) => e.id).sort((x, y) => x - y);
      const found = (await allPages(a, { unitId: dinkes.id, limit: 10 })).map(([, id]) => id).sort((x, y) => x - y);
      expect(found).toEqual(expected);
      expect(new Set((await em.find(Employee, { id: { $in: found } })).map((e) => e.unitId)).size).toBeGreaterThan(1);
    });

    test('when the cursor was not made by findEmployeesPage, then it is refused as invalid', async () => {
      await expect(findEmployeesPage(a.em(), { limit: 10, after: 'bm90LWEtY3Vyc29y' })).rejects.toBeInstanceOf(InvalidCursorError);
      await expect(findEmployeesPage(a.em(), { limit: 10, after: '%%%' })).rejects.toBeInstanceOf(InvalidCursorError);
    });
  });
});
