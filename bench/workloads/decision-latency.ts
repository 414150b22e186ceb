import { randomUUID } from 'node:crypto';
import type { Client, WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { addCpu, cpuDuring, cpuPer, cpuTotal } from '../child-process';
import { approveOverHttp, startCaseOverHttp, type CaseDriver } from '../case-driver';
import { ratioLine, type ReportLine } from '../report';
import type { BenchScale } from '../scale';
import { inLanes, percentile, since } from '../stats';
import { bumpAfterLookupUpdate, bumpUpdate, bumpWithCaseCommandsUpdate, CASE_VIEW_BYTES, counterWorkflow, stopSignal } from '../workflows';

/** One of the bare Updates the counter workflow answers. */
type BareUpdate = UpdateDefinition<unknown, [number]>;

/** Opens `count` three-step cases over HTTP, 10 at a time; each waits at its first step. */
export async function openCasesOverHttp(driver: CaseDriver, count: number, prefix: string): Promise<{ ids: string[]; startMs: number[] }> {
  const ids: string[] = [];
  const startMs: number[] = [];
  await inLanes(10, count, async (i) => {
    const started = await startCaseOverHttp(driver, `${prefix}-${i}`);
    ids[i] = started.id;
    startMs.push(started.ms);
  });
  return { ids, startMs };
}

/**
 * Trivial workflows for one kind of bare Update, one per lane, warmed up. Each kind has workflows
 * of its own: Temporal accepts at most 2,000 Updates in one workflow run.
 */
async function counterLanes(
  client: Client, taskQueue: string, concurrency: number, update: BareUpdate,
): Promise<Array<WorkflowHandle<typeof counterWorkflow>>> {
  const run = randomUUID().slice(0, 8);
  const handles: Array<WorkflowHandle<typeof counterWorkflow>> = [];
  for (let i = 0; i < concurrency; i++) {
    handles.push(await client.workflow.start(counterWorkflow, { taskQueue, workflowId: `counter-${run}-${i}` }));
  }
  // Warm the worker's cache and the connection first.
  await Promise.all(handles.map((h) => h.executeUpdate(update, { args: [1] })));
  return handles;
}

/**
 * Latencies of `total` bare executeUpdates, one lane per workflow: `bumpUpdate` answers at once;
 * `bumpAfterLookupUpdate` first waits for one local activity; `bumpWithCaseCommandsUpdate` issues a
 * case's commands for a step change.
 */
async function bareUpdateLatencies(
  handles: Array<WorkflowHandle<typeof counterWorkflow>>, total: number, update: BareUpdate,
): Promise<number[]> {
  const samples: number[] = [];
  let lane = 0;
  await Promise.all(handles.map(async (handle) => {
    const mine = Math.floor(total / handles.length) + (lane++ < total % handles.length ? 1 : 0);
    for (let i = 0; i < mine; i++) {
      const start = performance.now();
      await handle.executeUpdate(update, { args: [1] });
      samples.push(since(start));
    }
  }));
  return samples;
}

/**
 * Approves the first step of the given open cases over HTTP, `concurrency` at a time; the accepted
 * attempts' latencies, and the server's phases of each (its Server-Timing header).
 */
async function decisionLatencies(driver: CaseDriver, ids: string[], concurrency: number): Promise<Timed[]> {
  const timed: Timed[] = [];
  await inLanes(concurrency, ids.length, async (i) => {
    const id = ids[i] as string;
    const answer = await approveOverHttp(driver, id, 0, `dl-${id}`);
    timed.push({ ms: answer.ms, phases: answer.phases });
  });
  return timed;
}

/** One approval's latency and its server phases (its Server-Timing header). */
interface Timed { ms: number; phases: Record<string, number> }

/** CPU used by each process, summed over rounds. */
type CpuTally = Record<string, number>;

/** Runs `run`, adding the CPU each process used meanwhile to `tally`. */
async function tallied<T>(tally: CpuTally, pids: Record<string, number>, run: () => Promise<T>): Promise<T> {
  const { result, cpu } = await cpuDuring(pids, run);
  addCpu(tally, cpu);
  return result;
}

/** "total 19.2 ms: worker 3.1 ms, api 5.0 ms, …": CPU per operation, all processes together and each. */
function cpuPerOperation(tally: CpuTally, operations: number): string {
  const total = cpuTotal(tally) / operations;
  return `total ${total.toFixed(1)} ms: ${cpuPer(tally, operations)}`;
}

/** Rounds in which the bare Updates and the approvals take turns. */
const ROUNDS = 5;

/**
 * "access 3.1, update 20.2, …, other 12.0 ms": `summarize` (a p50, a mean) of each server phase
 * over the approvals, and of what each approval's latency leaves outside its phases (`other`:
 * HTTP and the client, before the server's first middleware and after its answer). `other` is
 * summarized per approval: the p50 of a difference, not the difference of two p50s.
 */
function phasesBy(timed: readonly Timed[], summarize: (values: number[]) => number, otherLabel: string): string {
  const names = [...new Set(timed.flatMap((t) => Object.keys(t.phases)))];
  const named = names.map((name) => [name, summarize(timed.map((t) => t.phases[name] ?? 0))] as const);
  const other = summarize(timed.map((t) => t.ms - Object.values(t.phases).reduce((sum, ms) => sum + ms, 0)));
  return [...named, [otherLabel, other] as const].map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join(', ') + ' ms';
}

/** The p50 of each server phase, and of what the phases leave out. */
function phaseSummary(timed: readonly Timed[]): string {
  return phasesBy(timed, (values) => percentile(values, 50), 'other (HTTP outside the server\'s phases)');
}

/** The mean of each server phase over the slowest tenth of the approvals: what makes the tail (p95) long. */
function tailSummary(timed: readonly Timed[]): string {
  const slowest = [...timed].sort((a, b) => b.ms - a.ms).slice(0, Math.max(1, Math.ceil(timed.length / 10)));
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  return `${slowest.length} slowest, mean ${mean(slowest.map((t) => t.ms)).toFixed(1)} ms: ${phasesBy(slowest, mean, 'other')}`;
}

/**
 * 2. Decision latency: p50/p95/p99 of an approval over HTTP (auth, validation, Update, the wait
 * for the next step) at concurrency 1 and 10 over many open cases, against the p95 of a bare
 * executeUpdate on a trivial workflow at the same concurrency.
 */
export async function decisionLatency(
  client: Client, baselineQueue: string, driver: CaseDriver, openIds: string[], scale: BenchScale, pids: Record<string, number>, log: (line: string) => void,
): Promise<ReportLine[]> {
  const { atConcurrency1, atConcurrency10, bareUpdates } = scale.decisions;
  if (openIds.length < atConcurrency1 + atConcurrency10) throw new Error('not enough open cases for the decision benchmark');
  const lines: ReportLine[] = [];
  const plan: Array<[number, string[]]> = [
    [1, openIds.slice(0, atConcurrency1)],
    [10, openIds.slice(atConcurrency1, atConcurrency1 + atConcurrency10)],
  ];
  for (const [concurrency, ids] of plan) {
    // Bare Updates, Updates with a local activity and approvals take turns in rounds, so that a
    // slow spell of the machine falls on all three alike; each still runs alone at its concurrency.
    const bare: number[] = [];
    const shaped: number[] = [];
    const timed: Timed[] = [];
    // CPU of every process (the worker, the API, the dev server and this one, which drives both and
    // runs the bare Updates' worker): at concurrency 10 the machine is saturated, and latency follows it.
    const cpu = { bare: {} as CpuTally, commanding: {} as CpuTally, approvals: {} as CpuTally };
    driver.retries = {};
    const bareLanes = await counterLanes(client, baselineQueue, concurrency, bumpUpdate);
    const shapedLanes = await counterLanes(client, baselineQueue, concurrency, bumpAfterLookupUpdate);
    const commanding: number[] = [];
    const commandingLanes = await counterLanes(client, baselineQueue, concurrency, bumpWithCaseCommandsUpdate);
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const share = (n: number) => Math.floor((n * (round + 1)) / ROUNDS) - Math.floor((n * round) / ROUNDS);
        bare.push(...await tallied(cpu.bare, pids, () => bareUpdateLatencies(bareLanes, share(bareUpdates), bumpUpdate)));
        shaped.push(...await bareUpdateLatencies(shapedLanes, share(bareUpdates), bumpAfterLookupUpdate));
        commanding.push(...await tallied(cpu.commanding, pids, () => bareUpdateLatencies(commandingLanes, share(bareUpdates), bumpWithCaseCommandsUpdate)));
        const from = Math.floor((ids.length * round) / ROUNDS);
        timed.push(...await tallied(cpu.approvals, pids, () => decisionLatencies(driver, ids.slice(from, from + share(ids.length)), concurrency)));
      }
    } finally {
      await Promise.all([...bareLanes, ...shapedLanes, ...commandingLanes].map((h) => h.signal(stopSignal)));
    }
    const http = timed.map((t) => t.ms);
    const bareP95 = percentile(bare, 95);
    const where = phaseSummary(timed);
    const retried = Object.entries(driver.retries).map(([code, n]) => `${code} ${n}`).join(', ');
    log(`decisions at concurrency ${concurrency}: p50 ${percentile(http, 50).toFixed(1)} ms, p95 ${percentile(http, 95).toFixed(1)} ms, `
      + `p99 ${percentile(http, 99).toFixed(1)} ms; bare update p50 ${percentile(bare, 50).toFixed(1)} ms, p95 ${bareP95.toFixed(1)} ms`
      + (retried ? ` (retried: ${retried})` : '') + `; server phases at p50: ${where}; in the tail: ${tailSummary(timed)}`);
    const baseline = { label: `bare executeUpdate p95 (${bare.length})`, value: bareP95, unit: 'ms' };
    for (const p of [50, 95, 99]) {
      lines.push(ratioLine(
        `Decision latency p${p} over HTTP, concurrency ${concurrency}, ${openIds.length} open cases`,
        baseline,
        { label: `p${p} of ${http.length} approvals`, value: percentile(http, p), unit: 'ms' },
        p === 95 ? { atMost: 1.5 } : undefined,
        p === 95 ? (retried ? `goal on p95; refused as too early and sent again: ${retried}` : 'goal on p95')
          : p === 50 ? `server phases at p50: ${where}` : undefined,
      ));
    }
    log(`CPU per operation at concurrency ${concurrency}: approval ${cpuPerOperation(cpu.approvals, timed.length)}; `
      + `bare update ${cpuPerOperation(cpu.bare, bare.length)}; bare update with a case's commands ${cpuPerOperation(cpu.commanding, commanding.length)}`);
    // For reference (no goal): Temporal alone, for an Update that waits for one local activity as a
    // decision waits for the next step's assignees when the API hands in no lookup (before
    // ENGINE_V4_PATCH every decision did), against the bare Update of the goal.
    log(`bare update with one local activity at concurrency ${concurrency}: p50 ${percentile(shaped, 50).toFixed(1)} ms, p95 ${percentile(shaped, 95).toFixed(1)} ms`);
    lines.push(ratioLine(
      `Decision latency, for reference: a bare Update that waits for one local activity, concurrency ${concurrency}`,
      baseline,
      { label: `p95 of ${shaped.length} (p50 ${percentile(shaped, 50).toFixed(1)} ms)`, value: percentile(shaped, 95), unit: 'ms' },
      undefined,
      'what Temporal alone costs for a decision whose case looks its next step up itself (the API hands the lookup in when it can, and then the Update waits for none)',
    ));
    log(`bare update with a case's commands at concurrency ${concurrency}: p50 ${percentile(commanding, 50).toFixed(1)} ms, p95 ${percentile(commanding, 95).toFixed(1)} ms`);
    lines.push(ratioLine(
      `Decision latency, for reference: a bare Update with a case's Temporal commands, concurrency ${concurrency}`,
      baseline,
      { label: `p95 of ${commanding.length} (p50 ${percentile(commanding, 50).toFixed(1)} ms)`, value: percentile(commanding, 95), unit: 'ms' },
      undefined,
      `what Temporal alone costs for what a decision makes a case do: upsert its search attributes, cancel the step's timer (and start one, which the measured decision does not), answer ${CASE_VIEW_BYTES.toLocaleString('en')} bytes`,
    ));
    lines.push(ratioLine(
      `Decision latency, for reference: approvals over HTTP ÷ that Update, concurrency ${concurrency}`,
      { label: `bare Update with a case's commands, p95`, value: percentile(commanding, 95), unit: 'ms' },
      { label: `p95 of ${http.length} approvals`, value: percentile(http, 95), unit: 'ms' },
      undefined,
      'Alur\'s own share: HTTP, sign-in, access, form validation, the lookup handed in, the promise and the publication, and its workflow\'s work',
    ));
  }
  return lines;
}
