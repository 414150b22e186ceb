import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { CaseEvent, EffectApplication, publishDefinition, TrainingRecord, type DatabaseConfig } from '../../db';
import { eventually, requireEnv, startHarness, type Harness } from '../integration/harness';
import { call, listen, signIn, type ErrorBody, type Listening, type Session } from './api-client';
import { expectConsistent } from './case-consistency';
import {
  FAULT_WORKER_READY, spawnFaultWorker, spawnWorkerMain, TRAINING_EFFECT, WORKER_MAIN_READY, type TestProcess,
} from './child-processes';

const name = (id: string) => ({ id, en: id });

/** Crashes are about Temporal and the worker, so these run on the laptop database (SQLite) only. */
describe('worker SIGKILLed in the middle of a case (sqlite)', () => {
  let dataDir: string;
  let database: DatabaseConfig;
  let h: Harness;
  let api: Listening;
  let kepala: Session;
  let mutasi: Session;
  const workers: TestProcess[] = [];
  const run = randomUUID().slice(0, 8);

  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(requireEnv('ALUR_TEST_TMP'), 'faults-worker-'));
    // worker/main.ts reads DATA_DIR/alur.sqlite, so the test uses exactly that file.
    database = { kind: 'sqlite', file: path.join(dataDir, 'alur.sqlite') };
    h = await startHarness(database, { worker: false, seed: true });
    api = await listen(h.app);
    kepala = await signIn(api.baseUrl, 'kepala.dinkes');
    mutasi = await signIn(api.baseUrl, 'bkpsdm.mutasi');
  }, 60_000);
  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.stop();
    await api?.close();
    await h?.close();
  });

  async function startCase(process: string, data: Record<string, unknown> = {}): Promise<string> {
    const res = await call(api.baseUrl, kepala, 'POST', `/api/processes/${process}/cases`, { json: { title: 'Uji kegagalan', data } });
    expect([201, 202]).toContain(res.status);
    return (res.body as { id: string }).id;
  }

  async function approveFromInbox(caseId: string, stepId: string): Promise<ErrorBody> {
    await eventually(async () => {
      const inbox = await call(api.baseUrl, mutasi, 'GET', '/api/tasks?limit=100');
      return ((inbox.body as ErrorBody).items ?? []).some((t) => t.caseId === caseId) ? true : undefined;
    }, 90_000);
    const res = await call(api.baseUrl, mutasi, 'POST', `/api/cases/${caseId}/actions/approve`, { json: { stepId }, headers: { 'Idempotency-Key': randomUUID() } });
    expect(res.status).toBe(200);
    return res.body as ErrorBody;
  }

  const events = async (caseId: string, type: string) => h.db.em().find(CaseEvent, { caseId, type }, { orderBy: { seq: 'asc' } });

  test('when the worker is SIGKILLed while an effect is being applied, then a new worker finishes the case and the effect is applied exactly once', async () => {
    const process = `uji-efek-${run}`;
    await publishDefinition(h.db.em(), {
      key: process, version: 1, name: name('Uji efek'), starters: ['kepala_opd'], firstStep: 'verifikasi',
      steps: [
        { id: 'verifikasi', kind: 'approval', name: name('Verifikasi'), assignees: [{ kind: 'role', role: 'bkpsdm_mutasi' }], mode: { kind: 'any' }, next: { approved: 'pelatihan', rejected: 'ditolak' } },
        { id: 'pelatihan', kind: 'effect', name: name('Catat pelatihan'), effect: TRAINING_EFFECT, next: 'disetujui' },
        { id: 'disetujui', kind: 'end', name: name('Disetujui'), outcome: 'approved' },
        { id: 'ditolak', kind: 'end', name: name('Ditolak'), outcome: 'rejected' },
      ],
    });
    const effectLog = path.join(dataDir, 'effects.log');
    writeFileSync(effectLog, '');
    const worker = (holdMs: number) => spawnFaultWorker({
      address: h.address, taskQueue: h.taskQueue, database, bundle: requireEnv('ALUR_TEST_WORKFLOW_BUNDLE'), effectLog, holdMs,
    });
    // The first worker holds the effect's transaction open long enough to be killed inside it.
    workers.push(worker(60_000));
    await workers[0]!.ready(FAULT_WORKER_READY);

    const id = await startCase(process);
    await approveFromInbox(id, 'verifikasi');
    await eventually(async () => (readFileSync(effectLog, 'utf8').includes(`started ${id}`) ? true : undefined));
    await workers[0]!.kill();
    workers.push(worker(0));
    await workers[1]!.ready(FAULT_WORKER_READY);

    // Without a heartbeat, Temporal retries the effect only when its start-to-close timeout (1 min) ends.
    await eventually(async () => ((await h.client.workflow.getHandle(id).describe()).status.name === 'COMPLETED' ? true : undefined), 150_000);
    const log = readFileSync(effectLog, 'utf8').split('\n').filter((line) => line.includes(id));
    expect(log.filter((line) => line.startsWith('started'))).toHaveLength(2);
    expect(log.filter((line) => line.startsWith('finished'))).toHaveLength(1);
    expect(await h.db.em().count(TrainingRecord, { title: `Pelatihan ${id}` })).toBe(1);
    expect(await h.db.em().count(EffectApplication, { caseId: id })).toBe(1);
    expect((await events(id, 'effect.applied')).map((e) => e.details)).toEqual([{ effect: TRAINING_EFFECT, applied: true }]);
    expect((await events(id, 'case.closed')).map((e) => e.outcome)).toEqual(['approved']);
    await expectConsistent(h, [id]);
  }, 240_000);

  test('when the worker is SIGKILLed while a case waits and the timer fires before a new worker starts, then the case continues once', async () => {
    const process = `uji-tunggu-${run}`;
    await publishDefinition(h.db.em(), {
      key: process, version: 1, name: name('Uji tunggu'), starters: ['kepala_opd'], firstStep: 'tunggu',
      steps: [
        { id: 'tunggu', kind: 'wait', name: name('Tunggu'), until: 'selesai', next: 'verifikasi' },
        { id: 'verifikasi', kind: 'approval', name: name('Verifikasi'), assignees: [{ kind: 'role', role: 'bkpsdm_mutasi' }], mode: { kind: 'any' }, next: { approved: 'disetujui', rejected: 'ditolak' } },
        { id: 'disetujui', kind: 'end', name: name('Disetujui'), outcome: 'approved' },
        { id: 'ditolak', kind: 'end', name: name('Ditolak'), outcome: 'rejected' },
      ],
    });
    const worker = () => spawnWorkerMain({ address: h.address, taskQueue: h.taskQueue, database, dataDir });
    workers.push(worker());
    await workers[0]!.ready(WORKER_MAIN_READY);

    const until = Date.now() + 8_000;
    const id = await startCase(process, { selesai: new Date(until).toISOString() });
    await eventually(async () => ((await events(id, 'wait.started')).length === 1 ? true : undefined));
    await workers[0]!.kill();
    // The timer fires in Temporal while no worker runs.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, until + 2_000 - Date.now())));
    expect((await events(id, 'wait.finished'))).toHaveLength(0);
    workers.push(worker());
    await workers[1]!.ready(WORKER_MAIN_READY);

    const decided = await approveFromInbox(id, 'verifikasi');
    expect(decided.case?.status).toBe('approved');
    await expectConsistent(h, [id]);
    expect((await events(id, 'wait.started'))).toHaveLength(1);
    expect((await events(id, 'wait.finished')).map((e) => e.details)).toEqual([{ endedEarly: false }]);
    expect((await events(id, 'step.decided')).map((e) => [e.stepId, e.actor])).toEqual([['verifikasi', 'bkpsdm.mutasi']]);
  }, 240_000);
});
