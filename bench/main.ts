// `npm run bench`: measures the engine against bare Temporal on this machine and writes
// bench/results/*.md and *.json. BENCH_SCALE=smoke|small|full (default small); BENCH_DATABASE_URL
// (a PostgreSQL URL whose user may create databases) adds PostgreSQL to the inbox benchmark;
// BENCH_ONLY=3 or BENCH_ONLY=1,2,5 runs only those workloads (numbered as in issue 8). Workload 7
// (issue 7) is the web build's initial JavaScript, gzip: the officer app (index.html) against
// < 400 kB and the public feedback portal (lapor.html) against < 150 kB; it builds web/dist when
// stale. Workload 8 (issue 7's other web figure) is the time to interactive of the officer app's
// inbox with 500 open tasks against one task, in Debian's Chromium, over the stack's API.
// Workloads 4, 6 and 7 need no Temporal stack: run alone (BENCH_ONLY=7), none is started.
import os from 'node:os';
import v8 from 'node:v8';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { caseDriver } from './case-driver';
import { countLine, writeReport, type ReportLine } from './report';
import { benchScale } from './scale';
import { CASE_TASK_QUEUE, pidsOf, startBaselineWorker, startBenchStack } from './stack';
import { decisionLatency, openCasesOverHttp } from './workloads/decision-latency';
import { devServerTuning } from './workloads/dev-server-tuning';
import { engineOverhead } from './workloads/engine-overhead';
import { inboxAtScale } from './workloads/inbox-at-scale';
import { openCasesUntil, steadyResidentMiB, workerMemoryLines } from './workloads/worker-memory';
import { residentMiB } from './child-process';
import { CaseTask } from '../db';
import { THREE_STEP_PROCESS } from './three-step-approval';
import { outboxDrained } from './outbox';
import { percentile } from './stats';
import { formsValidation } from './workloads/forms-validation';
import { webBundleSize } from './workloads/web-bundle-size';
import { inboxTimeToInteractive } from './workloads/inbox-time-to-interactive';
import { buildWebIfStale } from '../tools/web-build';
import { ROOT } from './child-process';

const log = (line: string) => console.log(`[bench] ${line}`);

