import { randomUUID } from 'node:crypto';
import request, { type Response, type Test } from 'supertest';
import { createDefaultEffects, createRegistryDirectory, loadElectionFreeze, loadRegistryCalendar } from '../../activities';
import { wibDay } from '../../activities/wib-day';
import { DEMO_PASSWORD, publishDefinition, User } from '../../db';
import type { Step } from '../../processes';
import { ensurePublicUser } from '../../server/feedback/public-user';
import { openApiDocument } from '../../server/openapi';
import { startCase } from '../../server/use-cases/start-case';
import { caseViewQuery, type CaseView } from '../../workflows/case';
import { addWorkingDays, isWorkingDay, localDate } from '../../workflows/working-days';
import { openApiSchemas } from '../support/openapi-schemas';
import { eventually, startHarness, testDatabases, type Harness } from './harness';

const documented = openApiSchemas(openApiDocument());

/** Asserts that a real answer is the one the OpenAPI document describes for it. */
function expectDocumented(method: string, route: string, res: Response): void {
  expect({ route, status: res.status, problems: documented.problems(method, route, res.status, res.body) })
    .toEqual({ route, status: res.status, problems: [] });
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface Session {
  agent: ReturnType<typeof request.agent>;
  csrf: string;
  user: { id: number; login: string };
  /** A request with the session cookie, and the CSRF header on writes. */
  call(method: Method, url: string, language?: 'id' | 'en'): Test;
}

interface UserBody {
  id: number;
  login: string;
  displayName: string;
  roles: string[];
  unitScope: { id: number; name: string } | null;
  active: boolean;
  language: string;
  absence: { start: string; end: string; substitute: { login: string } | null } | null;
  updatedBy: string | null;
}

const WIB_DAY_MS = 86_400_000;
const dayFromToday = (days: number) => wibDay(new Date(Date.now() + days * WIB_DAY_MS));

describe.each(testDatabases())('administration API ($name)', (database) => {
  let h: Harness;
  let admin: Session;
  let kepala: Session;
  const run = randomUUID().slice(0, 6);
  /** A login of this run: the PostgreSQL database of a seeded harness is its own, but keep names unique anyway. */
  const loginOf = (who: string) => `${who}.${run}`;

  async function signIn(login: string, password = DEMO_PASSWORD): Promise<Session> {
    const agent = request.agent(h.app);
    const res = await agent.post('/api/auth/login').send({ login, password });
    if (res.status !== 200) throw new Error(`sign-in as ${login} failed: ${res.status} ${JSON.stringify(res.body)}`);
    const csrf = res.body.csrfToken as string;
    return {
      agent, csrf, user: res.body.user,
      call: (method, url, language = 'id') => {
        const test = agent[method](url).set('Accept-Language', language);
        return method === 'get' ? test : test.set('X-CSRF-Token', csrf);
      },
    };
  }

  async function userId(login: string): Promise<number> {
    return (await h.db.em().findOneOrFail(User, { login })).id;
  }

  /** Creates a user through the API; 201 expected. */
  async function createUser(body: Record<string, unknown>): Promise<UserBody> {
    const res = await admin.call('post', '/api/admin/users').send({ password: 'rahasia-panjang-1', displayName: 'Pengguna Uji', ...body });
    expect([res.status, res.body]).toEqual([201, expect.anything()]);
    return res.body as UserBody;
  }

  function fieldsOf(res: Response): Record<string, string[]> {
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    return res.body.error.details.fields as Record<string, string[]>;
  }

  beforeAll(async () => {
    // A database of its own with the demo registry: the tests add users, holidays and freeze periods.
    h = await startHarness(database.config(), { seed: true });
    [admin, kepala] = await Promise.all([signIn('admin'), signIn('kepala.dinkes')]);
  });

  afterAll(async () => {
    await h?.close();
  });

  test('when someone who is not an administrator calls an administration route, then it is 403, and 401 without a session', async () => {
    const routes: Array<[Method, string]> = [
      ['get', '/api/admin/users'], ['post', '/api/admin/users'], ['get', '/api/admin/users/1'], ['patch', '/api/admin/users/1'],
      ['post', '/api/admin/users/1/password'], ['put', '/api/admin/users/1/absence'], ['delete', '/api/admin/users/1/absence'],
      ['get', '/api/admin/calendar-days'], ['post', '/api/admin/calendar-days'], ['patch', '/api/admin/calendar-days/1'],
      ['delete', '/api/admin/calendar-days/1'], ['get', '/api/admin/election-freeze'], ['post', '/api/admin/election-freeze'],
      ['patch', '/api/admin/election-freeze/1'], ['delete', '/api/admin/election-freeze/1'],
    ];
    for (const [method, url] of routes) {
      const forbidden = await kepala.call(method, url).send({});
      expect([method, url, forbidden.status, forbidden.body.error?.code]).toEqual([method, url, 403, 'FORBIDDEN']);
      const anonymous = await request(h.app)[method](url).send({});
      expect([method, url, anonymous.status]).toEqual([method, url, 401]);
    }
    expectDocumented('get', '/api/admin/users', await kepala.call('get', '/api/admin/users'));
    expect((await request(h.app).get('/api/me/absence')).status).toBe(401);
  });

  test('when an administrator creates a user, then it is listed and found by search, signs in with its password, and no hash is ever answered', async () => {
    const unit = (await kepala.call('get', '/api/auth/me')).body.user.unitScopeId as number;
    const created = await createUser({
      login: loginOf('staf'), displayName: 'Sri Wahyuni', roles: ['kepala_opd'], unitScopeId: unit, language: 'en', email: 'sri@surakarta.go.id',
    });
    expectDocumented('post', '/api/admin/users', { status: 201, body: created } as Response);
    expect(created).toMatchObject({
      login: loginOf('staf'), displayName: 'Sri Wahyuni', roles: ['kepala_opd'], unitScope: { id: unit }, language: 'en', active: true,
      absence: null, updatedBy: 'admin',
    });
    expect(JSON.stringify(created)).not.toMatch(/argon2|passwordHash/);
    const stored = await h.db.em().findOneOrFail(User, { login: loginOf('staf') });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);

    const fresh = await signIn(loginOf('staf'), 'rahasia-panjang-1');
    expect(fresh.user).toMatchObject({ login: loginOf('staf'), roles: ['kepala_opd'], unitScopeId: unit });

    const found = await admin.call('get', `/api/admin/users?search=${encodeURIComponent(`STAF.${run}`)}`).expect(200);
    expectDocumented('get', '/api/admin/users', found);
    expect((found.body.items as UserBody[]).map((u) => u.login)).toEqual([loginOf('staf')]);
    const one = await admin.call('get', `/api/admin/users/${created.id}`).expect(200);
    expectDocumented('get', '/api/admin/users/{id}', one);
    expect(JSON.stringify(one.body)).not.toMatch(/argon2|passwordHash/);
    expect((await admin.call('get', '/api/admin/users/999999')).status).toBe(404);
  });

  test('when users are listed a page at a time, then the pages follow the login order without gaps, and role and active filters apply', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await admin.call('get', `/api/admin/users?limit=7${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
      expectDocumented('get', '/api/admin/users', res);
      seen.push(...(res.body.items as UserBody[]).map((u) => u.login));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    const all = (await h.db.em().find(User, {}, { orderBy: { login: 'asc' } })).map((u) => u.login);
    expect(seen).toEqual(all);

    const admins = await admin.call('get', '/api/admin/users?role=administrator').expect(200);
    expect((admins.body.items as UserBody[]).every((u) => u.roles.includes('administrator'))).toBe(true);
    expect((admins.body.items as UserBody[]).map((u) => u.login)).toContain('admin');
    const heads = await admin.call('get', '/api/admin/users?role=kepala_opd&limit=100').expect(200);
    expect((heads.body.items as UserBody[]).map((u) => u.login)).toEqual(expect.arrayContaining(['kepala.dinkes', 'sekda']));
    expect((await admin.call('get', '/api/admin/users?role=raja')).body.error.code).toBe('INVALID_ROLE');
    expect((await admin.call('get', '/api/admin/users?active=maybe')).status).toBe(400);
    expect((await admin.call('get', '/api/admin/users?cursor=%%%')).status).toBe(400);
  });

  test('when a new user is not valid, then 422 names each field, in Indonesian or English', async () => {
    const res = await admin.call('post', '/api/admin/users').send({
      login: 'Bukan Login!', displayName: '', password: 'pendek', roles: ['administrator', 'raja'], email: 'bukan-surel', employeeId: 0, shoeSize: 42,
    });
    const fields = fieldsOf(res);
    expectDocumented('post', '/api/admin/users', res);
    expect(Object.keys(fields).sort()).toEqual(['displayName', 'email', 'employeeId', 'login', 'password', 'roles', 'shoeSize']);
    expect(fields.login).toEqual([expect.stringMatching(/^Nama pengguna: 2–100 karakter/)]);
    expect(fields.password).toEqual(['Kata sandi paling sedikit 10 dan paling banyak 200 karakter.']);
    expect(fields.roles).toEqual([expect.stringContaining('Peran tidak dikenal: raja.')]);

    const english = await admin.call('post', '/api/admin/users', 'en').send({ login: 'admin', displayName: 'Lagi', password: 'admin', roles: ['feedback_admin'] });
    expect(fieldsOf(english)).toEqual({
      login: ['The user name admin is already taken.'],
      password: ['The password must have at least 10 and at most 200 characters.'],
      unitScopeId: ['The role(s) feedback_admin apply to one unit only: choose the unit.'],
    });
    const sameAsLogin = await admin.call('post', '/api/admin/users', 'en').send({
      login: loginOf('sandi-sama'), displayName: 'X', password: loginOf('Sandi-Sama'), roles: ['kepala_opd', 'kepala_opd'], unitScopeId: 999999, employeeId: 999999,
    });
    expect(fieldsOf(sameAsLogin)).toEqual({
      password: ['The password may not be the user name.'],
      roles: ['Must be a list of roles, each at most once.'],
      unitScopeId: ['Unit 999999 does not exist.'],
      employeeId: ['Employee 999999 does not exist.'],
    });
    expect(fieldsOf(await admin.call('post', '/api/admin/users').send({}))).toEqual({
      login: ['Wajib diisi.'], displayName: ['Wajib diisi.'], password: ['Wajib diisi.'],
    });
    expect((await admin.call('post', '/api/admin/users').send('[]').set('Content-Type', 'application/json')).status).toBe(400);
  });

  test('when an administrator changes a user, then the change is saved with who made it; deactivation signs the user out', async () => {
    const created = await createUser({ login: loginOf('ubah'), roles: [] });
    const session = await signIn(loginOf('ubah'), 'rahasia-panjang-1');
    const changed = await admin.call('patch', `/api/admin/users/${created.id}`).send({
      displayName: 'Budi Santoso', roles: ['bkpsdm_diklat', 'inspektorat'], language: 'en',
    }).expect(200);
    expectDocumented('patch', '/api/admin/users/{id}', changed);
    expect(changed.body).toMatchObject({ displayName: 'Budi Santoso', roles: ['bkpsdm_diklat', 'inspektorat'], language: 'en', updatedBy: 'admin' });
    expect((await session.call('get', '/api/auth/me').expect(200)).body.user.roles).toEqual(['bkpsdm_diklat', 'inspektorat']);

    const refused = await admin.call('patch', `/api/admin/users/${created.id}`).send({ roles: ['feedback_admin'], language: 'fr', login: 'lain' });
    expect(fieldsOf(refused)).toEqual({
      language: ['Harus salah satu dari: id, en.'],
      login: ['Isian ini tidak dikenal.'],
      unitScopeId: [expect.stringMatching(/^Peran feedback_admin hanya berlaku untuk satu unit kerja/)],
    });

    await admin.call('patch', `/api/admin/users/${created.id}`).send({ active: false }).expect(200);
    expect((await session.call('get', '/api/auth/me')).status).toBe(401);
    expect((await request(h.app).post('/api/auth/login').send({ login: loginOf('ubah'), password: 'rahasia-panjang-1' })).status).toBe(401);
    await admin.call('patch', `/api/admin/users/${created.id}`).send({ active: true }).expect(200);
    await signIn(loginOf('ubah'), 'rahasia-panjang-1');
    expect((await admin.call('patch', '/api/admin/users/999999').send({ displayName: 'X' })).status).toBe(404);
  });

  test('when the change would deactivate yourself or leave no active administrator, then it is refused beside the field', async () => {
    const adminId = admin.user.id;
    expect(fieldsOf(await admin.call('patch', `/api/admin/users/${adminId}`).send({ active: false }))).toEqual({
      active: ['Anda tidak dapat menonaktifkan akun Anda sendiri.'],
    });
    const alone = await admin.call('patch', `/api/admin/users/${adminId}`, 'en').send({ roles: ['sekda'] });
    expect(fieldsOf(alone)).toEqual({ roles: ['This is the last active administrator. Make another user an administrator first.'] });
    expectDocumented('patch', '/api/admin/users/{id}', alone);

    // With a second administrator, the first may step down; the second is then the last one.
    const second = await createUser({ login: loginOf('admin2'), roles: ['administrator'] });
    const other = await signIn(loginOf('admin2'), 'rahasia-panjang-1');
    await admin.call('patch', `/api/admin/users/${adminId}`).send({ roles: ['administrator', 'sekda'] }).expect(200);
    await other.call('patch', `/api/admin/users/${adminId}`).send({ roles: ['sekda'] }).expect(200);
    expect(fieldsOf(await other.call('patch', `/api/admin/users/${second.id}`).send({ roles: [] }))).toEqual({
      roles: [expect.stringMatching(/^Ini administrator aktif terakhir/)],
    });
    await other.call('patch', `/api/admin/users/${adminId}`).send({ roles: ['administrator'] }).expect(200);
    await admin.call('patch', `/api/admin/users/${second.id}`).send({ active: false }).expect(200);
    expect((await admin.call('get', `/api/admin/users/${adminId}`).expect(200)).body.roles).toEqual(['administrator']);
  });

  test('when an administrator resets a password, then only the new one works and the user\'s sessions end; the system user cannot be changed', async () => {
    const created = await createUser({ login: loginOf('lupa') });
    const session = await signIn(loginOf('lupa'), 'rahasia-panjang-1');
    const short = await admin.call('post', `/api/admin/users/${created.id}/password`).send({ password: 'abc' });
    expect(fieldsOf(short)).toEqual({ password: ['Kata sandi paling sedikit 10 dan paling banyak 200 karakter.'] });
    expectDocumented('post', '/api/admin/users/{id}/password', short);
    const reset = await admin.call('post', `/api/admin/users/${created.id}/password`).send({ password: 'sandi-baru-yang-kuat' });
    expect(reset.status).toBe(204);
    expect((await session.call('get', '/api/auth/me')).status).toBe(401);
    expect((await request(h.app).post('/api/auth/login').send({ login: loginOf('lupa'), password: 'rahasia-panjang-1' })).status).toBe(401);
    await signIn(loginOf('lupa'), 'sandi-baru-yang-kuat');

    await ensurePublicUser(h.db.em());
    const publik = await userId('publik');
    const system = await admin.call('patch', `/api/admin/users/${publik}`).send({ active: false });
    expect([system.status, system.body.error.code]).toEqual([409, 'USER_IS_SYSTEM']);
    expectDocumented('patch', '/api/admin/users/{id}', system);
    expect((await admin.call('post', `/api/admin/users/${publik}/password`).send({ password: 'sandi-baru-yang-kuat' })).status).toBe(409);
    const listed = await admin.call('get', '/api/admin/users?search=publik').expect(200);
    expect((listed.body.items as Array<UserBody & { system: boolean }>).find((u) => u.login === 'publik')?.system).toBe(true);
  });

  test('when a user records their own absence with a substitute, then new tasks would go to the substitute, and the substitute sees whom they cover', async () => {
    const substitute = await userId('bkpsdm.mutasi');
    const start = dayFromToday(0);
    const end = dayFromToday(10);
    const res = await kepala.call('put', '/api/me/absence').send({ absenceStart: start, absenceEnd: end, substituteUserId: substitute }).expect(200);
    expectDocumented('put', '/api/me/absence', res);
    expect(res.body).toMatchObject({ user: { login: 'kepala.dinkes' }, absence: { start, end, substitute: { login: 'bkpsdm.mutasi' } } });
    expect(await createRegistryDirectory(h.db).substituteFor('kepala.dinkes', new Date())).toBe('bkpsdm.mutasi');
    expectDocumented('get', '/api/me/absence', await kepala.call('get', '/api/me/absence').expect(200));

    const mutasi = await signIn('bkpsdm.mutasi');
    const covering = await mutasi.call('get', '/api/me/absence').expect(200);
    expect(covering.body).toMatchObject({ absence: null, coveringFor: [{ login: 'kepala.dinkes', start, end }] });
    const candidates = await mutasi.call('get', '/api/me/substitute-candidates?search=dinkes&limit=5').expect(200);
    expectDocumented('get', '/api/me/substitute-candidates', candidates);
    expect(candidates.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ login: 'kepala.dinkes', absence: { start, end } })]));

    const cleared = await kepala.call('delete', '/api/me/absence').expect(200);
    expectDocumented('delete', '/api/me/absence', cleared);
    expect(cleared.body.absence).toBeNull();
    expect(await createRegistryDirectory(h.db).substituteFor('kepala.dinkes', new Date())).toBeNull();
  });

  test('when an absence breaks a substitute rule, then 422 says which: yourself, inactive, absent too, a circle, dates', async () => {
    const me = kepala.user.id;
    const put = (body: Record<string, unknown>, language: 'id' | 'en' = 'en') => kepala.call('put', '/api/me/absence', language).send(body);
    const base = { absenceStart: dayFromToday(1), absenceEnd: dayFromToday(5) };

    expect(fieldsOf(await put({ ...base, substituteUserId: me }))).toEqual({ substituteUserId: ['The substitute must be someone else, not the absent user.'] });
    expect(fieldsOf(await put({ ...base, substituteUserId: 999999 }))).toEqual({ substituteUserId: ['The substitute user does not exist.'] });
    const inactive = await createUser({ login: loginOf('pensiun'), displayName: 'Pegawai Pensiun' });
    await admin.call('patch', `/api/admin/users/${inactive.id}`).send({ active: false }).expect(200);
    expect(fieldsOf(await put({ ...base, substituteUserId: inactive.id }))).toEqual({
      substituteUserId: ['Pegawai Pensiun is not active and cannot be a substitute.'],
    });
    const backwards = await put({ absenceStart: dayFromToday(5), absenceEnd: dayFromToday(1), substituteUserId: 'x' }, 'id');
    expect(fieldsOf(backwards)).toEqual({
      absenceEnd: [`Tanggal selesai tidak boleh sebelum tanggal mulai (${dayFromToday(5)}).`],
      substituteUserId: ['Harus berupa bilangan bulat positif (id).'],
    });
    expectDocumented('put', '/api/me/absence', backwards);
    expect(fieldsOf(await put({ absenceStart: '2020-01-01', absenceEnd: '2020-01-31', substituteUserId: await userId('sekda') }))).toEqual({
      absenceEnd: [`The end date has passed; an absence must end today (${dayFromToday(0)}) or later.`],
    });
    expect(fieldsOf(await put({ absenceStart: '2026-02-30' }))).toEqual({
      absenceStart: ['Must be a date (ISO 8601), e.g. 2026-12-31.'], absenceEnd: ['Required.'], substituteUserId: ['Required.'],
    });

    // The Sekda is away from day 3 to day 8 with the Bagian Hukum standing in: not a substitute on those days.
    const sekda = await signIn('sekda');
    await sekda.call('put', '/api/me/absence').send({ absenceStart: dayFromToday(3), absenceEnd: dayFromToday(8), substituteUserId: await userId('hukum') }).expect(200);
    const sekdaName = (await h.db.em().findOneOrFail(User, { login: 'sekda' })).displayName;
    expect(fieldsOf(await put({ ...base, substituteUserId: sekda.user.id }))).toEqual({
      substituteUserId: [`${sekdaName} is absent too, from ${dayFromToday(3)} to ${dayFromToday(8)}; choose another substitute.`],
    });
    // After the Sekda is back, they may stand in.
    await kepala.call('put', '/api/me/absence').send({ absenceStart: dayFromToday(9), absenceEnd: dayFromToday(12), substituteUserId: sekda.user.id }).expect(200);

    // A → B → A: the Sekda cannot name the kepala for days on which the kepala named the Sekda.
    const circle = await sekda.call('put', '/api/me/absence', 'en').send({ absenceStart: dayFromToday(10), absenceEnd: dayFromToday(11), substituteUserId: me });
    const kepalaName = (await h.db.em().findOneOrFail(User, { login: 'kepala.dinkes' })).displayName;
    expect(fieldsOf(circle)).toEqual({
      substituteUserId: [`${kepalaName} is absent from ${dayFromToday(9)} to ${dayFromToday(12)} and names this user as their substitute; tasks would go round in a circle.`],
    });
    await kepala.call('delete', '/api/me/absence').expect(200);
    await sekda.call('delete', '/api/me/absence').expect(200);
  });

  test('when an administrator sets another user\'s absence, then it is saved with who set it; others may not', async () => {
    const target = await userId('organisasi');
    const substitute = await userId('inspektorat');
    const body = { absenceStart: dayFromToday(2), absenceEnd: dayFromToday(4), substituteUserId: substitute };
    const forbidden = await kepala.call('put', `/api/admin/users/${target}/absence`).send(body);
    expect(forbidden.status).toBe(403);
    const set = await admin.call('put', `/api/admin/users/${target}/absence`).send(body).expect(200);
    expectDocumented('put', '/api/admin/users/{id}/absence', set);
    expect(set.body.absence).toMatchObject({ start: dayFromToday(2), end: dayFromToday(4), substitute: { login: 'inspektorat' } });
    const user = await admin.call('get', `/api/admin/users/${target}`).expect(200);
    expect(user.body).toMatchObject({ absence: { substitute: { login: 'inspektorat' } }, updatedBy: 'admin' });
    expect(fieldsOf(await admin.call('put', `/api/admin/users/${target}/absence`).send({ ...body, substituteUserId: target }))).toEqual({
      substituteUserId: ['Pengganti harus orang lain, bukan pengguna yang tidak hadir.'],
    });
    const cleared = await admin.call('delete', `/api/admin/users/${target}/absence`).expect(200);
    expectDocumented('delete', '/api/admin/users/{id}/absence', cleared);
    expect(cleared.body.absence).toBeNull();
    expect((await admin.call('put', '/api/admin/users/999999/absence').send(body)).status).toBe(404);
  });

  test('when an administrator reads and edits the calendar, then a year lists its days and every rule is checked beside the field', async () => {
    const year = await admin.call('get', '/api/admin/calendar-days?year=2026').expect(200);
    expectDocumented('get', '/api/admin/calendar-days', year);
    expect(year.body).toMatchObject({ year: 2026, weekend: [6, 7] });
    expect(year.body.items).toEqual(expect.arrayContaining([
      expect.objectContaining({ date: '2026-08-17', kind: 'NATIONAL_HOLIDAY', weekday: 1 }),
      expect.objectContaining({ date: '2026-12-24', kind: 'CUTI_BERSAMA', weekday: 4 }),
    ]));
    expect((await admin.call('get', '/api/admin/calendar-days?year=99')).body.error.code).toBe('INVALID_YEAR');

    const bad = await admin.call('post', '/api/admin/calendar-days', 'en').send({ date: '2027-02-29', kind: 'LIBUR', nameId: '' });
    expect(fieldsOf(bad)).toEqual({
      date: ['Must be a date (ISO 8601), e.g. 2026-12-31.'], kind: ['Must be one of: NATIONAL_HOLIDAY, CUTI_BERSAMA, EXTRA_WORKING_DAY.'], nameId: ['Required.'],
    });
    expectDocumented('post', '/api/admin/calendar-days', bad);
    // 2027-01-02 is a Saturday, 2027-01-04 a Monday.
    expect(fieldsOf(await admin.call('post', '/api/admin/calendar-days', 'en').send({ date: '2027-01-02', kind: 'CUTI_BERSAMA', nameId: 'Cuti' }))).toEqual({
      date: ['This date is a Saturday or Sunday, already a non-working day; cuti bersama falls on working days only.'],
    });
    expect(fieldsOf(await admin.call('post', '/api/admin/calendar-days', 'en').send({ date: '2027-01-04', kind: 'EXTRA_WORKING_DAY', nameId: 'Masuk' }))).toEqual({
      date: ['An extra working day must be a Saturday or Sunday; Monday to Friday are working days already.'],
    });
    expect(fieldsOf(await admin.call('post', '/api/admin/calendar-days').send({ date: '2026-08-17', kind: 'NATIONAL_HOLIDAY', nameId: 'Lagi' }))).toEqual({
      date: [expect.stringMatching(/^Tanggal ini sudah ada di kalender: /)],
    });

    const added = await admin.call('post', '/api/admin/calendar-days').send({ date: '2027-01-04', kind: 'CUTI_BERSAMA', nameId: 'Cuti bersama uji' }).expect(201);
    expectDocumented('post', '/api/admin/calendar-days', added);
    expect(added.body).toMatchObject({ date: '2027-01-04', weekday: 1, kind: 'CUTI_BERSAMA', nameId: 'Cuti bersama uji', nameEn: 'Cuti bersama uji', updatedBy: 'admin' });
    const edited = await admin.call('patch', `/api/admin/calendar-days/${added.body.id}`).send({ nameEn: 'Test joint leave', date: '2027-01-05' }).expect(200);
    expectDocumented('patch', '/api/admin/calendar-days/{id}', edited);
    expect(edited.body).toMatchObject({ date: '2027-01-05', weekday: 2, nameEn: 'Test joint leave' });
    expect(fieldsOf(await admin.call('patch', `/api/admin/calendar-days/${added.body.id}`).send({ date: '2027-01-09' }))).toEqual({
      date: [expect.stringMatching(/^Tanggal ini hari Sabtu atau Minggu/)],
    });
    const next = await admin.call('get', '/api/admin/calendar-days?year=2027').expect(200);
    expect((next.body.items as Array<{ date: string }>).map((d) => d.date)).toEqual(['2027-01-05']);
    expect((await admin.call('delete', `/api/admin/calendar-days/${added.body.id}`)).status).toBe(204);
    expect((await admin.call('delete', `/api/admin/calendar-days/${added.body.id}`)).status).toBe(404);
    expect((await admin.call('patch', '/api/admin/calendar-days/999999').send({ nameId: 'X' })).status).toBe(404);
  });

  describe('with the engine', () => {
    const name = (text: string) => ({ id: text, en: text });

    async function startWithDeadline(workingDays: number): Promise<CaseView> {
      const key = `t-admin-${randomUUID().slice(0, 8)}`;
      const steps: Step[] = [
        { id: 'review', kind: 'approval', name: name('Telaah'), assignees: [{ kind: 'user', userId: 'admin' }], mode: { kind: 'single' },
          next: { approved: 'done', rejected: 'refused' }, deadline: { workingDays } },
        { id: 'done', kind: 'end', name: name('Selesai'), outcome: 'approved' },
        { id: 'refused', kind: 'end', name: name('Ditolak'), outcome: 'rejected' },
      ];
      await publishDefinition(h.db.em(), { key, version: 1, name: name('Uji kalender'), starters: ['administrator'], firstStep: 'review', steps });
      const handle = await startCase({ client: h.client, taskQueue: h.taskQueue, em: h.db.em() }, { processKey: key, initiator: { userId: 'admin', unitId: null }, data: {} });
      const view = await eventually(async () => {
        const v = await handle.query(caseViewQuery);
        return v.current?.deadline ? v : undefined;
      });
      await handle.terminate('test done');
      return view;
    }

    test('when an administrator adds a holiday or an extra working day, then the next case\'s deadline follows it at once', async () => {
      const before = await loadRegistryCalendar(h.db);
      // The next working day after today becomes a holiday.
      let day = new Date();
      do day = new Date(day.getTime() + WIB_DAY_MS); while (!isWorkingDay(localDate(day, before), before));
      const holiday = localDate(day, before);
      const added = await admin.call('post', '/api/admin/calendar-days').send({ date: holiday, kind: 'NATIONAL_HOLIDAY', nameId: 'Libur uji' }).expect(201);
      const v = await startWithDeadline(1);
      const startedAt = new Date(v.current!.startedAt);
      const after = await loadRegistryCalendar(h.db);
      expect(after.holidays).toContain(holiday);
      expect(v.current!.deadline).toBe(addWorkingDays(startedAt, 1, after).toISOString());
      expect(localDate(new Date(v.current!.deadline!), after) > holiday).toBe(true);
      expect(new Date(v.current!.deadline!).getTime()).toBeGreaterThan(addWorkingDays(startedAt, 1, before).getTime());
      await admin.call('delete', `/api/admin/calendar-days/${added.body.id}`).expect(204);

      // Six working days always cross the next Saturday; worked, it brings the deadline a day closer.
      let saturday = new Date();
      const isFreeSaturday = (d: Date) => new Date(`${localDate(d, before)}T00:00:00Z`).getUTCDay() === 6 && !before.holidays.includes(localDate(d, before));
      do saturday = new Date(saturday.getTime() + WIB_DAY_MS); while (!isFreeSaturday(saturday));
      const worked = await admin.call('post', '/api/admin/calendar-days').send({ date: localDate(saturday, before), kind: 'EXTRA_WORKING_DAY', nameId: 'Hari kerja pengganti' }).expect(201);
      const w = await startWithDeadline(6);
      const withSaturday = await loadRegistryCalendar(h.db);
      expect(withSaturday.extraWorkingDays).toEqual([localDate(saturday, before)]);
      const from = new Date(w.current!.startedAt);
      expect(w.current!.deadline).toBe(addWorkingDays(from, 6, withSaturday).toISOString());
      expect(new Date(w.current!.deadline!).getTime()).toBeLessThan(addWorkingDays(from, 6, before).getTime());
      await admin.call('delete', `/api/admin/calendar-days/${worked.body.id}`).expect(204);
    });

    test('when an election-freeze period is added through the API, then a rotation check sees it; without periods, ALUR_ELECTION_FREEZE applies', async () => {
      const empty = await admin.call('get', '/api/admin/election-freeze').expect(200);
      expectDocumented('get', '/api/admin/election-freeze', empty);
      expect(empty.body.items).toEqual([]);

      const invalid = await admin.call('post', '/api/admin/election-freeze', 'en').send({ start: dayFromToday(5), end: dayFromToday(1), reason: 'pendek' });
      expect(fieldsOf(invalid)).toEqual({
        end: [`The end date may not be before the start date (${dayFromToday(5)}).`],
        reason: ['Too short (at least 10 characters).'],
      });
      expectDocumented('post', '/api/admin/election-freeze', invalid);
      expect(fieldsOf(await admin.call('post', '/api/admin/election-freeze').send({ start: 'kemarin' }))).toEqual({
        start: ['Harus berupa tanggal (ISO 8601), mis. 2026-12-31.'], end: ['Wajib diisi.'], reason: ['Wajib diisi.'],
      });

      const reason = 'Enam bulan sebelum penetapan pasangan calon Pilkada (UU 10/2016 pasal 71 ayat 2).';
      const created = await admin.call('post', '/api/admin/election-freeze').send({ start: dayFromToday(-30), end: dayFromToday(60), reason }).expect(201);
      expectDocumented('post', '/api/admin/election-freeze', created);
      expect(created.body).toMatchObject({ start: dayFromToday(-30), end: dayFromToday(60), reason, createdBy: 'admin', updatedBy: 'admin' });
      const overlap = await admin.call('post', '/api/admin/election-freeze').send({ start: dayFromToday(60), end: dayFromToday(90), reason });
      expect(fieldsOf(overlap)).toEqual({
        start: [`Tumpang tindih dengan masa larangan ${dayFromToday(-30)} s.d. ${dayFromToday(60)}; ubah masa itu atau pilih tanggal lain.`],
      });
      const later = await admin.call('post', '/api/admin/election-freeze').send({ start: dayFromToday(200), end: dayFromToday(380), reason }).expect(201);
      expect(fieldsOf(await admin.call('patch', `/api/admin/election-freeze/${later.body.id}`).send({ start: dayFromToday(10) }))).toEqual({
        start: [expect.stringMatching(/^Tumpang tindih/)],
      });
      const moved = await admin.call('patch', `/api/admin/election-freeze/${later.body.id}`).send({ start: dayFromToday(180) }).expect(200);
      expectDocumented('patch', '/api/admin/election-freeze/{id}', moved);
      expect(moved.body).toMatchObject({ start: dayFromToday(180), end: dayFromToday(380) });

      // A rotation proposed now: the worker's default effects read the period from the database.
      const candidates = await kepala.call('get', '/api/rotation/candidates?positionId=104&limit=1').expect(200);
      const employee = candidates.body.items[0].employee as { nip: string; unit: { id: number } };
      const proposed = await kepala.call('post', '/api/processes/rotasi-jabatan/cases').set('Idempotency-Key', randomUUID()).send({
        title: 'Usulan rotasi (masa larangan)',
        data: { employeeNip: employee.nip, currentUnitId: employee.unit.id, targetPositionId: 104, reason: 'rotasi', justification: 'Penyegaran organisasi dan pemenuhan jabatan lowong.' },
      }).expect(201);
      const checked = await eventually(async () => {
        const res = await admin.call('get', `/api/cases/${proposed.body.id as string}`).expect(200);
        return res.body.data?.checks ? res.body : undefined;
      });
      expect(checked.data).toMatchObject({
        inFreeze: true,
        checks: { items: { electionFreeze: { passed: false, detail: { window: { start: dayFromToday(-30), end: dayFromToday(60), reason } } } } },
      });
      const freezeCheck = await createDefaultEffects().checkElectionFreeze!({
        em: h.db.em(), caseId: 'x', stepId: 'x', processKey: 'x', initiator: { userId: 'admin', unitId: null }, subject: null, data: {},
      });
      expect(freezeCheck).toMatchObject({ data: { inFreeze: true, freezeWindow: { start: dayFromToday(-30) } } });
      await h.client.workflow.getHandle(proposed.body.id as string).terminate('test done');

      // The variable is the fallback while no period is stored.
      const env = { ALUR_ELECTION_FREEZE: '2031-01-01/2031-06-30' };
      expect(await loadElectionFreeze(h.db.em(), env)).toHaveLength(2);
      for (const id of [created.body.id, later.body.id]) expect((await admin.call('delete', `/api/admin/election-freeze/${id}`)).status).toBe(204);
      expect((await admin.call('delete', `/api/admin/election-freeze/${later.body.id}`)).status).toBe(404);
      expect(await loadElectionFreeze(h.db.em(), env)).toEqual([{ start: '2031-01-01', end: '2031-06-30' }]);
      const afterwards = await createDefaultEffects().checkElectionFreeze!({
        em: h.db.em(), caseId: 'x', stepId: 'x', processKey: 'x', initiator: { userId: 'admin', unitId: null }, subject: null, data: {},
      });
      expect(afterwards).toMatchObject({ data: { inFreeze: false } });
    });
  });
});
