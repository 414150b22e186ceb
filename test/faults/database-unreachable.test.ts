import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { CaseEvent, CaseTask, ensureDefaultDefinitions, ensureDefaultForms, initORM, publishDefinition, seedIfEmpty } from '../../db';
import { defaultDefinitions } from '../../processes/defaults';
import { caseViewQuery } from '../../workflows/case';
import { freshDatabase, type FreshDatabase } from '../integration/fresh-database';
import { eventually, startHarness, type Harness } from '../integration/harness';
import { freePort } from '../integration/free-port';
import { call, listen, signIn, type Listening, type Session } from './api-client';
import { expectConsistent } from './case-consistency';

const name = (id: string) => ({ id, en: id });

/**
 * A TCP proxy in front of PostgreSQL that can cut every connection and refuse new ones, as a
 * database host that goes away does, and later accept again.
 */
class CuttableProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();

  constructor(readonly port: number, private readonly upstream: { host: string; port: number }) {}

  async open(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.upstream.port, this.upstream.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}

const pgUrl = process.env.ALUR_TEST_PG_URL;

/** Only PostgreSQL is reached over the network; .ci/run always gives the run one (TEST_DATABASE_URL). */
(pgUrl ? describe : describe.skip)('the app database unreachable for a while (postgresql)', () => {
  let fresh: FreshDatabase;
  let proxy: CuttableProxy;
  let h: Harness;
  let api: Listening;
  let kepala: Session;
  let mutasi: Session;
  let sekda: Session;
  const process = `uji-basis-data-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    fresh = await freshDatabase('postgresql');
    // Seed it directly, then let the app and the worker reach it only through the proxy.
    const direct = await initORM(fresh.config);
    await direct.migrate();
    await seedIfEmpty(direct);
    await ensureDefaultForms(direct.em());
    await ensureDefaultDefinitions(direct.em(), defaultDefinitions);
    await direct.close();
    const target = new URL(fresh.config.kind === 'postgresql' ? fresh.config.url : '');
    proxy = new CuttableProxy(await freePort(), { host: target.hostname, port: Number(target.port || 5432) });
    await proxy.open();
    const viaProxy = new URL(target);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    h = await startHarness({ kind: 'postgresql', url: viaProxy.toString() });
    await publishDefinition(h.db.em(), {
      key: process, version: 1, name: name('Uji basis data'), starters: ['kepala_opd'], firstStep: 'telaah',
      steps: [
        // Silence for a few seconds approves, so the case moves by itself while the database is away.
        {
          id: 'telaah', kind: 'approval', name: name('Telaah'), assignees: [{ kind: 'role', role: 'bkpsdm_mutasi' }], mode: { kind: 'single' },
          deadline: { seconds: 8 }, silenceMeans: 'approved', next: { approved: 'putusan', rejected: 'ditolak' },
        },
        { id: 'putusan', kind: 'approval', name: name('Putusan'), assignees: [{ kind: 'role', role: 'sekda' }], mode: { kind: 'single' }, next: { approved: 'disetujui', rejected: 'ditolak' } },
        { id: 'disetujui', kind: 'end', name: name('Disetujui'), outcome: 'approved' },
        { id: 'ditolak', kind: 'end', name: name('Ditolak'), outcome: 'rejected' },
      ],
    });
    api = await listen(h.app);
    kepala = await signIn(api.baseUrl, 'kepala.dinkes');
    mutasi = await signIn(api.baseUrl, 'bkpsdm.mutasi');
    sekda = await signIn(api.baseUrl, 'sekda');
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await proxy?.cut();
    await h?.close();
    await fresh?.drop();
  });

  test('when the database goes away, then the API answers 503 and applies nothing, the case moves on in Temporal, and the projection catches up once it is back', async () => {
    const started = await call(api.baseUrl, kepala, 'POST', `/api/processes/${process}/cases`, {
      json: { title: 'Basis data terputus', data: {} }, headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(started.status).toBe(201);
    const caseId = (started.body as { id: string }).id;
    await eventually(async () => ((await h.db.em().count(CaseTask, { caseId, stepId: 'telaah', status: 'open' })) > 0 ? true : undefined));

    await proxy.cut();

    // Every request needs the database (the session at least): a clear 503 to try again, never a 500.
    const read = await call(api.baseUrl, mutasi, 'GET', `/api/cases/${caseId}`);
    expect(read.status).toBe(503);
    expect(read.body).toMatchObject({ error: { code: 'DATABASE_UNAVAILABLE', message: 'Basis data sedang tidak dapat dihubungi. Coba lagi sebentar lagi.' } });
    const decision = await call(api.baseUrl, mutasi, 'POST', `/api/cases/${caseId}/actions/approve`, {
      json: { stepId: 'telaah', comment: 'Disetujui saat basis data terputus' }, headers: { 'Idempotency-Key': randomUUID(), 'Accept-Language': 'en' },
    });
    expect(decision.status).toBe(503);
    expect(decision.body).toMatchObject({ error: { code: 'DATABASE_UNAVAILABLE', message: 'The database cannot be reached right now. Try again shortly.' } });
    const health = await call(api.baseUrl, undefined, 'GET', '/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'unavailable', database: { status: 'down' }, temporal: { status: 'up' } });

    // Temporal keeps the case going: the deadline passes and silence approves the step, while the
    // projection activity fails and is retried.
    const handle = h.client.workflow.getHandle(caseId);
    const moved = await eventually(async () => {
      const view = await handle.query(caseViewQuery);
      return view.events.some((e) => e.type === 'step.deemed') ? view : undefined;
    }, 60_000);
    expect(moved.events.filter((e) => e.type === 'step.decided')).toEqual([]);
    // Let a few retries fail before the database comes back.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await proxy.open();

    // The projection catches up: the silent approval, and the next task in the Sekda's inbox.
    await eventually(async () => ((await h.db.em().count(CaseTask, { caseId, stepId: 'putusan', status: 'open' })) > 0 ? true : undefined), 90_000);
    const em = h.db.em();
    expect(await em.count(CaseEvent, { caseId, type: 'step.deemed', stepId: 'telaah' })).toBe(1);
    expect(await em.count(CaseEvent, { caseId, type: 'step.decided' })).toBe(0);

    const final = await call(api.baseUrl, sekda, 'POST', `/api/cases/${caseId}/actions/approve`, {
      json: { stepId: 'putusan' }, headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(final.status).toBe(200);
    expect((await handle.result()).status).toBe('approved');
    await expectConsistent(h, [caseId]);
  });
});
