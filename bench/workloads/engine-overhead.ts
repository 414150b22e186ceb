import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { addCpu, cpuDuring, cpuPer, cpuTotal } from '../child-process';
import { approveOverHttp, startCaseOverHttp, type CaseDriver } from '../case-driver';
import { countLine, ratioLine, type ReportLine } from '../report';
import type { OutboxDrain } from '../outbox';
import type { BenchScale } from '../scale';
import { inLanes, since } from '../stats';
import { THREE_STEP_DECIDERS } from '../three-step-approval';
import { CASE_ROUND_TRIPS, CASE_VIEW_BYTES, caseCommandsWorkflow, caseStepUpdate, emptyWorkflow, fourUpdatesWorkflow, stepUpdate } from '../workflows';

/** Empty workflows started and completed per second with `inFlight` at a time. */
export async function emptyWorkflowsPerSecond(
  client: Client, taskQueue: string, inFlight: number, warmup: number, measured: number,
): Promise<{ perSecond: number; sampleId: string }> {
  const run = randomUUID().slice(0, 8);
  const one = (phase: string) => async (i: number) => {
    await client.workflow.execute(emptyWorkflow, { taskQueue, workflowId: `empty-${run}-${phase}-${i}` });
  };
  await inLanes(inFlight, warmup, one('warm'));
  const start = performance.now();
  await inLanes(inFlight, measured, one('run'));
  return { perSecond: measured / (since(start) / 1000), sampleId: `empty-${run}-run-0` };
}

/**
 * Bare workflows making a three-step case's Temporal round trips (a start with an Update, then three
 * Updates), completed per second with `inFlight` at a time: what Temporal alone allows for this
 * shape of work, with no HTTP, database, lookups or projection. `withCaseCommands`: each Update also
 * issues a case's commands for a step change and answers with a case view's size.
 */
export async function fourUpdateWorkflowsPerSecond(
  client: Client, taskQueue: string, inFlight: number, warmup: number, measured: number, withCaseCommands = false,
): Promise<{ perSecond: number; sampleId: string }> {
  const run = randomUUID().slice(0, 8);
  const prefix = withCaseCommands ? 'case-commands' : 'four';
  const one = (phase: string) => async (i: number) => {
    const workflowId = `${prefix}-${run}-${phase}-${i}`;
    if (withCaseCommands) await roundTrips(client, caseCommandsWorkflow, caseStepUpdate, { taskQueue, workflowId });
    else await roundTrips(client, fourUpdatesWorkflow, stepUpdate, { taskQueue, workflowId });
  };
  await inLanes(inFlight, warmup, one('warm'));
  const start = performance.now();
  await inLanes(inFlight, measured, one('run'));
  return { perSecond: measured / (since(start) / 1000), sampleId: `${prefix}-${run}-run-0` };
}

/** One bare workflow through a case's round trips: started with an Update, then the other Updates, then its result. */
async function roundTrips<R>(
  client: Client, workflow: () => Promise<R>, update: UpdateDefinition<unknown, []>, options: { taskQueue: string; workflowId: string },
): Promise<void> {
  const start = new WithStartWorkflowOperation(workflow, { ...options, workflowIdConflictPolicy: 'FAIL' });
  await client.workflow.executeUpdateWithStart(update, { startWorkflowOperation: start });
  const handle = await start.workflowHandle();
  for (let n = 1; n < CASE_ROUND_TRIPS; n++) await handle.executeUpdate(update);
  await handle.result();
}

/** One three-step case from start to its final approval, through the HTTP API. */
async function runCase(driver: CaseDriver, key: string): Promise<{ id: string; approved: boolean }> {
  const { id } = await startCaseOverHttp(driver, key);
  let status = 'open';
  for (let step = 0; step < THREE_STEP_DECIDERS.length; step++) {
    status = (await approveOverHttp(driver, id, step, `${key}-${step}`)).caseStatus;
  }
  return { id, approved: status === 'approved' };
}

/** Three-step cases completed per second over HTTP with `inFlight` at a time, after a warm-up. */
export async function casesPerSecond(
  driver: CaseDriver, inFlight: number, warmup: number, measured: number,
): Promise<{ perSecond: number; approved: number; sampleCase: string }> {
  const run = randomUUID().slice(0, 8);
  await inLanes(inFlight, warmup, async (i) => {
    await runCase(driver, `eo-${run}-warm-${i}`);
  });
  driver.retries = {};
  let approved = 0;
  let sampleCase = '';
  const start = performance.now();
  await inLanes(inFlight, measured, async (i) => {
    const done = await runCase(driver, `eo-${run}-${i}`);
    if (done.approved) approved += 1;
    sampleCase = done.id;
  });
  return { perSecond: measured / (since(start) / 1000), approved, sampleCase };
}

