import { apiCall, signIn, type ApiSession } from './api-session';
import { THREE_STEP_DECIDERS, THREE_STEP_INITIATOR, THREE_STEP_PROCESS } from './three-step-approval';

/** Signed-in users that drive three-step cases through the HTTP API. */
export interface CaseDriver {
  baseUrl: string;
  initiator: ApiSession;
  deciders: ApiSession[];
  /** Decisions sent again, by refusal code, because they came before the case (or its projection) had settled on the step. */
  retries: Record<string, number>;
}

interface CaseBody {
  id: string;
  status: string;
  case?: { status: string };
  error?: { code: string };
}

/**
 * Refusals that only mean "too early": the workflow has not entered the step yet, or the API's
 * access check reads the projected tasks, which the worker writes a moment after the answer.
 */
const RETRYABLE = new Set(['STEP_NOT_CURRENT', 'NOT_ASSIGNEE', 'CASE_FORBIDDEN']);

export async function caseDriver(baseUrl: string): Promise<CaseDriver> {
  const initiator = await signIn(baseUrl, THREE_STEP_INITIATOR);
  const deciders = [];
  for (const step of THREE_STEP_DECIDERS) deciders.push(await signIn(baseUrl, step.login));
  return { baseUrl, initiator, deciders, retries: {} };
}

/** POST /api/processes/:key/cases as the initiator; the answer shows the first step with its assignees. */
export async function startCaseOverHttp(driver: CaseDriver, key: string): Promise<{ id: string; ms: number }> {
  const res = await apiCall<CaseBody>(driver.baseUrl, driver.initiator, 'POST', `/api/processes/${THREE_STEP_PROCESS}/cases`,
    { title: `Bench ${key}`, data: { alasan: 'Penyegaran organisasi' } }, { 'Idempotency-Key': key });
  if (res.status !== 201 && res.status !== 202) throw new Error(`start ${key}: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, ms: res.ms };
}

/**
 * Approves step `stepIndex` (0, 1, 2) of a case. The API normally answers once the next step has
 * its assignees; when a loaded worker is slower than that, the next decision is refused as not
 * yet current (or, before the worker has projected the new task, as not the user's case) and is
 * sent again: counted in `retries`; the latency is that of the accepted attempt.
 */
export async function approveOverHttp(
  driver: CaseDriver, caseId: string, stepIndex: number, key: string,
): Promise<{ ms: number; caseStatus: string; phases: Record<string, number> }> {
  const step = THREE_STEP_DECIDERS[stepIndex];
  const session = driver.deciders[stepIndex];
  if (!step || !session) throw new Error(`no step ${stepIndex}`);
  // A loaded machine can leave the next step unresolved for a while: an activity task that is
  // lost under load is retried only after its one-minute start-to-close timeout.
  const giveUpAt = Date.now() + 180_000;
  for (let attempt = 0; ; attempt++) {
    const res = await apiCall<CaseBody>(driver.baseUrl, session, 'POST', `/api/cases/${caseId}/actions/approve`,
      { stepId: step.stepId, comment: 'Setuju' }, { 'Idempotency-Key': key });
    if (res.status === 200) return { ms: res.ms, caseStatus: res.body.case?.status ?? 'unknown', phases: res.phases };
    const code = res.body.error?.code ?? '';
    if (Date.now() < giveUpAt && RETRYABLE.has(code)) {
      driver.retries[code] = (driver.retries[code] ?? 0) + 1;
      // Soon, but backing off: a storm of early retries would itself load the API.
      await new Promise((resolve) => setTimeout(resolve, Math.min(100, 25 * 2 ** attempt)));
      continue;
    }
    throw new Error(`approve ${caseId} ${step.stepId}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}
