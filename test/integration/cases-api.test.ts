import { randomUUID } from 'node:crypto';
import request, { type Response } from 'supertest';
import { CaseEvent } from '../../db';
import { openApiDocument } from '../../server/openapi';
import { openApiSchemas } from '../support/openapi-schemas';
import { eventually, signIn, startHarness, testDatabases, type Harness, type SignedIn } from './harness';

const PROCESS = 'persetujuan-umum';

const documented = openApiSchemas(openApiDocument());

/** Asserts that a real answer is the one the OpenAPI document describes for it. */
function expectDocumented(method: string, route: string, res: Response): void {
  expect({ route, status: res.status, problems: documented.problems(method, route, res.status, res.body) })
    .toEqual({ route, status: res.status, problems: [] });
}

describe.each(testDatabases())('cases over HTTP ($name)', (database) => {
  let h: Harness;
  let kepala: SignedIn;
  let mutasi: SignedIn;
  let sekda: SignedIn;
  let admin: SignedIn;
  let pengaduan: SignedIn;

  beforeAll(async () => {
    h = await startHarness(database.config(), { seed: true });
    kepala = await signIn(h.app, 'kepala.dinkes');
    mutasi = await signIn(h.app, 'bkpsdm.mutasi');
    sekda = await signIn(h.app, 'sekda');
    admin = await signIn(h.app, 'admin');
    pengaduan = await signIn(h.app, 'pengaduan.dinkes');
  });
  afterAll(async () => {
    await h?.close();
  });

  async function startCase(title = 'Usulan rotasi staf Dinas Kesehatan') {
    const res = await kepala.post(`/api/processes/${PROCESS}/cases`).send({ title, data: { alasan: 'Penyegaran organisasi' } }).expect(201);
    expectDocumented('post', '/api/processes/{key}/cases', res);
    return res.body as { id: string; status: string; current: { stepId: string; assignees: Array<{ userId: string }> } };
  }

  async function taskOf(who: SignedIn, caseId: string) {
    const inbox = await who.get('/api/tasks').expect(200);
    return (inbox.body.items as Array<{ caseId: string; stepId: string; title: string }>).find((t) => t.caseId === caseId);
  }

  async function waitForTask(who: SignedIn, caseId: string) {
    return eventually(async () => {
      const inbox = await who.get('/api/tasks').expect(200);
      return (inbox.body.items as Array<{ caseId: string; stepId: string; title: string }>).find((t) => t.caseId === caseId);
    });
  }

  test('when nobody is signed in, then every case route answers 401', async () => {
    for (const url of ['/api/cases', '/api/tasks', '/api/processes', `/api/cases/x`]) {
      const res = await request(h.app).get(url).expect(401);
      expect(res.body.error).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Silakan masuk terlebih dahulu.' });
      if (url === '/api/tasks' || url === '/api/processes') expectDocumented('get', url, res);
    }
    expectDocumented('post', '/api/processes/{key}/cases', await request(h.app).post(`/api/processes/${PROCESS}/cases`).send({}).expect(401));
  });

  test('when a kepala OPD proposes and BKPSDM then the Sekda approve, then the case is approved, in every list, with its timeline', async () => {
    const processes = await kepala.get('/api/processes').expect(200);
    expect(processes.body.items).toContainEqual(expect.objectContaining({ key: PROCESS, canStart: true }));
    expectDocumented('get', '/api/processes', processes);

    const created = await startCase();
    expect(created).toMatchObject({ status: 'open', current: { stepId: 'verifikasi' } });
    expect(created.current.assignees.map((a) => a.userId)).toEqual(['bkpsdm.mutasi']);

    // Each answer is published before it is sent: the next holder finds the task at once.
    const task = await taskOf(mutasi, created.id);
    expect(task).toMatchObject({ stepId: 'verifikasi', title: 'Usulan rotasi staf Dinas Kesehatan' });
    const seen = await mutasi.get(`/api/cases/${created.id}`).expect(200);
    expect(seen.body.actions).toEqual(['approve', 'reject', 'return', 'delegate', 'comment']);

    const first = await mutasi.post(`/api/cases/${created.id}/actions/approve`).set('Idempotency-Key', randomUUID())
      .send({ stepId: 'verifikasi', comment: 'Berkas lengkap', data: { pangkatSesuai: true } }).expect(200);
    expect(first.body.case.current).toMatchObject({ stepId: 'keputusan', assignees: [{ userId: 'sekda' }] });
    // Where the decision's time went, for browsers' developer tools and the benchmarks: each phase once.
    const phases = String(first.headers['server-timing']).split(', ').map((p) => p.split(';dur=')[0]);
    expect(phases).toEqual(['received', 'access', 'validate', 'lookup', 'promise', 'update', 'settle', 'publish', 'answer']);
    expect(await taskOf(sekda, created.id)).toMatchObject({ stepId: 'keputusan' });
    expect(await taskOf(mutasi, created.id)).toBeUndefined();
    const final = await sekda.post(`/api/cases/${created.id}/actions/approve`).send({ stepId: 'keputusan' }).expect(200);
    expect(final.body.case).toMatchObject({ status: 'approved', actions: [] });

    const read = await eventually(async () => {
      const res = await kepala.get(`/api/cases/${created.id}`).expect(200);
      return res.body.timeline.some((e: { type: string }) => e.type === 'case.closed') ? res : undefined;
    });
    expect(read.body.status).toBe('approved');
    const decided = read.body.timeline.filter((e: { type: string }) => e.type === 'step.decided');
    expect(decided.map((e: { actor: string; stepId: string }) => [e.actor, e.stepId])).toEqual([['bkpsdm.mutasi', 'verifikasi'], ['sekda', 'keputusan']]);
    expect(decided[0].comment).toBe('Berkas lengkap');

    const mine = await kepala.get('/api/cases?scope=mine').expect(200);
    expect(mine.body.items.find((c: { id: string }) => c.id === created.id)).toMatchObject({ status: 'approved', initiator: 'kepala.dinkes' });
    const involved = await sekda.get('/api/cases').expect(200);
    expect(involved.body.items.map((c: { id: string }) => c.id)).toContain(created.id);
    const inbox = await sekda.get('/api/tasks').expect(200);
    expect(inbox.body.items.map((t: { caseId: string }) => t.caseId)).not.toContain(created.id);
    expectDocumented('get', '/api/tasks', inbox);
  });

  test('when case lists are paged by cursor, then each scope lists its cases once each, newest first, and a status filter holds', async () => {
    const started = [await startCase('Halaman 1'), await startCase('Halaman 2'), await startCase('Halaman 3')].map((c) => c.id);
    const all = async (who: SignedIn, query: string) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await who.get(`/api/cases?limit=2&${query}${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
        expectDocumented('get', '/api/cases', res);
        ids.push(...(res.body.items as Array<{ id: string }>).map((c) => c.id));
        cursor = res.body.nextCursor as string | null;
      } while (cursor);
      return ids;
    };
    const mine = await all(kepala, 'scope=mine');
    expect(new Set(mine).size).toBe(mine.length);
    // Newest first: the three just started lead the list, the last one first.
    expect(mine.slice(0, 3)).toEqual([...started].reverse());
    // The verifier holds a task of each, so each is among the cases they are involved in.
    await Promise.all(started.map((id) => waitForTask(mutasi, id)));
    const involved = await all(mutasi, 'scope=involved');
    expect(involved).toEqual(expect.arrayContaining(started));
    expect(new Set(involved).size).toBe(involved.length);
    // Someone with no part in them does not see them; an administrator sees every case.
    expect(await all(pengaduan, 'scope=involved')).not.toEqual(expect.arrayContaining([started[0]]));
    expect(await all(admin, 'scope=involved')).toEqual(expect.arrayContaining(started));
    const closed = await all(kepala, 'scope=mine&status=approved');
    expect(closed).not.toContain(started[0]);
  });

  test('when people act outside their part, then 403 / 409 / 422 say why and the case is unchanged', async () => {
    const created = await startCase();
    await waitForTask(mutasi, created.id);

    const stranger = await pengaduan.get(`/api/cases/${created.id}`).expect(403);
    expect(stranger.body.error.code).toBe('CASE_FORBIDDEN');
    // A kepala of another OPD can neither read nor act on this OPD's case.
    const otherKepala = await signIn(h.app, 'kepala.diskominfo');
    await otherKepala.get(`/api/cases/${created.id}`).expect(403);
    const otherActs = await otherKepala.post(`/api/cases/${created.id}/actions/approve`).send({ stepId: 'verifikasi' }).expect(403);
    expect(otherActs.body.error.code).toBe('CASE_FORBIDDEN');
    const own = await kepala.post(`/api/cases/${created.id}/actions/approve`).send({ stepId: 'verifikasi' }).expect(403);
    expect(own.body.error.code).toBe('SELF_APPROVAL_NOT_ALLOWED');
    const wrongStep = await mutasi.post(`/api/cases/${created.id}/actions/approve`).set('Accept-Language', 'en').send({ stepId: 'keputusan' }).expect(409);
    expect(wrongStep.body.error).toMatchObject({ code: 'STEP_NOT_CURRENT', message: 'This step is not the current step of the case.' });
    const noReason = await mutasi.post(`/api/cases/${created.id}/actions/return`).send({ stepId: 'verifikasi', to: 'initiator' }).expect(422);
    expect(noReason.body.error.details.fields).toEqual({ comment: ['Wajib diisi.'] });
    const nobody = await mutasi.post(`/api/cases/${created.id}/actions/delegate`).send({ stepId: 'verifikasi', to: 'no.such.user' }).expect(422);
    expect(Object.keys(nobody.body.error.details.fields)).toEqual(['to']);
    const badData = await mutasi.post(`/api/cases/${created.id}/actions/approve`).send({ stepId: 'verifikasi', data: 'ya' }).expect(422);
    expect(Object.keys(badData.body.error.details.fields)).toEqual(['data']);
    await mutasi.post(`/api/cases/${created.id}/actions/fly`).send({}).expect(404);
    const noCsrf = await mutasi.agent.post(`/api/cases/${created.id}/actions/approve`).send({ stepId: 'verifikasi' }).expect(403);
    expect(noCsrf.body.error.code).toBe('CSRF_INVALID');

    const read = await mutasi.get(`/api/cases/${created.id}`).expect(200);
    expect(read.body.current).toMatchObject({ stepId: 'verifikasi', decisions: [] });

    await mutasi.post(`/api/cases/${created.id}/actions/approve`).send({ stepId: 'verifikasi' }).expect(200);
    const twice = await mutasi.post(`/api/cases/${created.id}/actions/approve`).send({ stepId: 'verifikasi' }).expect(409);
    expect(twice.body.error.code).toBe('ALREADY_DECIDED');
    const notMine = await mutasi.post(`/api/cases/${created.id}/actions/approve`).send({ stepId: 'keputusan' }).expect(403);
    expect(notMine.body.error.code).toBe('NOT_ASSIGNEE');

    await kepala.post(`/api/cases/${created.id}/actions/withdraw`).send({ comment: 'Diganti usulan baru' }).expect(200);
    await eventually(async () => ((await h.client.workflow.getHandle(created.id).describe()).status.name === 'COMPLETED' ? true : undefined));
    const closed = await sekda.post(`/api/cases/${created.id}/actions/approve`).send({ stepId: 'keputusan' }).expect(409);
    expect(closed.body.error.code).toBe('CASE_CLOSED');
  });

  test('when the same action is sent twice with one Idempotency-Key, then it is applied once and both get the same answer', async () => {
    const created = await startCase();
    await waitForTask(mutasi, created.id);
    const key = randomUUID();
    const send = () => mutasi.post(`/api/cases/${created.id}/actions/approve`).set('Idempotency-Key', key).send({ stepId: 'verifikasi' });
    const [a, b] = await Promise.all([send(), send()]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.body.case.current.stepId).toBe('keputusan');
    const again = await send().expect(200);
    expect(again.body.case.events.filter((e: { type: string }) => e.type === 'step.decided')).toHaveLength(1);
    const events = await eventually(async () => {
      const rows = await h.db.em().find(CaseEvent, { caseId: created.id, type: 'step.decided' });
      return rows.length > 0 ? rows : undefined;
    });
    expect(events).toHaveLength(1);
  });

  test('when a case is started twice with one Idempotency-Key, then only one case exists', async () => {
    const key = randomUUID();
    const a = await kepala.post(`/api/processes/${PROCESS}/cases`).set('Idempotency-Key', key).send({ title: 'Sekali saja' }).expect(201);
    const b = await kepala.post(`/api/processes/${PROCESS}/cases`).set('Idempotency-Key', key).send({ title: 'Sekali saja' }).expect(201);
    expect(b.body.id).toBe(a.body.id);
    expect(b.body.current).toMatchObject({ stepId: 'verifikasi' });

    // The key again after its case has closed: the closed case answers; no second case starts.
    await kepala.post(`/api/cases/${a.body.id}/actions/withdraw`).send({ comment: 'Batal' }).expect(200);
    const c = await kepala.post(`/api/processes/${PROCESS}/cases`).set('Idempotency-Key', key).send({ title: 'Sekali saja' }).expect(201);
    expect(c.body).toMatchObject({ id: a.body.id, status: 'withdrawn' });
    const runs = [];
    for await (const run of h.client.workflow.list({ query: `WorkflowId = '${a.body.id}'` })) runs.push(run.runId);
    expect(runs).toHaveLength(1);
  });

  test('when a user may not start a process, or it does not exist, then 403 / 404', async () => {
    const refused = await pengaduan.post(`/api/processes/${PROCESS}/cases`).send({}).expect(403);
    expect(refused.body.error).toMatchObject({ code: 'NOT_A_STARTER' });
    expectDocumented('post', '/api/processes/{key}/cases', refused);
    const unknown = await kepala.post('/api/processes/tidak-ada/cases').send({}).expect(404);
    expect(unknown.body.error.code).toBe('PROCESS_NOT_FOUND');
    expectDocumented('post', '/api/processes/{key}/cases', unknown);
    const badTitle = await kepala.post(`/api/processes/${PROCESS}/cases`).send({ title: 42 }).expect(422);
    expect(badTitle.body.error.code).toBe('VALIDATION_FAILED');
    expectDocumented('post', '/api/processes/{key}/cases', badTitle);
    await kepala.get('/api/cases/case-that-does-not-exist').expect(404);
  });

  test('when an administrator publishes a definition, then bad ones are refused naming the step and good ones get the next version', async () => {
    const read = await admin.get(`/api/processes/${PROCESS}`).expect(200);
    expectDocumented('get', '/api/processes/{key}', read);
    const current = read.body;
    expectDocumented('get', '/api/processes/{key}', await admin.get(`/api/processes/${PROCESS}?version=1`).expect(200));
    const versionZero = await admin.get(`/api/processes/${PROCESS}?version=0`).expect(400);
    expect(versionZero.body.error.code).toBe('INVALID_VERSION');
    expectDocumented('get', '/api/processes/{key}', versionZero);
    expectDocumented('get', '/api/processes/{key}', await admin.get('/api/processes/tidak-ada').expect(404));
    const broken = { ...current, steps: current.steps.map((s: { id: string; next?: object }) => (s.id === 'verifikasi' ? { ...s, next: { approved: 'nowhere', rejected: 'ditolak' } } : s)) };
    const refused = await admin.post('/api/processes').send({ definition: broken }).expect(422);
    expect(refused.body.error.code).toBe('DEFINITION_INVALID');
    expect(refused.body.error.details.problems[0]).toMatchObject({ stepId: 'verifikasi' });
    expect(refused.body.error.details.problems[0].message.id).toContain('nowhere');
    expectDocumented('post', '/api/processes', refused);

    const dryRefused = await admin.post('/api/processes?dryRun=true').send({ definition: broken }).expect(422);
    expect(dryRefused.body.error.details.problems).toEqual(refused.body.error.details.problems);
    expectDocumented('post', '/api/processes', dryRefused);
    const dryAccepted = await admin.post('/api/processes?dryRun=true').send({ definition: current, changeNote: 'Uji' }).expect(200);
    expect(dryAccepted.body).toEqual({ ok: true });
    expectDocumented('post', '/api/processes', dryAccepted);
    expectDocumented('post', '/api/processes', await admin.post('/api/processes?dryRun=yes').send({ definition: current }).expect(400));
    expect((await admin.get(`/api/processes/${PROCESS}`).expect(200)).body.version).toBe(current.version);

    expectDocumented('post', '/api/processes', await kepala.post('/api/processes').send({ definition: current }).expect(403));
    const published = await admin.post('/api/processes').send({ definition: current, changeNote: 'Tanpa perubahan' }).expect(201);
    expect(published.body.version).toBe(current.version + 1);
    expect(published.headers.location).toBe(`/api/processes/${PROCESS}?version=${current.version + 1}`);
    expectDocumented('post', '/api/processes', published);
  });

  test('when tasks and cases are listed page by page, then every item appears exactly once', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 3; i++) ids.add((await startCase(`Halaman ${i}`)).id);
    for (const id of ids) await waitForTask(mutasi, id);
    const seen: string[] = [];
    const items: { caseId: string; title: string | null; process: string; createdAt: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: request.Response = await mutasi.get(`/api/tasks?limit=2${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      expectDocumented('get', '/api/tasks', page);
      seen.push(...page.body.items.map((t: { caseId: string }) => t.caseId));
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of ids) expect(seen).toContain(id);
    // Newest first, each with its case's title and process.
    const times = items.map((t) => Date.parse(t.createdAt));
    expect(times.every((t) => !Number.isNaN(t))).toBe(true);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const ours = items.filter((t) => ids.has(t.caseId));
    expect(ours.map((t) => t.title).sort()).toEqual(['Halaman 0', 'Halaman 1', 'Halaman 2']);
    expect(ours.every((t) => t.process === PROCESS)).toBe(true);
    const filtered = await mutasi.get(`/api/tasks?process=${PROCESS}&limit=100`).expect(200);
    expect(filtered.body.items.map((t: { caseId: string }) => t.caseId).sort()).toEqual(items.filter((t) => t.process === PROCESS).map((t) => t.caseId).sort());
    expect((await mutasi.get('/api/tasks?process=tidak-ada').expect(200)).body.items).toEqual([]);
    const counts = await mutasi.get('/api/tasks/counts').expect(200);
    expect(counts.body.byProcess[PROCESS]).toBe(seen.length);
    expectDocumented('get', '/api/tasks/counts', counts);

    expectDocumented('get', '/api/tasks', await mutasi.get('/api/tasks?cursor=not-a-cursor').expect(400));
    await mutasi.get('/api/cases?limit=0').expect(400);
  });

  test('when the body is malformed, then 400 / 413 with a clear code', async () => {
    const malformed = await kepala.post(`/api/processes/${PROCESS}/cases`).set('Content-Type', 'application/json').send('{"title": ').expect(400);
    expect(malformed.body.error.code).toBe('MALFORMED_JSON');
    expectDocumented('post', '/api/processes/{key}/cases', malformed);
    const tooLarge = await kepala.post(`/api/processes/${PROCESS}/cases`).send({ title: 'x', data: { note: 'y'.repeat(2_000_000) } }).expect(413);
    expect(tooLarge.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expectDocumented('post', '/api/processes/{key}/cases', tooLarge);
    const badKey = await kepala.post(`/api/processes/${PROCESS}/cases`).set('Idempotency-Key', 'has spaces').send({}).expect(400);
    expect(badKey.body.error.code).toBe('INVALID_IDEMPOTENCY_KEY');
    expectDocumented('post', '/api/processes/{key}/cases', badKey);
    const unknownRoute = await kepala.get('/api/nothing-here').expect(404);
    expect(unknownRoute.body.error.code).toBe('NOT_FOUND');
  });
});