/** What one workflow cost Temporal: history events, workflow tasks and activities. */
async function historyCost(client: Client, workflowId: string): Promise<{ events: number; workflowTasks: number; activities: number }> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const events = history.events ?? [];
  return {
    events: events.length,
    workflowTasks: events.filter((e) => e.workflowTaskCompletedEventAttributes).length,
    activities: events.filter((e) => e.activityTaskScheduledEventAttributes).length,
  };
}

/** What became of the e-mails the cases left queued. */
function backlogNote(backlog: OutboxDrain): string {
  if (backlog.queued === 0) return 'the worker sent the cases\' e-mails as they came';
  if (backlog.left > 0) return `${backlog.left.toLocaleString('en-US')} were still due after ${backlog.seconds.toFixed(0)} s`;
  return `the worker sent them in ${backlog.seconds.toFixed(1)} s after the cases, before the baseline's second half`;
}

/**
 * 1. Engine overhead: three-step approval cases completed per second over HTTP with N in flight,
 * against empty workflows started and completed per second on the same dev server.
 *
 * The empty workflows are measured in two halves, one before the workload's other runs and one
 * after them, and their rate is the total over both (workflows ÷ seconds). The dev server slows
 * down as its database grows: in two full-scale runs, empty workflows ran 5.5% (76.4 → 72.2/s) and
 * 12% (68.7 → 60.2/s) slower after this workload's 16,000 workflows than before them, with the
 * outbox drained. A baseline taken only at the start was measured on a smaller database than the
 * cases that come last. `settle` runs before the second half: it waits for the cases' queued
 * e-mails, so that their sending does not fall on the baseline.
 */
