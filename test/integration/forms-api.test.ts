import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { openApiDocument } from '../../server/openapi';
import { openApiSchemas } from '../support/openapi-schemas';
import { eventually, signIn, startHarness, testDatabases, type Harness, type SignedIn } from './harness';

const VALID_NIP = '198503122010011002';

const documented = openApiSchemas(openApiDocument());

/** Asserts that a real answer is the one the OpenAPI document describes for it. */
function expectDocumented(method: string, route: string, res: Response): void {
  expect({ route, status: res.status, problems: documented.problems(method, route, res.status, res.body) })
    .toEqual({ route, status: res.status, problems: [] });
}

describe.each(testDatabases())('forms ($name)', (database) => {
  let h: Harness;
  let admin: SignedIn;
  let kepala: SignedIn;
  let mutasi: SignedIn;

  beforeAll(async () => {
    h = await startHarness(database.config(), { seed: true });
    admin = await signIn(h.app, 'admin');
    kepala = await signIn(h.app, 'kepala.dinkes');
    mutasi = await signIn(h.app, 'bkpsdm.mutasi');
  });
  afterAll(async () => {
    await h?.close();
  });

  const title = { id: 'Usulan uji', en: 'Test proposal' };
  const v1Schema = { type: 'object', required: ['nama'], properties: { nama: { type: 'string', minLength: 2, title: 'Nama' } } };
  const v2Schema = { ...v1Schema, required: ['nama', 'nip'], properties: { ...v1Schema.properties, nip: { type: 'string', format: 'nip', title: 'NIP' } } };

  async function publishForm(key: string, schema: object): Promise<number> {
    const draft = await admin.post('/api/forms').send({ key, title, schema, changeNote: 'uji' }).expect(201);
    expectDocumented('post', '/api/forms', draft);
    const published = await admin.post(`/api/forms/${key}/versions/${draft.body.version}/publish`).send({}).expect(200);
    expectDocumented('post', '/api/forms/{key}/versions/{version}/publish', published);
    return draft.body.version as number;
  }

  function definition(key: string, formKey: string, formVersion: number) {
    return {
      key, version: 1, name: { id: 'Uji formulir', en: 'Form test' }, starters: ['kepala_opd'], firstStep: 'verifikasi',
      startForm: { key: formKey, version: formVersion },
      steps: [
        { id: 'verifikasi', kind: 'approval', name: { id: 'Verifikasi', en: 'Verification' }, mode: { kind: 'any' },
          assignees: [{ kind: 'role', role: 'bkpsdm_mutasi' }], form: { key: formKey, version: formVersion },
          next: { approved: 'selesai', rejected: 'ditolak' } },
        { id: 'selesai', kind: 'end', name: { id: 'Selesai', en: 'Done' }, outcome: 'approved' },
        { id: 'ditolak', kind: 'end', name: { id: 'Ditolak', en: 'Rejected' }, outcome: 'rejected' },
      ],
    };
  }

  test('when a schema is not fit to save, then 422 names what is wrong and where', async () => {
    const key = `f-${randomUUID().slice(0, 8)}`;
    const typo = await admin.post('/api/forms').send({ key, title, schema: { type: 'object', properties: { a: { type: 'string', maxLenght: 3 } } } }).expect(422);
    expect(typo.body.error.code).toBe('FORM_SCHEMA_INVALID');
    expect(typo.body.error.details.problems[0].pointer).toBe('/properties/a/maxLenght');
    expectDocumented('post', '/api/forms', typo);
    const remote = await admin.post('/api/forms').send({ key, title, schema: { type: 'object', properties: { a: { $ref: 'http://evil.example/x.json' } } } }).expect(422);
    expect(remote.body.error.details.problems[0]).toMatchObject({ pointer: '/properties/a/$ref' });
    const noTitle = await admin.post('/api/forms').send({ key: 'Bad Key', schema: v1Schema }).set('Accept-Language', 'en').expect(422);
    expect(Object.keys(noTitle.body.error.details.fields).sort()).toEqual(['key', 'title']);
    expectDocumented('post', '/api/forms', noTitle);
    expectDocumented('post', '/api/forms', await kepala.post('/api/forms').send({ key, title, schema: v1Schema }).expect(403));
  });

  test('when a version is published, then it is frozen, diffable against the next, and shows where it is used', async () => {
    const key = `f-${randomUUID().slice(0, 8)}`;
    const v1 = await publishForm(key, v1Schema);
    const frozen = await admin.agent.put(`/api/forms/${key}/versions/${v1}`).set('X-CSRF-Token', admin.csrf).send({ title, schema: v2Schema }).expect(409);
    expect(frozen.body.error.code).toBe('FORM_FROZEN');
    expectDocumented('put', '/api/forms/{key}/versions/{version}', frozen);
    expectDocumented('post', '/api/forms/{key}/versions/{version}/publish', await admin.post(`/api/forms/${key}/versions/${v1}/publish`).send({}).expect(409));

    const draft = await admin.post('/api/forms').send({ key, title, schema: v1Schema }).expect(201);
    expect(draft.body).toMatchObject({ version: v1 + 1, status: 'draft' });
    const edited = await admin.agent.put(`/api/forms/${key}/versions/${v1 + 1}`).set('X-CSRF-Token', admin.csrf).send({ title, schema: v2Schema }).expect(200);
    expect(edited.body.schema.required).toEqual(['nama', 'nip']);
    expectDocumented('put', '/api/forms/{key}/versions/{version}', edited);
    const diff = await admin.get(`/api/forms/${key}/diff?from=${v1}&to=${v1 + 1}`).expect(200);
    expect(diff.body.changes).toEqual([{ field: 'nip', change: 'added', after: v2Schema.properties.nip }, { field: 'nip', change: 'now-required' }]);
    expectDocumented('get', '/api/forms/{key}/diff', diff);
    expectDocumented('get', '/api/forms/{key}/diff', await admin.get(`/api/forms/${key}/diff?from=${v1}`).expect(422));
    expectDocumented('get', '/api/forms/{key}', await kepala.get(`/api/forms/${key}`).expect(200));
    expectDocumented('get', '/api/forms/{key}', await kepala.get(`/api/forms/${key}?version=${v1 + 1}`).expect(200));
    expectDocumented('get', '/api/forms/{key}', await kepala.get(`/api/forms/${key}?version=0`).expect(400));
    expectDocumented('get', '/api/forms/{key}', await kepala.get(`/api/forms/${key}?version=${v1 + 9}`).expect(404));

    // A definition may reference only published versions.
    const refused = await admin.post('/api/processes').send({ definition: definition(`p-${key}`, key, v1 + 1) }).expect(422);
    expect(refused.body.error.details.problems[0].message.en).toContain(key);
    await admin.post('/api/processes').send({ definition: definition(`p-${key}`, key, v1) }).expect(201);
    const used = await admin.get(`/api/forms/${key}/where-used`).expect(200);
    expect(used.body.items).toEqual([
      { process: `p-${key}`, processVersion: 1, stepId: null, formVersion: v1 },
      { process: `p-${key}`, processVersion: 1, stepId: 'verifikasi', formVersion: v1 },
    ]);
    expectDocumented('get', '/api/forms/{key}/where-used', used);
    const list = await kepala.get('/api/forms').expect(200);
    expect(list.body.items.find((f: { key: string }) => f.key === key)).toMatchObject({ publishedVersion: v1, latestVersion: v1 + 1 });
    expectDocumented('get', '/api/forms', list);

    // Archiving any version is allowed, and archiving twice changes nothing.
    const archived = await admin.post(`/api/forms/${key}/versions/${v1 + 1}/archive`).send({}).expect(200);
    expect(archived.body.status).toBe('archived');
    expectDocumented('post', '/api/forms/{key}/versions/{version}/archive', archived);
    expectDocumented('post', '/api/forms/{key}/versions/{version}/archive', await admin.post(`/api/forms/${key}/versions/${v1 + 1}/archive`).send({}).expect(200));
    expectDocumented('post', '/api/forms/{key}/versions/{version}/archive', await admin.post(`/api/forms/${key}/versions/x/archive`).send({}).expect(400));
    expectDocumented('post', '/api/forms/{key}/versions/{version}/archive', await kepala.post(`/api/forms/${key}/versions/${v1}/archive`).send({}).expect(403));
  });

  test('when data is test-submitted, then each field error comes back in the asked language', async () => {
    const key = `f-${randomUUID().slice(0, 8)}`;
    const version = await publishForm(key, v2Schema);
    const id = await kepala.post(`/api/forms/${key}/versions/${version}/validate`).send({ data: { nama: 'A', nip: '123' } }).expect(422);
    expect(id.body.error.code).toBe('FORM_INVALID');
    expect(Object.keys(id.body.error.details.fields).sort()).toEqual(['nama', 'nip']);
    expect(id.body.error.details.fields.nip[0]).toContain('NIP yang sah');
    expect(id.body.error.details.errorSchema.nama.__errors).toHaveLength(1);
    expectDocumented('post', '/api/forms/{key}/versions/{version}/validate', id);
    const en = await kepala.post(`/api/forms/${key}/versions/${version}/validate`).set('Accept-Language', 'en').send({ data: { nama: 'A' } }).expect(422);
    expect(en.body.error.details.fields.nip).toEqual(['must have required property nip']);
    expectDocumented('post', '/api/forms/{key}/versions/{version}/validate',
      await kepala.post(`/api/forms/${key}/versions/${version}/validate`).send({ data: { nama: 'Budi', nip: VALID_NIP } }).expect(200));
    expectDocumented('post', '/api/forms/{key}/versions/{version}/validate',
      await kepala.post(`/api/forms/${key}/versions/${version + 1}/validate`).send({ data: {} }).expect(404));
  });

  test('when a new form version is published while a case is open, then the open case keeps the old form and new cases get the new one', async () => {
    const key = `f-${randomUUID().slice(0, 8)}`;
    const process = `p-${key}`;
    const v1 = await publishForm(key, v1Schema);
    await admin.post('/api/processes').send({ definition: definition(process, key, v1) }).expect(201);

    const missing = await kepala.post(`/api/processes/${process}/cases`).send({ data: {} }).expect(422);
    expect(missing.body.error.details.fields).toEqual({ nama: ['harus memiliki properti nama'] });
    expectDocumented('post', '/api/processes/{key}/cases', missing);
    const older = await kepala.post(`/api/processes/${process}/cases`).send({ title: 'Kasus lama', data: { nama: 'Siti' } }).expect(201);

    const v2 = await publishForm(key, v2Schema);
    await admin.post('/api/processes').send({ definition: definition(process, key, v2) }).expect(201);

    const noNip = await kepala.post(`/api/processes/${process}/cases`).send({ data: { nama: 'Budi' } }).expect(422);
    expect(Object.keys(noNip.body.error.details.fields)).toEqual(['nip']);
    const newer = await kepala.post(`/api/processes/${process}/cases`).send({ title: 'Kasus baru', data: { nama: 'Budi', nip: VALID_NIP } }).expect(201);
    expect(newer.body.current.formRef).toEqual({ key, version: v2 });
    expect(older.body.current.formRef).toEqual({ key, version: v1 });

    await eventually(async () => ((await mutasi.get('/api/tasks')).body.items.some((t: { caseId: string }) => t.caseId === older.body.id) ? true : undefined));
    // The old case's step still shows version 1: no NIP asked.
    const decided = await mutasi.post(`/api/cases/${older.body.id}/actions/approve`).send({ stepId: 'verifikasi', data: { nama: 'Siti Aminah' } }).expect(200);
    expect(decided.body.case.status).toBe('approved');
    const event = decided.body.case.events.find((e: { type: string }) => e.type === 'step.decided');
    expect(event.details).toEqual({ data: { nama: 'Siti Aminah' }, form: { key, version: v1 } });
    // The new case's step asks for version 2.
    const refused = await mutasi.post(`/api/cases/${newer.body.id}/actions/approve`).send({ stepId: 'verifikasi', data: { nama: 'Budi' } }).expect(422);
    expect(refused.body.error.details).toMatchObject({ form: { key, version: v2 }, fields: { nip: [expect.any(String)] } });
  });
});
