import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { CaseEvent, CaseTask, ensureDefaultDefinitions, ensureDefaultForms, initORM, publishDefinition, seedIfEmpty, type Database, type DatabaseConfig } from '../../db';
import { defaultDefinitions } from '../../processes/defaults';
import { createApp } from '../../server/app';
import { startDevServer, type DevServer } from '../../tools/dev-server';
import { freePort } from '../integration/free-port';
import { eventually, requireEnv } from '../integration/harness';
import { call, listen, signIn, type ErrorBody, type Listening, type Session } from './api-client';
import { expectConsistent } from './case-consistency';
import { spawnWorkerMain, WORKER_MAIN_READY, type TestProcess } from './child-processes';

const name = (id: string) => ({ id, en: id });

test('when the Temporal dev server is SIGKILLed and restarted on the same database file, then every open case, task and timer survives and the cases complete', async () => {
  const cliPath = process.env.ALUR_TEST_TEMPORAL_CLI;
  if (!cliPath) throw new Error('this test needs the built Temporal CLI (the SDK download cannot be SIGKILLed by pid)');
  const cli = { kind: 'binary' as const, path: cliPath, version: 'test', source: 'env' as const };
  const dataDir = mkdtempSync(path.join(requireEnv('ALUR_TEST_TMP'), 'faults-dev-server-'));
  const database: DatabaseConfig = { kind: 'sqlite', file: path.join(dataDir, 'alur.sqlite') };
  const serverOptions = { cli, port: await freePort(), dbFile: path.join(dataDir, 'temporal.db'), logFile: path.join(dataDir, 'temporal.log') };
  const taskQueue = `faults-${randomUUID()}`;
  const waitProcess = `uji-tunggu-${randomUUID().slice(0, 8)}`;

  let devServer: DevServer | undefined;
  let db: Database | undefined;
  let worker: TestProcess | undefined;
  let connection: Connection | undefined;
  let api: Listening | undefined;
  try {
    devServer = await startDevServer(serverOptions);
    db = await initORM(database);
    await db.migrate();
    await seedIfEmpty(db);
    await ensureDefaultForms(db.em());
    await ensureDefaultDefinitions(db.em(), defaultDefinitions);
    await publishDefinition(db.em(), {
      key: waitProcess, version: 1, name: name('Uji tunggu'), starters: ['kepala_opd'], firstStep: 'tunggu',
      steps: [
        { id: 'tunggu', kind: 'wait', name: name('Tunggu'), until: 'selesai', next: 'verifikasi' },
        { id: 'verifikasi', kind: 'approval', name: name('Verifikasi'), assignees: [{ kind: 'role', role: 'bkpsdm_mutasi' }], mode: { kind: 'any' }, next: { approved: 'disetujui', rejected: 'ditolak' } },
        { id: 'disetujui', kind: 'end', name: name('Disetujui'), outcome: 'approved' },
        { id: 'ditolak', kind: 'end', name: name('Ditolak'), outcome: 'rejected' },
      ],
    });
    worker = spawnWorkerMain({ address: devServer.address, taskQueue, database, dataDir });
    connection = await Connection.connect({ address: devServer.address });
    const client = new Client({ connection, namespace: 'default' });
    api = await listen(createApp({ client, connection, taskQueue, db, webDir: path.join(dataDir, 'no-web') }));
    await worker.ready(WORKER_MAIN_READY);
    const baseUrl = api.baseUrl;
    const [kepala, mutasi, sekda] = [await signIn(baseUrl, 'kepala.dinkes'), await signIn(baseUrl, 'bkpsdm.mutasi'), await signIn(baseUrl, 'sekda')];
    const start = async (process: string, data: Record<string, unknown> = {}) => {
      const res = await call(baseUrl, kepala, 'POST', `/api/processes/${process}/cases`, { json: { title: 'Bertahan', data } });
      expect(res.status).toBe(201);
      return (res.body as { id: string }).id;
    };
    const inboxOf = async (who: Session) => ((await call(baseUrl, who, 'GET', '/api/tasks?limit=100')).body as ErrorBody).items?.map((t) => t.caseId) ?? [];
    const decide = async (who: Session, caseId: string, stepId: string) => {
      await eventually(async () => ((await inboxOf(who)).includes(caseId) ? true : undefined), 60_000);
      return call(baseUrl, who, 'POST', `/api/cases/${caseId}/actions/approve`, { json: { stepId }, headers: { 'Idempotency-Key': randomUUID() } });
    };

    const atFirstStep = await start('persetujuan-umum');
    const atSecondStep = await start('persetujuan-umum');
    expect((await decide(mutasi, atSecondStep, 'verifikasi')).status).toBe(200);
    const until = Date.now() + 25_000;
    const waiting = await start(waitProcess, { selesai: new Date(until).toISOString() });
    const cases = [atFirstStep, atSecondStep, waiting];
    await eventually(async () => ((await db!.em().count(CaseEvent, { caseId: waiting, type: 'wait.started' })) === 1 ? true : undefined));
    await eventually(async () => ((await inboxOf(sekda)).includes(atSecondStep) ? true : undefined));
    const tasksBefore = (await db.em().find(CaseTask, { status: 'open' })).map((t) => t.id).sort();
    expect(tasksBefore).toHaveLength(2);
    // The timer is still pending when the server dies (it is due 25 s after the start).
    expect(await db.em().count(CaseEvent, { caseId: waiting, type: 'wait.finished' })).toBe(0);

    process.kill(devServer.pid as number, 'SIGKILL');
    await devServer.exited;
    devServer = await startDevServer(serverOptions);

    for (const id of cases) {
      expect((await client.workflow.getHandle(id).describe()).status.name).toBe('RUNNING');
    }
    // The worker reconnects by itself; reads come from the workflow again, not the projection.
    const current = async (id: string) => {
      const res = await call(baseUrl, kepala, 'GET', `/api/cases/${id}`);
      return res.status === 200 ? (res.body as { current: { stepId: string } | null }).current?.stepId : undefined;
    };
    expect(await eventually(() => current(atFirstStep), 60_000)).toBe('verifikasi');
    expect(await current(atSecondStep)).toBe('keputusan');
    expect(await current(waiting)).toBe('tunggu');
    expect((await db.em().find(CaseTask, { status: 'open' })).map((t) => t.id).sort()).toEqual(tasksBefore);

    // The timer set before the crash fires after it, once.
    expect((await decide(mutasi, waiting, 'verifikasi')).status).toBe(200);
    expect((await decide(mutasi, atFirstStep, 'verifikasi')).status).toBe(200);
    expect((await decide(sekda, atFirstStep, 'keputusan')).status).toBe(200);
    expect((await decide(sekda, atSecondStep, 'keputusan')).status).toBe(200);

    await expectConsistent({ client, db }, cases);
    const closed = await db.em().find(CaseEvent, { caseId: { $in: cases }, type: 'case.closed' });
    expect(closed.map((e) => e.outcome)).toEqual(['approved', 'approved', 'approved']);
    expect(await db.em().count(CaseEvent, { caseId: waiting, type: 'wait.finished' })).toBe(1);
    expect(await db.em().count(CaseEvent, { caseId: { $in: cases }, type: 'step.decided' })).toBe(5);
  } finally {
    await worker?.stop();
    await api?.close();
    await connection?.close();
    await db?.close();
    await devServer?.stop();
  }
}, 240_000);