export async function engineOverhead(
  client: Client, baselineQueue: string, driver: CaseDriver, scale: BenchScale, pids: Record<string, number>, log: (line: string) => void,
  settle: () => Promise<OutboxDrain>,
): Promise<ReportLine[]> {
  const { inFlight, warmup, measured } = scale.engine;
  // Empty workflows are cheap: run more of them so the rate is not dominated by the ramp-down.
  const half = { warmup: Math.ceil((warmup * 5) / 2), measured: Math.ceil((measured * 5) / 2) };
  const emptyHalf = () => cpuDuring(pids, () => emptyWorkflowsPerSecond(client, baselineQueue, inFlight, half.warmup, half.measured));
  const emptyBefore = await emptyHalf();
  log(`empty workflows, first half: ${emptyBefore.result.perSecond.toFixed(1)}/s with ${inFlight} in flight; CPU per workflow ${cpuPer(emptyBefore.cpu, half.warmup + half.measured)}`);

  const fourRun = await cpuDuring(pids, () => fourUpdateWorkflowsPerSecond(client, baselineQueue, inFlight, warmup, measured));
  const four = fourRun.result;
  log(`bare workflows with a case's round trips (start + Update, 3 Updates): ${four.perSecond.toFixed(1)}/s; CPU per workflow ${cpuPer(fourRun.cpu, warmup + measured)}`);

  const commandsRun = await cpuDuring(pids, () => fourUpdateWorkflowsPerSecond(client, baselineQueue, inFlight, warmup, measured, true));
  const commands = commandsRun.result;
  log(`bare workflows with a case's round trips and commands: ${commands.perSecond.toFixed(1)}/s; CPU per workflow ${cpuPer(commandsRun.cpu, warmup + measured)}`);

  const casesRun = await cpuDuring(pids, () => casesPerSecond(driver, inFlight, warmup, measured));
  const cases = casesRun.result;
  const caseCpu = cpuPer(casesRun.cpu, warmup + measured);
  log(`three-step cases: CPU per case ${caseCpu}`);

  const backlog = await settle();
  const emptyAfter = await emptyHalf();
  log(`empty workflows, second half: ${emptyAfter.result.perSecond.toFixed(1)}/s; CPU per workflow ${cpuPer(emptyAfter.cpu, half.warmup + half.measured)}`);
  const empty = emptyBefore.result;
  // Both halves ran the same number of workflows: all of them over all the time is the harmonic mean.
  const emptyRate = 2 / (1 / emptyBefore.result.perSecond + 1 / emptyAfter.result.perSecond);
  const emptyCpu = cpuPer(addCpu(addCpu({}, emptyBefore.cpu), emptyAfter.cpu), 2 * (half.warmup + half.measured));
  log(`empty workflows: ${emptyRate.toFixed(1)}/s over both halves`);
  const { approved, sampleCase } = cases;
  const caseRate = cases.perSecond;
  const retried = Object.values(driver.retries).reduce((a, b) => a + b, 0);
  const byCode = Object.entries(driver.retries).map(([code, n]) => `${code} ${n}`).join(', ') || 'none';
  log(`three-step cases: ${caseRate.toFixed(2)}/s with ${inFlight} in flight (${approved}/${measured} answered "approved", retried: ${byCode})`);
  const [caseCost, emptyCost, fourCost, commandsCost] = [
    await historyCost(client, sampleCase), await historyCost(client, empty.sampleId), await historyCost(client, four.sampleId), await historyCost(client, commands.sampleId),
  ];
  return [
    ratioLine(
      `Engine overhead: 3-step cases over HTTP, ${inFlight} in flight, ${measured} after ${warmup} warm-up`,
      { label: 'empty workflows', value: emptyRate, unit: '/s' },
      { label: 'cases completed', value: caseRate, unit: '/s' },
      { atLeast: 0.3 },
      `stretch goal 0.5; empty workflows measured half before the cases (${emptyBefore.result.perSecond.toFixed(1)}/s) and half after them (${emptyAfter.result.perSecond.toFixed(1)}/s)`,
    ),
    ratioLine(
      'Engine overhead, for reference: 3-step cases over HTTP ÷ bare workflows making the same Temporal round trips',
      { label: 'bare workflows (start with an Update, then 3 Updates)', value: four.perSecond, unit: '/s' },
      { label: 'cases completed', value: caseRate, unit: '/s' },
      undefined,
      `what Alur adds over Temporal itself for the same round trips (HTTP, sign-in, forms, lookups, projection, notifications); the bare workflow: ${fourCost.events} events, ${fourCost.workflowTasks} workflow tasks, CPU ${cpuPer(fourRun.cpu, warmup + measured)}`,
    ),
    ratioLine(
      'Engine overhead, for reference: bare workflows with a case\'s round trips and Temporal commands ÷ empty workflows',
      { label: 'empty workflows', value: emptyRate, unit: '/s' },
      { label: 'bare workflows with a case\'s commands', value: commands.perSecond, unit: '/s' },
      undefined,
      `the most a case could reach with Temporal's work alone: on each of the 4 Updates the search attributes upserted, the first step's reminder timer started and cancelled, answers of ${CASE_VIEW_BYTES.toLocaleString('en')} bytes; ${commandsCost.events} events, CPU ${cpuPer(commandsRun.cpu, warmup + measured)}`,
    ),
    ratioLine(
      'Engine overhead, for reference: 3-step cases over HTTP ÷ bare workflows with a case\'s round trips and commands',
      { label: 'bare workflows with a case\'s commands', value: commands.perSecond, unit: '/s' },
      { label: 'cases completed', value: caseRate, unit: '/s' },
      undefined,
      'Alur\'s own share: HTTP, sign-in, forms, lookups, the promise and the projection, notifications and mail, its workflow\'s work',
    ),
    countLine('Engine overhead: final approvals answered with the case already approved', { label: 'cases', value: approved, unit: `of ${measured}` }),
    ratioLine('Engine overhead: Temporal history events, one 3-step case ÷ one empty workflow',
      { label: 'empty workflow', value: emptyCost.events, unit: 'events' },
      { label: '3-step case', value: caseCost.events, unit: 'events' }, undefined,
      `${caseCost.workflowTasks} workflow tasks and ${caseCost.activities} activities per case, against ${emptyCost.workflowTasks} and ${emptyCost.activities}`),
    countLine('Engine overhead: CPU time per 3-step case, by process', { label: 'all processes', value: cpuTotal(casesRun.cpu) / (warmup + measured), unit: 'ms' },
      `${caseCpu}; an empty workflow: ${emptyCpu} (self = the bench: HTTP driver, client and the baseline worker)`),
    countLine('Engine overhead: e-mails still queued when the cases finished',
      { label: 'e-mails', value: backlog.queued, unit: `of ${backlog.total.toLocaleString('en-US')} in the outbox` },
      backlogNote(backlog)),
    countLine('Engine overhead: decisions refused as too early and sent again', { label: 'refusals', value: retried, unit: `for ${measured * 3} decisions` }, byCode),
  ];
}
