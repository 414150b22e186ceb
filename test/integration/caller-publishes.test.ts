import { CaseRecord, CaseTask, PendingPublication, promisePublication } from '../../db';
import { approveUpdate, type caseWorkflow } from '../../workflows/case';
import { sweepPendingPublications } from '../../worker/publication-sweeper';
import { eventually, signIn, startHarness, testDatabases, type Harness } from './harness';
import { recordHistory } from './record-history';

/**
 * The API publishes the case as an Update answers it, so the workflow does not publish that answer
 * again (ENGINE_V3_PATCH); if the API dies between the answer and its publication, the promise it
 * wrote before sending the Update is kept by the worker's sweeper.
 */
describe.each(testDatabases())('the caller publishes an answered decision ($name)', (database) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(database.config(), { seed: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  async function openCase(title: string): Promise<string> {
    const kepala = await signIn(h.app, 'kepala.dinkes');
    const created = await kepala.post('/api/processes/persetujuan-umum/cases').send({ title }).expect(201);
    return created.body.id as string;
  }

  const holders = async (caseId: string) => (await h.db.em().find(CaseTask, { caseId, status: 'open' })).map((t) => `${t.stepId}:${t.userId}`);
  const activitiesOf = async (caseId: string, type: string) => {
    const history = await h.client.workflow.getHandle(caseId).fetchHistory();
    return (history.events ?? []).filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === type).length;
  };

  test('when a case is started over HTTP, then its first holder sees the task at once and the workflow runs no projection of its own for it', async () => {
    const id = await openCase('Mulai lewat API');
    // Read-your-writes: the start answered with the first step, published by the API.
    expect(await holders(id)).toEqual(['verifikasi:bkpsdm.mutasi']);
    expect(await h.db.em().count(PendingPublication, { caseId: id })).toBe(0);
    const mutasi = await signIn(h.app, 'bkpsdm.mutasi');
    expect((await mutasi.get('/api/tasks').expect(200)).body.items.map((t: { caseId: string }) => t.caseId)).toContain(id);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await activitiesOf(id, 'recordCase')).toBe(0);
  });

  test('when a decision is made over HTTP, then the next holder sees the task at once and the workflow runs no projection of its own for it', async () => {
    const id = await openCase('Keputusan lewat API');
    const mutasi = await signIn(h.app, 'bkpsdm.mutasi');
    const projectionsBefore = await activitiesOf(id, 'recordCase');
    const decided = await mutasi.post(`/api/cases/${id}/actions/approve`).send({ stepId: 'verifikasi' }).expect(200);
    expect(decided.body.case.current).toMatchObject({ stepId: 'keputusan' });
    // Read-your-writes: the API published the answer before it replied.
    expect(await holders(id)).toEqual(['keputusan:sekda']);
    const sekda = await signIn(h.app, 'sekda');
    expect((await sekda.get('/api/tasks').expect(200)).body.items.map((t: { caseId: string }) => t.caseId)).toContain(id);
    // The promise was kept and forgotten.
    expect(await h.db.em().count(PendingPublication, { caseId: id })).toBe(0);
    // Give a projection activity time to be scheduled if the workflow were to run one anyway.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await activitiesOf(id, 'recordCase')).toBe(projectionsBefore);

    // The final decision closes the case: published by the API too, and the row says approved.
    await sekda.post(`/api/cases/${id}/actions/approve`).send({ stepId: 'keputusan' }).expect(200);
    const row = await h.db.em().findOneOrFail(CaseRecord, { id });
    expect(row.status).toBe('approved');
    expect(await holders(id)).toEqual([]);
    await recordHistory('started-and-decided-over-http', h.client.workflow.getHandle(id), database.name);
  });

  test('when the API dies after the Update is answered but before it publishes, then the sweeper publishes the decision from its promise', async () => {
    const id = await openCase('API mati setelah keputusan');
    const before = await h.db.em().findOneOrFail(CaseRecord, { id });
    expect(await holders(id)).toEqual(['verifikasi:bkpsdm.mutasi']);

    // What the API does up to the moment it dies: promise, then the Update, and nothing more.
    const promise = await promisePublication(h.db, { caseId: id, afterVersion: before.version });
    const handle = h.client.workflow.getHandle<typeof caseWorkflow>(id);
    const answer = await handle.executeUpdate(approveUpdate, {
      args: [{ actor: { userId: 'bkpsdm.mutasi', roles: ['bkpsdm'], requestId: 'req-died', callerPublishes: true }, stepId: 'verifikasi' }],
    });
    expect(answer.current).toMatchObject({ stepId: 'keputusan' });

    // Nobody published it: the workflow left it to the (dead) caller.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await holders(id)).toEqual(['verifikasi:bkpsdm.mutasi']);

    // A promise younger than the sweeper's grace period is still the API's.
    expect(await sweepPendingPublications({ db: h.db, client: h.client, appUrl: 'http://alur.test' }, { olderThanMs: 60_000, giveUpAfterMs: 300_000, batch: 10 }))
      .toEqual({ published: 0, waiting: 0 });
    const swept = await sweepPendingPublications({ db: h.db, client: h.client, appUrl: 'http://alur.test' }, { olderThanMs: 0, giveUpAfterMs: 300_000, batch: 10 });
    expect(swept.published).toBeGreaterThanOrEqual(1);
    expect(await holders(id)).toEqual(['keputusan:sekda']);
    expect(await h.db.em().findOne(PendingPublication, { id: promise })).toBeNull();
    const sekda = await signIn(h.app, 'sekda');
    const page = await sekda.get(`/api/cases/${id}`).expect(200);
    expect(page.body.timeline.some((e: { type: string; actor: string | null }) => e.type === 'step.decided' && e.actor === 'bkpsdm.mutasi')).toBe(true);
  });

  test('when a client that does not publish sends the Update, then the workflow publishes the answer itself', async () => {
    const id = await openCase('Klien tanpa publikasi');
    const handle = h.client.workflow.getHandle<typeof caseWorkflow>(id);
    await handle.executeUpdate(approveUpdate, { args: [{ actor: { userId: 'bkpsdm.mutasi', roles: ['bkpsdm'] }, stepId: 'verifikasi' }] });
    await eventually(async () => ((await holders(id)).join() === 'keputusan:sekda' ? true : undefined));
  });
});
