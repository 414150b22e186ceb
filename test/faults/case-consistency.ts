import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { requireEnv } from '../integration/test-env';
import { CaseEvent, CaseRecord, CaseTask, type Database } from '../../db';
import { caseViewQuery, type caseWorkflow, type CaseView } from '../../workflows/case';

/**
 * Everything that must agree about one case once it is quiet: Temporal (the source of truth), the
 * case row, the inbox and the audit log. Returns the disagreements; none means consistent.
 */
export async function caseProblems(deps: { client: Client; db: Database }, caseId: string): Promise<string[]> {
  const problems: string[] = [];
  const handle = deps.client.workflow.getHandle<typeof caseWorkflow>(caseId);
  const description = await handle.describe();
  const status = description.status.name;
  if (status !== 'RUNNING' && status !== 'COMPLETED') problems.push(`workflow is ${status}`);
  const history = await handle.fetchHistory();
  const failedTasks = (history.events ?? []).filter((e) => e.workflowTaskFailedEventAttributes);
  if (failedTasks.length > 0) {
    problems.push(`${failedTasks.length} failed workflow task(s): ${failedTasks[0]?.workflowTaskFailedEventAttributes?.failure?.message ?? ''}`);
  }
  if (problems.length > 0) return problems;

  const view: CaseView = status === 'COMPLETED' ? await handle.result() : await handle.query(caseViewQuery);
  const em = deps.db.em();
  const events = await em.find(CaseEvent, { caseId }, { orderBy: { seq: 'asc' } });
  const lastSeq = view.events[view.events.length - 1]?.seq ?? 0;
  if (events.length !== lastSeq || events.some((e, i) => e.seq !== i + 1)) {
    problems.push(`audit log has seq ${events.map((e) => e.seq).join(',') || '(none)'} but the case is at seq ${lastSeq}`);
  }
  const row = await em.findOne(CaseRecord, { id: caseId });
  if (!row) problems.push('no case row');
  else {
    if (row.status !== view.status) problems.push(`case row says ${row.status}, the workflow ${view.status}`);
    const step = view.status === 'open' ? (view.current?.stepId ?? null) : null;
    if (row.currentStep !== step) problems.push(`case row is at step ${row.currentStep}, the workflow at ${step}`);
  }
  const current = view.current;
  const expected = view.status === 'open' && current && !current.outcome
    ? current.assignees.filter((a) => !current.decisions.some((d) => d.userId === a.userId)).map((a) => a.userId).sort()
    : [];
  const open = (await em.find(CaseTask, { caseId, status: 'open' })).map((t) => t.userId).sort();
  if (JSON.stringify(open) !== JSON.stringify(expected)) problems.push(`open tasks ${open.join(',') || '(none)'} but expected ${expected.join(',') || '(none)'}`);

  // One decision per person per visit of a step: a duplicate means a decision was applied twice.
  const visits = new Map<string, number>();
  const decided = new Set<string>();
  for (const e of events) {
    if (e.type === 'step.entered' && e.stepId) visits.set(e.stepId, (visits.get(e.stepId) ?? 0) + 1);
    if (e.type === 'step.decided') {
      const key = `${e.stepId}#${visits.get(e.stepId ?? '') ?? 0}#${e.actor}`;
      if (decided.has(key)) problems.push(`decision ${key} recorded twice`);
      decided.add(key);
    }
  }
  return problems;
}

/** Polls until every case is consistent; returns what still disagrees after `timeoutMs` (empty: all consistent). */
export async function inconsistentCases(deps: { client: Client; db: Database }, caseIds: string[], timeoutMs = 60_000): Promise<Record<string, string[]>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found: Record<string, string[]> = {};
    for (const id of caseIds) {
      const problems = await caseProblems(deps, id);
      if (problems.length > 0) found[id] = problems;
    }
    if (Object.keys(found).length === 0 || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Replays each case's whole history through the current workflow code, as a worker does after a
 * restart or a query on a closed case: a nondeterminism error here would strand a running case.
 */
export async function replayProblems(client: Client, caseIds: string[]): Promise<Record<string, string>> {
  async function* histories() {
    for (const workflowId of caseIds) yield { workflowId, history: await client.workflow.getHandle(workflowId).fetchHistory() };
  }
  const found: Record<string, string> = {};
  const results = Worker.runReplayHistories({ workflowBundle: { codePath: requireEnv('ALUR_TEST_WORKFLOW_BUNDLE') } }, histories());
  for await (const result of results) {
    if (!result.error) continue;
    found[result.workflowId] = result.error.message.slice(0, 300);
    // ALUR_FAULTS_DUMP_DIR keeps the histories that failed, to replay and study them.
    const dumpDir = process.env.ALUR_FAULTS_DUMP_DIR;
    if (dumpDir) {
      const history = await client.workflow.getHandle(result.workflowId).fetchHistory();
      writeFileSync(path.join(dumpDir, `${result.workflowId}.json`), JSON.stringify(history));
    }
  }
  return found;
}

export async function expectConsistent(deps: { client: Client; db: Database }, caseIds: string[], timeoutMs = 60_000): Promise<void> {
  expect(await inconsistentCases(deps, caseIds, timeoutMs)).toEqual({});
  expect(await replayProblems(deps.client, caseIds)).toEqual({});
}