async function main(): Promise<void> {
  const scale = benchScale(process.env.BENCH_SCALE);
  const only = benchOnly(process.env.BENCH_ONLY);
  const startedAt = new Date();
  Runtime.install({ logger: new DefaultLogger('WARN') });
  log(`scale ${scale.name}`);
  // Lines by the numbering (1 engine overhead ... 8 inbox time to interactive), whatever order they run in.
  const sections: ReportLine[][] = [[], [], [], [], [], [], [], [], []];
  const notes: string[] = [];
  if (only) notes.push(`Only workloads ${[...only].sort().join(', ')} ran (BENCH_ONLY).`);
  // A workload that fails is reported as such; the others still run and the report is still written.
  const workload = async (title: string, run: () => Promise<void>) => {
    const numbers = [...title.matchAll(/(\d)\./g)].map((m) => Number(m[1]));
    if (only && !numbers.some((n) => only.has(n))) return;
    log(title);
    try {
      await run();
    } catch (err) {
      log(`${title} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      notes.push(`${title} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  let temporalCli = 'no Temporal stack (BENCH_ONLY named no workload that needs one)';
  if (!only || [1, 2, 3, 5, 8].some((n) => only.has(n))) {
    // The API serves web/dist only if it exists when it starts: build it first. A failed build
    // fails workload 8 only.
    const webBuild = !only || only.has(8) ? await buildWebIfStale(ROOT, log).then(() => null, (err: unknown) => err) : null;
    const stack = await startBenchStack(log);
    temporalCli = stack.cli.kind === 'binary' ? `Temporal CLI ${stack.cli.version}` : 'Temporal SDK dev server download';
    try {
      // First, while the other processes are idle: it measures milliseconds.
      await workload('3. inbox at scale', async () => {
        const inbox = await inboxAtScale(stack.address, stack.dir, scale, log);
        sections[3]!.push(...inbox.lines);
        notes.push(...inbox.notes);
      });
      const baseline = await startBaselineWorker(stack.address);
      try {
        const driver = await caseDriver(stack.baseUrl);
        await workload('1. engine overhead', async () => {
          sections[1]!.push(...await engineOverhead(stack.client, baseline.taskQueue, driver, scale, pidsOf(stack), log, () => outboxDrained(stack.db, log)));
        });
        await workload('2. decision latency, then 5. worker memory', async () => {
          const openNow = () => stack.db.em().count(CaseTask, { processKey: THREE_STEP_PROCESS, status: 'open' });
          // Cases opened before (by the engine workload, unless it did not run) may leave e-mails queued.
          await outboxDrained(stack.db, log);
          const memoryBefore = { mib: await steadyResidentMiB(stack.worker.pid), open: await openNow() };
          const opened = await openCasesOverHttp(driver, scale.decisions.openCases, `dl-${Date.now()}`);
          log(`${opened.ids.length} cases opened over HTTP (start p50 ${percentile(opened.startMs, 50).toFixed(0)} ms, p95 ${percentile(opened.startMs, 95).toFixed(0)} ms)`);
          await outboxDrained(stack.db, log);
          sections[2]!.push(...await decisionLatency(stack.client, baseline.taskQueue, driver, opened.ids, scale, pidsOf(stack), log));

          const open = await openCasesUntil(stack.client, CASE_TASK_QUEUE, stack.db, scale.memory.openCases, log);
          const memoryAfter = { mib: await steadyResidentMiB(stack.worker.pid), open };
          log(`worker RSS ${memoryBefore.mib.toFixed(0)} MiB with ${memoryBefore.open} open cases, ${memoryAfter.mib.toFixed(0)} MiB with ${open}`);
          sections[5]!.push(...await workerMemoryLines(memoryBefore, memoryAfter));
          sections[5]!.push(countLine(`API server memory: resident with ${open.toLocaleString('en-US')} open cases`, { label: 'RSS', value: residentMiB(stack.api.pid), unit: 'MiB' }));
          const heapMiB = v8.getHeapStatistics().heap_size_limit / 2 ** 20;
          notes.push(`Worker memory: the SDK's default workflow cache (maxCachedWorkflows) on this machine is about ${Math.max(Math.floor(((heapMiB - 200) * 600) / 1024), 10).toLocaleString('en-US')} `
            + 'workflows (from the V8 heap limit); beyond that, idle cases are evicted and replayed on their next task, so memory stops growing with open cases.');
        });
      } finally {
        await baseline.close();
      }
      // Last on the stack: its open cases must not count in workloads 2 and 5, and by now the
      // worker and the dev server are idle.
      await workload('8. inbox time to interactive', async () => {
        if (webBuild) throw webBuild instanceof Error ? webBuild : new Error(`the web build failed: ${String(webBuild)}`);
        sections[8]!.push(...await inboxTimeToInteractive(stack.baseUrl, stack.db, scale, log));
      });
    } finally {
      await stack.close();
    }
  }
  await workload('4. dev-server tuning', async () => {
    sections[4]!.push(...await devServerTuning(scale, log));
  });
  // Issue 5's benchmark: form validation with the per-version cache.
  await workload('6. form validation', async () => {
    sections[6]!.push(...formsValidation(scale.name === 'full' ? 200_000 : 20_000, log));
  });
  // Issue 7's web figures: what each page loads before it first renders.
  await workload('7. web bundle size', async () => {
    sections[7]!.push(...await webBundleSize(log));
  });
  const path = writeReport({
    scale: scale.name,
    startedAt: startedAt.toISOString(),
    durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
    machine: {
      cpus: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      temporalCli,
    },
    lines: sections.flat(),
    notes,
  });
  log(`report: ${path}`);
}

function benchOnly(raw: string | undefined): Set<number> | undefined {
  if (!raw?.trim()) return undefined;
  const numbers = raw.split(',').map((part) => Number(part.trim()));
  if (numbers.some((n) => !Number.isInteger(n) || n < 1 || n > 8)) throw new Error(`BENCH_ONLY must list workload numbers 1 to 8, e.g. "3" or "1,2,5" (got "${raw}")`);
  return new Set(numbers);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
