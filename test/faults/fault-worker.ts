// A worker process for the fault tests: the real worker (createWorker, the registry directory and
// calendar, every default effect) plus one test effect that can be caught in the middle, so a
// test can SIGKILL a worker while an effect runs. worker/main.ts has no way to add an effect.
import { appendFileSync } from 'node:fs';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { createRegistryDirectory, defaultEffects, loadRegistryCalendar, type EffectHandler } from '../../activities';
import { Employee, initORM, TrainingRecord, type DatabaseConfig } from '../../db';
import { createWorker } from '../../worker/worker';
import { TRAINING_EFFECT } from './child-processes';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const database = JSON.parse(required('ALUR_FAULT_DATABASE')) as DatabaseConfig;
  const effectLog = required('ALUR_FAULT_EFFECT_LOG');
  const holdMs = Number(process.env.ALUR_FAULT_EFFECT_HOLD_MS ?? '0');
  const db = await initORM(database);

  /** Enrols the case's subject in a training: one training record, titled after the case. */
  const recordTraining: EffectHandler = async ({ em, caseId }) => {
    appendFileSync(effectLog, `started ${caseId} pid ${process.pid}\n`);
    const employee = await em.findOneOrFail(Employee, { id: { $gt: 0 } }, { orderBy: { id: 'asc' } });
    em.create(TrainingRecord, {
      employeeId: employee.id, title: `Pelatihan ${caseId}`, kind: 'TEKNIS', jpHours: 20, startDate: '2026-12-01', endDate: '2026-12-03', year: 2026,
    });
    await em.flush();
    // Written but not committed: the window in which a test kills this process.
    await new Promise((resolve) => setTimeout(resolve, holdMs));
    appendFileSync(effectLog, `finished ${caseId} pid ${process.pid}\n`);
    return { data: { pelatihanDicatat: true } };
  };

  const connection = await NativeConnection.connect({ address: required('ALUR_FAULT_TEMPORAL_ADDRESS') });
  const worker = await createWorker({
    connection,
    namespace: 'default',
    taskQueue: required('ALUR_FAULT_TASK_QUEUE'),
    deps: { db, directory: createRegistryDirectory(db), calendar: () => loadRegistryCalendar(db), effects: { ...defaultEffects, [TRAINING_EFFECT]: recordTraining } },
    workflowBundle: { codePath: required('ALUR_FAULT_WORKFLOW_BUNDLE') },
  });
  process.on('SIGTERM', () => worker.shutdown());
  console.log('[fault-worker] polling');
  await worker.run();
  await connection.close();
  await db.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
