import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { CaseRecord, CaseTask, type Database } from '../../db';
import { startCase } from '../../server/use-cases/start-case';
import { residentMiB } from '../child-process';
import { countLine, type ReportLine } from '../report';
import { median, inLanes } from '../stats';
import { THREE_STEP_INITIATOR, THREE_STEP_PROCESS } from '../three-step-approval';

/** Median of a few readings a second apart: RSS moves with every garbage collection. */
export async function steadyResidentMiB(pid: number, readings = 5): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < readings; i++) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 1000));
    values.push(residentMiB(pid));
  }
  return median(values);
}

/** Open cases whose current task has been projected (each open three-step case holds exactly one open task). */
async function projectedOpenCases(db: Database): Promise<number> {
  return db.em().count(CaseTask, { processKey: THREE_STEP_PROCESS, status: 'open' });
}

/**
 * Opens cases straight through the Temporal client (the start-case use case the API calls) until
 * `target` three-step cases are open, and waits until the worker has projected every one.
 */
export async function openCasesUntil(client: Client, taskQueue: string, db: Database, target: number, log: (line: string) => void): Promise<number> {
  const open = await db.em().count(CaseRecord, { process: THREE_STEP_PROCESS, status: 'open' });
  const missing = Math.max(0, target - open);
  const run = randomUUID().slice(0, 8);
  const start = Date.now();
  await inLanes(20, missing, async (i) => {
    await startCase({ client, taskQueue, em: db.em() }, {
      processKey: THREE_STEP_PROCESS,
      initiator: { userId: THREE_STEP_INITIATOR, unitId: null },
      title: `Bench memory ${i}`,
      data: { alasan: 'Penyegaran organisasi' },
      caseId: `${THREE_STEP_PROCESS}-mem-${run}-${i}`,
    });
    if ((i + 1) % 1000 === 0) log(`  ${i + 1}/${missing} cases started (${Math.round((Date.now() - start) / 1000)} s)`);
  });
  for (;;) {
    const projected = await projectedOpenCases(db);
    if (projected >= target) return projected;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** 5. Worker memory: resident memory of the worker process with many open cases, and per open case. */
export async function workerMemoryLines(before: { mib: number; open: number }, after: { mib: number; open: number }): Promise<ReportLine[]> {
  const added = after.open - before.open;
  const perCaseKiB = ((after.mib - before.mib) * 1024) / Math.max(1, added);
  return [
    countLine(`Worker memory: resident with ${before.open.toLocaleString('en-US')} open cases`, { label: 'RSS', value: before.mib, unit: 'MiB' }),
    countLine(`Worker memory: resident with ${after.open.toLocaleString('en-US')} open cases`, { label: 'RSS', value: after.mib, unit: 'MiB' }),
    countLine('Worker memory: per open case', { label: 'RSS growth', value: perCaseKiB, unit: 'KiB' },
      `(${after.mib.toFixed(0)} − ${before.mib.toFixed(0)} MiB) ÷ ${added.toLocaleString('en-US')} cases opened`),
  ];
}
