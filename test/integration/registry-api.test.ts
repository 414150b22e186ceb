import { createHash } from 'node:crypto';
import path from 'node:path';
import request, { type Response } from 'supertest';
import type { Express } from 'express';
import { buildDemoRegistry, DEMO_PASSWORD, Session, User, type DemoRegistry, type Employee, type Position } from '../../db';
import { createApp } from '../../server/app';
import { openApiDocument } from '../../server/openapi';
import { todayInWib } from '../../server/registry';
import { openApiSchemas } from '../support/openapi-schemas';
import { requireEnv, startHarness, testDatabases, type Harness } from './harness';

type Agent = ReturnType<typeof request.agent>;

interface SignedIn {
  agent: Agent;
  csrf: string;
  user: { id: number; login: string; roles: string[]; unitScopeId: number | null; employeeId: number | null };
}

const documented = openApiSchemas(openApiDocument());

/** Asserts that a real answer is the one the OpenAPI document describes for it. */
function expectDocumented(method: string, route: string, res: Response): void {
  expect({ route, status: res.status, problems: documented.problems(method, route, res.status, res.body) })
    .toEqual({ route, status: res.status, problems: [] });
}

describe.each(testDatabases())('registry API ($name)', (database) => {
  let h: Harness;
  let demo: DemoRegistry;
  const created: number[] = [];
  let admin: SignedIn;
  let mutasi: SignedIn;
  let kepala: SignedIn;

  const unitByCode = (code: string) => {
    const unit = demo.orgUnits.find((u) => u.code === code);
    if (!unit) throw new Error(`no demo unit ${code}`);
    return unit;
  };
  const subtreeOf = (unitId: number): Set<number> => {
    const ids = new Set([unitId]);
    for (const unit of demo.orgUnits) if (unit.parentId !== null && ids.has(unit.parentId)) ids.add(unit.id);
    return ids;
  };
  const opdCodeOf = (unitId: number): string | undefined => {
    let unit = demo.orgUnits.find((u) => u.id === unitId);
    while (unit && unit.parentId !== null && demo.orgUnits.find((u) => u.id === unit?.parentId)?.parentId !== null) {
      unit = demo.orgUnits.find((u) => u.id === unit?.parentId);
    }
    return unit?.code;
  };
  const employeesIn = (code: string) => {
    const units = subtreeOf(unitByCode(code).id);
    return demo.employees.filter((e) => units.has(e.unitId));
  };

  async function signIn(login: string, app: Express = h.app): Promise<SignedIn> {
    const agent = request.agent(app);
    const res = await agent.post('/api/auth/login').send({ login, password: DEMO_PASSWORD }).expect(200);
    return { agent, csrf: res.body.csrfToken as string, user: res.body.user };
  }

  /** A new employee's body; NIPs use sequence numbers 900+ that the demo seed never gives. */
  let serial = 0;
  function newEmployee(name: string, unitId: number, extra: Record<string, unknown> = {}) {
    serial += 1;
    const birth = new Date(Date.UTC(1990, 0, 1 + serial * 3));
    const birthDate = birth.toISOString().slice(0, 10);
    return {
      nip: `${birthDate.replaceAll('-', '')}2016031${String(900 + serial).padStart(3, '0')}`,
      name,
      gender: 'M',
      birthDate,
      golongan: 'III/a',
      tmtGolongan: '2016-03-01',
      unitId,
      educationLevel: 'S1',
      educationMajor: 'Ilmu Administrasi Negara',
      competencies: ['analisis kebijakan'],
      ...extra,
    };
  }

  async function create(as: SignedIn, body: object): Promise<Response> {
    const res = await as.agent.post('/api/registry/employees').set('X-CSRF-Token', as.csrf).send(body);
    if (res.status === 201) created.push(res.body.id as number);
    return res;
  }

  async function allPages(as: SignedIn, url: string): Promise<Array<{ id: number; name: string }>> {
    const items: Array<{ id: number; name: string }> = [];
    let cursor: string | null = null;
    do {
      const res: Response = await as.agent.get(`${url}&limit=100${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  }

  beforeAll(async () => {
    // A database of its own with the demo registry: the tests add employees and fill positions.
    h = await startHarness(database.config(), { worker: false, seed: true });
    demo = buildDemoRegistry();
    [admin, mutasi, kepala] = await Promise.all([signIn('admin'), signIn('bkpsdm.mutasi'), signIn('kepala.diskominfo')]);
  });

  afterAll(async () => {
    await h?.close();
  });

  test('when nobody is signed in, then every registry route answers 401 and the OpenAPI document is public', async () => {
    for (const url of ['/api/registry/employees', '/api/registry/employees/1', '/api/registry/units', '/api/registry/units/1', '/api/registry/positions']) {
      const res = await request(h.app).get(url).expect(401);
      expect(res.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Silakan masuk terlebih dahulu.' } });
    }
    const write = await request(h.app).post('/api/registry/employees').set('Accept-Language', 'en').send({}).expect(401);
    expect(write.body.error).toEqual({ code: 'UNAUTHENTICATED', message: 'Please sign in first.' });

    const doc = await request(h.app).get('/api/openapi.json').expect(200);
    expect(doc.body).toMatchObject({ openapi: '3.1.0', info: { title: 'Alur API' } });
    expect(Object.keys(doc.body.paths)).toContain('/api/registry/employees/{id}');
    expectDocumented('get', '/api/openapi.json', doc);
  });

  test('when the password is wrong, then 401 with the same message as for an unknown user', async () => {
    const wrong = await request(h.app).post('/api/auth/login').send({ login: 'walikota', password: 'salah' }).expect(401);
    const unknown = await request(h.app).post('/api/auth/login').send({ login: 'tidak.ada', password: 'salah' }).expect(401);
    expect(wrong.body).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: 'Nama pengguna atau kata sandi salah.' } });
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expectDocumented('post', '/api/auth/login', wrong);
  });

  test('when one login is tried too often, then 429 with Retry-After, even with the right password', async () => {
    const app = createApp({
      client: h.client, connection: h.connection, taskQueue: h.taskQueue, db: h.db,
      webDir: path.join(requireEnv('ALUR_TEST_TMP'), 'no-web'), auth: { loginAttempts: 3 },
    });
    for (let i = 0; i < 3; i++) await request(app).post('/api/auth/login').send({ login: 'hukum', password: `tebakan-${i}` }).expect(401);
    const limited = await request(app).post('/api/auth/login').set('Accept-Language', 'en').send({ login: 'hukum', password: DEMO_PASSWORD }).expect(429);
    expect(limited.body).toEqual({ error: { code: 'TOO_MANY_ATTEMPTS', message: 'Too many sign-in attempts. Wait a few minutes and try again.' } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expectDocumented('post', '/api/auth/login', limited);
    // Another login from the same address is not locked out.
    await request(app).post('/api/auth/login').send({ login: 'organisasi', password: DEMO_PASSWORD }).expect(200);
  });

  test('when a signed-in write lacks the X-CSRF-Token header, then 403 CSRF_INVALID and nothing is written', async () => {
    const body = newEmployee('Tanpa Token Keamanan', unitByCode('DISKOMINFO').id);
    const missing = await admin.agent.post('/api/registry/employees').send(body).expect(403);
    expect(missing.body.error).toMatchObject({ code: 'CSRF_INVALID' });
    expect(missing.body.error.message).toContain('CSRF');
    const wrong = await admin.agent.post('/api/registry/employees').set('X-CSRF-Token', `${admin.csrf.slice(1)}x`).send(body).expect(403);
    expect(wrong.body.error.code).toBe('CSRF_INVALID');

    const read = await admin.agent.get(`/api/registry/employees?search=${body.nip}`).expect(200);
    expect(read.body).toEqual({ items: [], nextCursor: null });
  });

  test('when a session has expired or its user is deactivated, then its cookie opens nothing', async () => {
    const signIn = async () => {
      const login = await request(h.app).post('/api/auth/login').send({ login: 'bkpsdm.mutasi', password: DEMO_PASSWORD }).expect(200);
      return String(login.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
    };
    const expiring = await signIn();
    const other = await signIn();
    const me = await request(h.app).get('/api/auth/me').set('Cookie', expiring).expect(200);
    expect(me.body.user).toMatchObject({ login: 'bkpsdm.mutasi', roles: ['bkpsdm_mutasi'], language: 'id' });
    expect(typeof me.body.user.id).toBe('number');
    const em = h.db.em();
    const user = await em.findOneOrFail(User, { login: 'bkpsdm.mutasi' });
    // Expire only the first session: the database keeps the SHA-256 of the cookie's token.
    const stored = createHash('sha256').update(decodeURIComponent(expiring.slice('alur_session='.length))).digest('hex');
    expect(await em.nativeUpdate(Session, { id: stored }, { expiresAt: new Date(Date.now() - 1000) })).toBe(1);
    expect((await request(h.app).get('/api/auth/me').set('Cookie', expiring).expect(401)).body.error.code).toBe('UNAUTHENTICATED');
    await request(h.app).get('/api/auth/me').set('Cookie', other).expect(200);
    // Deactivated straight in the database (not through the admin API, which also ends sessions).
    await em.nativeUpdate(User, { id: user.id }, { active: false });
    try {
      await request(h.app).get('/api/auth/me').set('Cookie', other).expect(401);
    } finally {
      await em.nativeUpdate(User, { id: user.id }, { active: true });
    }
    await request(h.app).get('/api/auth/me').set('Cookie', other).expect(200);
  });

  test('when a user signs out, then the old session cookie no longer opens anything', async () => {
    const agent = request.agent(h.app);
    const login = await agent.post('/api/auth/login').send({ login: 'bkpsdm.diklat', password: DEMO_PASSWORD }).expect(200);
    expectDocumented('post', '/api/auth/login', login);
    const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^alur_session=/);
    const me = await request(h.app).get('/api/auth/me').set('Cookie', cookie).expect(200);
    expect(me.body.user).toMatchObject({ login: 'bkpsdm.diklat', roles: ['bkpsdm_diklat'] });
    expectDocumented('get', '/api/auth/me', me);

    await agent.post('/api/auth/logout').set('X-CSRF-Token', login.body.csrfToken).expect(204);

    const after = await request(h.app).get('/api/registry/units').set('Cookie', cookie).expect(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
    await request(h.app).get('/api/auth/me').set('Cookie', cookie).expect(401);
  });

  test('when employees are searched by part of a name in another case, then every match is listed and nothing else', async () => {
    const target = employeesIn('DISKOMINFO')[0] as Employee;
    const term = target.name.split(',')[0]?.toLowerCase() ?? '';
    const res = await admin.agent.get(`/api/registry/employees?search=${encodeURIComponent(term.toUpperCase())}&limit=100`).expect(200);
    expectDocumented('get', '/api/registry/employees', res);
    const expected = demo.employees.filter((e) => e.name.toLowerCase().includes(term));
    expect(res.body.items.map((e: { id: number }) => e.id).sort((a: number, b: number) => a - b)).toEqual(expected.map((e) => e.id));
    const position = demo.positions.find((p) => p.id === target.positionId);
    expect(res.body.items.find((e: { id: number }) => e.id === target.id)).toEqual({
      id: target.id,
      nip: target.nip,
      name: target.name,
      golongan: target.golongan,
      pangkat: expect.any(String),
      position: { id: position?.id, name: position?.name },
      unit: { id: target.unitId, name: demo.orgUnits.find((u) => u.id === target.unitId)?.name },
    });
    expect(res.body.nextCursor).toBeNull();
  });

  test('when employees are searched by NIP, then a prefix lists those NIPs and a grouped full NIP finds exactly one', async () => {
    const target = employeesIn('DINKES')[3] as Employee;
    const prefix = target.nip.slice(0, 8);
    const byPrefix = await admin.agent.get(`/api/registry/employees?search=${prefix}&limit=100`).expect(200);
    const expected = demo.employees.filter((e) => e.nip.startsWith(prefix)).map((e) => e.id).sort((a, b) => a - b);
    expect(byPrefix.body.items.map((e: { id: number }) => e.id).sort((a: number, b: number) => a - b)).toEqual(expected);

    const grouped = `${target.nip.slice(0, 8)} ${target.nip.slice(8, 14)} ${target.nip.slice(14, 15)} ${target.nip.slice(15)}`;
    const exact = await admin.agent.get('/api/registry/employees').query({ search: grouped }).expect(200);
    expect(exact.body.items.map((e: { nip: string }) => e.nip)).toEqual([target.nip]);
  });

  test('when employees are added between pages, then paging on finishes with no duplicates and no gaps among the original rows', async () => {
    const unitId = unitByCode('DINSOS').id;
    const original = await allPages(admin, `/api/registry/employees?unitId=${unitId}`);
    expect(original.map((e) => e.id).sort((a, b) => a - b)).toEqual(employeesIn('DINSOS').map((e) => e.id));

    const seen: Array<{ id: number; name: string }> = [];
    let cursor: string | null = null;
    let round = 0;
    do {
      const res: Response = await admin.agent.get(`/api/registry/employees?unitId=${unitId}&limit=5${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(5);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      if (cursor) {
        round += 1;
        // One sorts before every name (already paged past), one after every name (still to come).
        await create(admin, newEmployee(`Aaaa Sisipan ${round}`, unitId)).then((r) => expect(r.status).toBe(201));
        await create(admin, newEmployee(`zzzz sisipan ${round}`, unitId)).then((r) => expect(r.status).toBe(201));
      }
    } while (cursor);

    expect(round).toBeGreaterThanOrEqual(4);
    const ids = seen.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const originalIds = original.map((e) => e.id);
    expect(ids.filter((id) => originalIds.includes(id))).toEqual(originalIds);
    expect(seen.filter((e) => e.name.startsWith('Aaaa'))).toEqual([]);
    expect(seen.filter((e) => e.name.startsWith('zzzz')).map((e) => e.name)).toEqual(
      Array.from({ length: round }, (_, i) => `zzzz sisipan ${i + 1}`),
    );
  });

  test('when a cursor or a limit is malformed, then 400 says which', async () => {
    const cursor = await admin.agent.get('/api/registry/employees?cursor=bm90LWEtY3Vyc29y').set('Accept-Language', 'en').expect(400);
    expect(cursor.body.error).toEqual({ code: 'INVALID_CURSOR', message: 'The page cursor is not valid.' });
    expectDocumented('get', '/api/registry/employees', cursor);
    for (const limit of ['0', '101', 'abc', '2.5']) {
      const res = await admin.agent.get(`/api/registry/employees?limit=${limit}`).expect(400);
      expect(res.body.error).toEqual({ code: 'INVALID_LIMIT', message: 'limit harus bilangan bulat 1–100.' });
    }
    const unit = await admin.agent.get('/api/registry/positions?unitId=x').expect(400);
    expect(unit.body.error.code).toBe('INVALID_UNIT_ID');
    const vacant = await admin.agent.get('/api/registry/positions?vacant=ya').expect(400);
    expect(vacant.body.error.code).toBe('INVALID_VACANT');
  });

  test('when an employee is read, then the answer carries golongan, position, unit, education, SKP, sanctions in force and JP', async () => {
    const today = todayInWib();
    const sanction = demo.sanctions.find((s) => s.startDate <= today && (s.endDate === null || s.endDate >= today)) ?? demo.sanctions[0];
    const target = demo.employees.find((e) => e.id === sanction?.employeeId) as Employee;
    const res = await admin.agent.get(`/api/registry/employees/${target.id}`).expect(200);
    expectDocumented('get', '/api/registry/employees/{id}', res);

    const position = demo.positions.find((p) => p.id === target.positionId);
    const sanctions = demo.sanctions.filter((s) => s.employeeId === target.id);
    const trainings = demo.trainings.filter((t) => t.employeeId === target.id);
    const year = Number(today.slice(0, 4));
    const jp = (y: number) => trainings.filter((t) => t.year === y).reduce((sum, t) => sum + t.jpHours, 0);
    expect(res.body).toMatchObject({
      id: target.id,
      nip: target.nip,
      name: target.name,
      birthDate: target.birthDate,
      golongan: { golongan: target.golongan, tmt: target.tmtGolongan },
      position: { id: position?.id, name: position?.name, jenisJabatan: position?.jenisJabatan, tmt: target.tmtJabatan },
      unit: { id: target.unitId },
      opd: { code: opdCodeOf(target.unitId) },
      education: { level: target.educationLevel, major: target.educationMajor },
      competencies: target.competencies,
      lastInaugurationDate: target.lastInaugurationDate,
      skpRatings: demo.skpRatings.filter((r) => r.employeeId === target.id).sort((a, b) => b.year - a.year).map((r) => ({ year: r.year, rating: r.rating })),
      sanctionInForce: sanctions.some((s) => s.startDate <= today && (s.endDate === null || s.endDate >= today)),
    });
    expect(res.body.golongan.pangkat).toEqual(expect.any(String));
    expect(res.body.sanctions).toEqual(sanctions.map((s) => ({ ...s, inForce: s.startDate <= today && (s.endDate === null || s.endDate >= today) }))
      .map(({ employeeId: _employeeId, ...rest }) => rest));
    expect(res.body.training.records).toHaveLength(trainings.length);
    expect(res.body.training.jpByYear).toEqual([...new Set(trainings.map((t) => t.year))].sort((a, b) => b - a).map((y) => ({ year: y, jp: jp(y) })));
    expect(res.body.training.currentYear).toEqual({ year, jp: jp(year), minimumJp: 20 });
  });

  test('when an employee id is unknown or not a number, then 404 EMPLOYEE_NOT_FOUND or 400', async () => {
    const unknown = await admin.agent.get('/api/registry/employees/987654').expect(404);
    expect(unknown.body.error).toMatchObject({ code: 'EMPLOYEE_NOT_FOUND', message: 'Pegawai tidak ditemukan.' });
    expectDocumented('get', '/api/registry/employees/{id}', unknown);
    const english = await admin.agent.get('/api/registry/employees/987654').set('Accept-Language', 'en').expect(404);
    expect(english.body.error.message).toBe('Employee not found.');
    const notNumber = await admin.agent.get('/api/registry/employees/abc').expect(400);
    expect(notNumber.body.error.code).toBe('INVALID_ID');
    const unit = await admin.agent.get('/api/registry/units/987654').expect(404);
    expect(unit.body.error.code).toBe('UNIT_NOT_FOUND');
  });

  test('when a kepala OPD reads employees, then those of their OPD answer 200 and those of another OPD 403', async () => {
    const own = employeesIn('DISKOMINFO').find((e) => e.unitId !== unitByCode('DISKOMINFO').id) as Employee;
    const ownRes = await kepala.agent.get(`/api/registry/employees/${own.id}`).expect(200);
    expect(ownRes.body).toMatchObject({ id: own.id, nip: own.nip, opd: { code: 'DISKOMINFO' } });

    const other = employeesIn('DINKES')[0] as Employee;
    const otherRes = await kepala.agent.get(`/api/registry/employees/${other.id}`).expect(403);
    expect(otherRes.body.error).toMatchObject({ code: 'FORBIDDEN', message: 'Anda tidak berwenang melakukan ini.' });
    expectDocumented('get', '/api/registry/employees/{id}', otherRes);

    // Lists are cut to the scope; asking for another OPD's unit is refused.
    const list = (await allPages(kepala, '/api/registry/employees?search=')).filter((e) => !created.includes(e.id));
    expect(list.map((e) => e.id).sort((a, b) => a - b)).toEqual(employeesIn('DISKOMINFO').map((e) => e.id));
    const otherUnit = await kepala.agent.get(`/api/registry/employees?unitId=${unitByCode('DINKES').id}`).expect(403);
    expect(otherUnit.body.error.code).toBe('FORBIDDEN');
  });

  test('when a user without a registry role reads, then only their own record is open to them', async () => {
    const asisten = await signIn('asisten.pemerintahan');
    const list = await asisten.agent.get('/api/registry/employees').expect(200);
    expect(list.body).toEqual({ items: [], nextCursor: null });
    await asisten.agent.get(`/api/registry/employees/${asisten.user.employeeId}`).expect(200);
    const other = demo.employees.find((e) => e.id !== asisten.user.employeeId) as Employee;
    await asisten.agent.get(`/api/registry/employees/${other.id}`).expect(403);
  });

  test('when an employee is created with an invalid NIP, then 422 names nip in Indonesian, or in English when asked', async () => {
    const body = newEmployee('Nip Keliru', unitByCode('DISKOMINFO').id, { nip: '19900101201603' });
    const id = await create(mutasi, body);
    expect(id.status).toBe(422);
    expect(id.body).toEqual({
      error: { code: 'VALIDATION_FAILED', message: 'Beberapa isian belum benar.', details: { fields: { nip: ['NIP harus terdiri dari 18 digit.'] } } },
    });
    expectDocumented('post', '/api/registry/employees', id);

    const en = await mutasi.agent.post('/api/registry/employees').set('X-CSRF-Token', mutasi.csrf).set('Accept-Language', 'en').send(body).expect(422);
    expect(en.body.error).toEqual({ code: 'VALIDATION_FAILED', message: 'Some fields are not valid.', details: { fields: { nip: ['A NIP has 18 digits.'] } } });

    const read = await mutasi.agent.get('/api/registry/employees?search=nip%20keliru').expect(200);
    expect(read.body.items).toEqual([]);
  });

  test('when a create body has several problems, then each field says what is wrong, unknown unit and position included', async () => {
    const res = await create(admin, {
      ...newEmployee('', 987654),
      gender: 'X',
      golongan: 'V/a',
      educationLevel: 'S9',
      positionId: 987654,
      competencies: 'bukan daftar',
      hobby: 'catur',
    });
    expect(res.status).toBe(422);
    const fields = res.body.error.details.fields;
    expect(Object.keys(fields).sort()).toEqual(['competencies', 'educationLevel', 'gender', 'golongan', 'hobby', 'name', 'positionId', 'tmtJabatan', 'unitId'].sort());
    expect(fields.unitId).toEqual(['Unit kerja 987654 tidak ditemukan.']);
    expect(fields.positionId).toEqual(['Jabatan 987654 tidak ditemukan.']);
    expect(fields.hobby).toEqual(['Isian ini tidak dikenal.']);

    const eselon = demo.positions.find((p) => p.holderEmployeeId === null && p.eselon === 'IV.a') as Position;
    const tooLow = await create(admin, newEmployee('Pangkat Terlalu Rendah', eselon.unitId, { positionId: eselon.id, tmtJabatan: '2026-01-02' }));
    expect(tooLow.status).toBe(422);
    expect(tooLow.body.error.details.fields).toEqual({ golongan: [expect.stringContaining('belum memenuhi syarat eselon IV.a')] });
  });

  test('when a NIP is registered twice, then the second create answers 409 DUPLICATE_NIP naming it', async () => {
    const body = newEmployee('Dwi Pertama, S.Kom.', unitByCode('DISKOMINFO').id);
    const first = await create(mutasi, body);
    expect(first.status).toBe(201);
    expectDocumented('post', '/api/registry/employees', first);
    expect(first.headers.location).toBe(`/api/registry/employees/${first.body.id}`);
    const read = await mutasi.agent.get(first.headers.location as string).expect(200);
    expect(read.body).toEqual(first.body);
    expect(read.body).toMatchObject({ nip: body.nip, name: body.name, golongan: { golongan: 'III/a', pangkat: 'Penata Muda', tmt: '2016-03-01' }, position: null });

    const second = await create(mutasi, { ...body, name: 'Dwi Kedua, S.Kom.' });
    expect(second.status).toBe(409);
    expect(second.body).toEqual({
      error: { code: 'DUPLICATE_NIP', message: `NIP ${body.nip} sudah terdaftar pada pegawai lain.`, details: { field: 'nip', nip: body.nip } },
    });
    expectDocumented('post', '/api/registry/employees', second);
    const list = await mutasi.agent.get(`/api/registry/employees?search=${body.nip}`).expect(200);
    expect(list.body.items.map((e: { name: string }) => e.name)).toEqual(['Dwi Pertama, S.Kom.']);

    // A PATCH that would take the same NIP is refused the same way; an unknown id is 404.
    const third = await create(mutasi, newEmployee('Dwi Ketiga, S.Kom.', unitByCode('DISKOMINFO').id));
    expect(third.status).toBe(201);
    const patched = await mutasi.agent.patch(`/api/registry/employees/${third.body.id}`).set('X-CSRF-Token', mutasi.csrf)
      .send({ nip: body.nip, birthDate: body.birthDate }).expect(409);
    expect(patched.body.error).toMatchObject({ code: 'DUPLICATE_NIP', details: { nip: body.nip } });
    const unchanged = await mutasi.agent.get(`/api/registry/employees/${third.body.id}`).expect(200);
    expect(unchanged.body.nip).toBe(third.body.nip);
    const unknown = await mutasi.agent.patch('/api/registry/employees/987654').set('X-CSRF-Token', mutasi.csrf).send({ name: 'Siapa' }).expect(404);
    expect(unknown.body.error.code).toBe('EMPLOYEE_NOT_FOUND');
  });

  test('when a kepala OPD tries to create an employee, then 403 names the roles that may', async () => {
    const res = await create(kepala, newEmployee('Bukan Wewenang', unitByCode('DISKOMINFO').id));
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'FORBIDDEN', details: { requiredRoles: ['administrator', 'bkpsdm_mutasi'] } });
  });

  test('when an employee is placed in a vacant position and later moved out, then the position follows', async () => {
    const seat = demo.positions.find((p) => p.holderEmployeeId === null && p.jenisJabatan === 'FUNGSIONAL' && p.unitId === unitByCode('BKPSDM.B4').id) as Position;
    const placed = await create(mutasi, newEmployee('Tri Penempatan, S.A.P.', seat.unitId, { positionId: seat.id, tmtJabatan: '2026-10-01' }));
    expect(placed.status).toBe(201);
    expect(placed.body.position).toMatchObject({ id: seat.id, name: seat.name, tmt: '2026-10-01' });

    const vacantAfter = await mutasi.agent.get(`/api/registry/positions?unitId=${seat.unitId}&vacant=true`).expect(200);
    expect(vacantAfter.body.items.map((p: { id: number }) => p.id)).not.toContain(seat.id);
    const unit = await mutasi.agent.get(`/api/registry/units/${seat.unitId}`).expect(200);
    expect(unit.body.positions.find((p: { id: number }) => p.id === seat.id)).toMatchObject({ vacant: false, holder: { id: placed.body.id, name: 'Tri Penempatan, S.A.P.' } });

    const taken = await create(mutasi, newEmployee('Rebut Kursi', seat.unitId, { positionId: seat.id, tmtJabatan: '2026-10-01' }));
    expect(taken.status).toBe(422);
    expect(taken.body.error.details.fields).toEqual({ positionId: ['Jabatan ini sudah diduduki pegawai lain; pilih jabatan yang lowong.'] });

    const noTmt = await mutasi.agent.patch(`/api/registry/employees/${placed.body.id}`).set('X-CSRF-Token', mutasi.csrf)
      .send({ golongan: 'III/b' }).expect(422);
    expect(noTmt.body.error.details.fields).toEqual({ tmtGolongan: ['Wajib diisi bila golongan diubah.'] });

    const moved = await mutasi.agent.patch(`/api/registry/employees/${placed.body.id}`).set('X-CSRF-Token', mutasi.csrf)
      .send({ positionId: null, golongan: 'III/b', tmtGolongan: '2020-04-01' }).expect(200);
    expectDocumented('patch', '/api/registry/employees/{id}', moved);
    expect(moved.body).toMatchObject({ position: null, golongan: { golongan: 'III/b', pangkat: 'Penata Muda Tk. I', tmt: '2020-04-01' } });
    const again = await mutasi.agent.get(`/api/registry/positions?unitId=${seat.unitId}&vacant=true`).expect(200);
    expect(again.body.items.map((p: { id: number }) => p.id)).toContain(seat.id);
    const read = await mutasi.agent.get(`/api/registry/employees/${placed.body.id}`).expect(200);
    expect(read.body).toEqual(moved.body);
  });

  test('when the vacant positions of an OPD are asked for, then exactly those of the OPD and its sub-units come, with their pangkat range', async () => {
    const opd = unitByCode('KESBANGPOL');
    const units = subtreeOf(opd.id);
    const expected = demo.positions.filter((p) => p.holderEmployeeId === null && units.has(p.unitId));
    const res = await kepala.agent.get(`/api/registry/positions?unitId=${opd.id}&vacant=true`).expect(200);
    expectDocumented('get', '/api/registry/positions', res);
    expect(res.body.items.map((p: { id: number }) => p.id)).toEqual(expected.map((p) => p.id));
    expect(res.body.nextCursor).toBeNull();
    for (const item of res.body.items) expect(item).toMatchObject({ vacant: true, holder: null });
    const structural = res.body.items.find((p: { eselon: string | null }) => p.eselon === 'III.b');
    expect(structural).toMatchObject({
      jenisJabatan: 'ADMINISTRATOR',
      pangkatRange: { min: { golongan: 'III/d', pangkat: 'Penata Tk. I' }, max: { golongan: 'IV/a', pangkat: 'Pembina' } },
      isUnitHead: true,
    });
    const functional = res.body.items.find((p: { eselon: string | null }) => p.eselon === null);
    expect(functional.pangkatRange).toBeNull();

    const paged = await kepala.agent.get('/api/registry/positions?vacant=false&limit=7').expect(200);
    expect(paged.body.items).toHaveLength(7);
    const next = await kepala.agent.get(`/api/registry/positions?vacant=false&limit=7&cursor=${paged.body.nextCursor}`).expect(200);
    expect(next.body.items[0].id).toBeGreaterThan(paged.body.items[6].id);
  });

  test('when the unit tree is read, then the OPDs hang under the root with their heads, and a unit shows its positions and sub-units', async () => {
    const res = await kepala.agent.get('/api/registry/units').expect(200);
    expectDocumented('get', '/api/registry/units', res);
    expect(res.body.items).toHaveLength(1);
    const root = res.body.items[0];
    const demoRoot = demo.orgUnits.find((u) => u.parentId === null);
    expect(root).toMatchObject({ id: demoRoot?.id, type: 'PEMERINTAH_DAERAH' });
    const opds = demo.orgUnits.filter((u) => u.parentId === demoRoot?.id);
    expect(root.children.map((c: { code: string }) => c.code)).toEqual(opds.map((u) => u.code));
    expect(opds.map((u) => u.code)).toEqual(expect.arrayContaining(['SETDA', 'BKPSDM', 'DISKOMINFO', 'INSP']));

    const diskominfo = unitByCode('DISKOMINFO');
    const head = demo.employees.find((e) => e.positionId === diskominfo.headPositionId);
    const node = root.children.find((c: { code: string }) => c.code === 'DISKOMINFO');
    expect(node).toMatchObject({ id: diskominfo.id, type: 'DINAS', name: diskominfo.name, headPositionId: diskominfo.headPositionId, headName: head?.name });
    expect(node.children.length).toBeGreaterThan(0);

    const detail = await kepala.agent.get(`/api/registry/units/${diskominfo.id}`).expect(200);
    expectDocumented('get', '/api/registry/units/{id}', detail);
    expect(detail.body).toMatchObject({
      code: 'DISKOMINFO',
      parent: { id: demoRoot?.id },
      head: { positionId: diskominfo.headPositionId, employee: { id: head?.id, name: head?.name } },
      children: demo.orgUnits.filter((u) => u.parentId === diskominfo.id).map((u) => ({ id: u.id, code: u.code, type: u.type, name: u.name })),
    });
    expect(detail.body.positions.map((p: { id: number }) => p.id)).toEqual(demo.positions.filter((p) => p.unitId === diskominfo.id).map((p) => p.id));
  });
});
