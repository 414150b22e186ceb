import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { CaseEvent } from '../../db';
import type { DatabaseConfig } from '../../db';
import { eventually, requireEnv, signIn, startHarness, testDatabases, type Harness } from './harness';

const ROOT = path.resolve(__dirname, '../..');

/** The real worker entry point (`npm run worker`) as a separate process that can be SIGKILLed. */
function spawnWorker(h: Harness, database: DatabaseConfig, dataDir: string): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TEMPORAL_ADDRESS: h.address,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: h.taskQueue,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  if (database.kind === 'postgresql') env.DATABASE_URL = database.url;
  else delete env.DATABASE_URL;
  return spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], { cwd: ROOT, env, stdio: 'ignore' });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

describe.each(testDatabases())('worker killed in the middle of a case ($name)', (database) => {
  test('when the worker is SIGKILLed and replaced, then the case completes and no decision is lost or doubled', async () => {
    const dataDir = mkdtempSync(path.join(requireEnv('ALUR_TEST_TMP'), 'worker-crash-'));
    const config: DatabaseConfig = database.name === 'sqlite' ? { kind: 'sqlite', file: path.join(dataDir, 'alur.sqlite') } : database.config();
    const h = await startHarness(config, { worker: false, seed: true });
    const workers: ChildProcess[] = [];
    try {
      workers.push(spawnWorker(h, h.database, dataDir));
      const [kepala, mutasi, sekda] = [await signIn(h.app, 'kepala.dinkes'), await signIn(h.app, 'bkpsdm.mutasi'), await signIn(h.app, 'sekda')];
      // The spawned worker may still be bundling its workflows: the case is then accepted (202) and starts when it polls.
      const created = await kepala.post('/api/processes/persetujuan-umum/cases').send({ title: 'Mutasi saat worker mati' });
      expect([201, 202]).toContain(created.status);
      const id: string = created.body.id;
      await eventually(async () => ((await mutasi.get('/api/tasks')).body.items.some((t: { caseId: string }) => t.caseId === id) ? true : undefined), 60_000);
      await mutasi.post(`/api/cases/${id}/actions/approve`).send({ stepId: 'verifikasi' }).expect(200);
      await eventually(async () => ((await sekda.get('/api/tasks')).body.items.some((t: { caseId: string }) => t.caseId === id) ? true : undefined));

      workers[0]!.kill('SIGKILL');
      await killed(workers[0]!);

      // The decision is sent while no worker runs; it waits in Temporal, not in the worker.
      const pending = sekda.post(`/api/cases/${id}/actions/approve`)
        .set('Idempotency-Key', `final-${id}`)
        .send({ stepId: 'keputusan', comment: 'Setuju' });
      workers.push(spawnWorker(h, h.database, dataDir));
      const decided = await pending;
      expect(decided.status).toBe(200);
      expect(decided.body.case).toMatchObject({ status: 'approved' });

      const events = await eventually(async () => {
        const found = await h.db.em().find(CaseEvent, { caseId: id }, { orderBy: { seq: 'asc' } });
        return found.some((e) => e.type === 'case.closed') ? found : undefined;
      }, 60_000);
      expect(events.filter((e) => e.type === 'step.decided').map((e) => [e.stepId, e.actor])).toEqual([['verifikasi', 'bkpsdm.mutasi'], ['keputusan', 'sekda']]);
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    } finally {
      for (const worker of workers) {
        worker.kill('SIGTERM');
        await killed(worker);
      }
      await h.close();
    }
  });
});
