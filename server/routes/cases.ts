import { createHash, randomUUID } from 'node:crypto';
import { Router, type Request } from 'express';
import { WorkflowExecutionAlreadyStartedError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { CaseEvent, CaseRecord, CaseTask, Employee, User, forgetPublication, promisePublication, type Database } from '../../db';
import {
  ADMIN_ROLE,
  approveUpdate,
  caseViewQuery,
  commentUpdate,
  delegateUpdate,
  endWaitUpdate,
  extendWaitUpdate,
  MAX_COMMENT_LENGTH,
  reassignUpdate,
  rejectUpdate,
  resubmitUpdate,
  returnUpdate,
  withdrawUpdate,
  type ActorRef,
  type caseWorkflow,
  type CaseView,
} from '../../workflows/case';
import { projectCase, projectionOf } from '../../activities/case-projection';
import type { FormValidators } from '../../forms';
import { currentUser, requireAuth } from '../auth/middleware';
import { requireValidSubmission } from '../form-submissions';
import type { ApiMetrics } from '../metrics';
import type { AuthUser } from '../auth/sessions';
import { fromTemporalError, HttpError, isUnavailable, isUnprocessedUpdate, ValidationError } from '../errors';
import { parseLimit } from '../query-params';
import { ServerTiming } from '../server-timing';
import { afterTimeCursorSql, decodeTimeCursor, encodeTimeCursor } from '../time-cursor';
import { message, requestLanguage, type Language } from '../messages';
import { DefinitionNotFoundError, findDefinition, findDefinitionVersion } from '../../db';
import { startCaseAnswered } from '../use-cases/start-case';
import { readCaseAccess } from '../use-cases/case-access';
import { projectedLookupContext, registryStepLookups, stepAfter, type StepLookups } from '../use-cases/step-lookups';
import type { StepLookup } from '../../workflows/step-lookup';

export interface CaseRouteDeps {
  client: Client;
  taskQueue: string;
  db: Database;
  formValidators: FormValidators;
  metrics?: ApiMetrics;
  /** The app's address, for links in the e-mails a published snapshot causes. */
  appUrl?: string;
}

const stepLookupsByDeps = new WeakMap<CaseRouteDeps, StepLookups>();
/** One set of step lookups (and its calendar cache) per app. */
function stepLookupsOf(deps: CaseRouteDeps): StepLookups {
  let lookups = stepLookupsByDeps.get(deps);
  if (!lookups) stepLookupsByDeps.set(deps, lookups = registryStepLookups(deps.db));
  return lookups;
}

/** The step lookups, logging a failed one with the request's logger. */
function loggingTo(lookups: StepLookups, req: Request): StepLookups {
  return { forStep: (step, context) => lookups.forStep(step, context, req.log) };
}

/**
 * The lookup of the step a decision leads to, handed in with it (ENGINE_V4_PATCH), or undefined
 * when there is none to be had: the case then looks the step up itself.
 */
async function lookupAfter(
  deps: CaseRouteDeps, req: Request, projected: ProjectedCase | null, stepId: string,
  action: 'approve' | 'reject' | 'return', options: { to?: string; data?: Record<string, unknown> } = {},
): Promise<StepLookup | undefined> {
  const caseId = req.params.id as string;
  const process = projected?.process;
  if (!process?.version) return undefined;
  const definition = await findDefinitionVersion(deps.db.em(), process.key, process.version).catch(() => undefined);
  if (!definition) return undefined;
  return stepLookupsOf(deps).forStep(stepAfter(definition, stepId, action, options.to), () => projectedLookupContext(deps.db, caseId, options.data), req.log);
}

/** How long a read waits for the worker to answer before falling back to the projection. */
const QUERY_DEADLINE_MS = 5000;
/** How long an answer waits for the case to settle on its next step before answering anyway. */
const SETTLE_MS = 3000;
/** Roles that may read every case (oversight). */
const READ_ALL_ROLES = [ADMIN_ROLE, 'inspektorat'];

type Action = 'approve' | 'reject' | 'return' | 'delegate' | 'reassign' | 'comment' | 'withdraw' | 'resubmit' | 'extend-wait' | 'end-wait';
const ACTIONS: readonly Action[] = ['approve', 'reject', 'return', 'delegate', 'reassign', 'comment', 'withdraw', 'resubmit', 'extend-wait', 'end-wait'];

export function caseRoutes(deps: CaseRouteDeps): Router {
  const router = Router();
  router.use(requireAuth);

  /** Cases I started (`scope=mine`) or am involved in (default), newest first, by cursor. */
  router.get('/', async (req, res) => {
    const user = currentUser(req);
    const limit = parseLimit(req.query.limit);
    const cursor = decodeTimeCursor(req.query.cursor);
    const em = deps.db.em();
    const scope = req.query.scope === 'mine' ? 'mine' : 'involved';
    const qb = em.createQueryBuilder(CaseRecord, 'c')
      // The columns a list shows, never a case's state (the whole case with its events).
      .select(['id', 'process', 'title', 'status', 'currentStep', 'initiator', 'createdAt', 'updatedAt']);
    if (scope === 'mine') {
      qb.where({ initiator: user.login });
    } else if (!user.roles.some((r) => READ_ALL_ROLES.includes(r))) {
      // The cases the user started or holds (or held) a task of, as a subquery: a busy approver's
      // task list is never sent back to the database as a list of ids.
      const held = em.createQueryBuilder(CaseTask, 't').select('t.caseId').where({ userId: user.login });
      qb.where({ $or: [{ initiator: user.login }, { id: { $in: held.getKnexQuery() } }] });
    }
    if (typeof req.query.status === 'string') qb.andWhere({ status: req.query.status });
    if (cursor) qb.andWhere(...afterTimeCursorSql(em, 'c', cursor));
    type ListedCase = Pick<CaseRecord, 'id' | 'process' | 'title' | 'status' | 'currentStep' | 'initiator' | 'createdAt' | 'updatedAt'>;
    const rows = await qb.orderBy([{ createdAt: 'desc' }, { id: 'desc' }]).limit(limit + 1).execute<ListedCase[]>('all', true);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    res.json({
      items: items.map((row) => ({
        id: row.id,
        process: row.process,
        title: row.title,
        status: row.status,
        currentStep: row.currentStep,
        initiator: row.initiator,
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
      })),
      nextCursor: rows.length > limit && last ? encodeTimeCursor(last) : null,
    });
  });

  router.get('/:id', async (req, res) => {
    const user = currentUser(req);
    await requireReadable(deps, user, req.params.id);
    const { view, source } = await readCase(deps, req.params.id);
    const timeline = await deps.db.em().find(CaseEvent, { caseId: req.params.id }, { orderBy: { seq: 'asc' } });
    // "projection" means the worker did not answer in time and the view may lag the case.
    res.setHeader('X-Alur-Source', source);
    res.json({
      ...view,
      timeline: timeline.map((e) => ({
        seq: e.seq, type: e.type, stepId: e.stepId, actor: e.actor, outcome: e.outcome, comment: e.comment,
        details: e.details, occurredAt: e.occurredAt.toISOString(),
      })),
      actions: availableActions(view, user),
    });
  });

  router.post('/:id/actions/:action', async (req, res) => {
    const user = currentUser(req);
    const action = req.params.action as Action;
    if (!ACTIONS.includes(action)) throw new HttpError(404, 'UNKNOWN_ACTION', { actions: ACTIONS });
    const timing = new ServerTiming();
    // Body parsing, the session and CSRF checks: what ran before this handler.
    timing.add('received', performance.now() - req.receivedAt);
    const projected = await timing.measure('access', () => requireReadable(deps, user, req.params.id));
    const language = requestLanguage(req);
    const body = requireObject(req.body);
    // The API publishes the answer itself (below), so the workflow need not.
    const actorRef: ActorRef = { userId: user.login, roles: user.roles, requestId: req.requestId, callerPublishes: true };
    // Scoped to the user, so two people cannot collide on a key; without a key, a fresh id.
    const key = idempotencyKey(req);
    const updateId = key ? `${user.login}:${key}` : randomUUID();
    // The promise to publish is written just before the Update goes out (after every check here).
    let promise: string | undefined;
    const promiseToPublish = async () => {
      promise = await timing.measure('promise', () => promisePublication(deps.db, { caseId: req.params.id, afterVersion: projected?.version ?? 0 }));
    };
    const handle = resendingUnprocessed(deps.client.workflow.getHandle<typeof caseWorkflow>(req.params.id), timing, promiseToPublish);
    const options = <A>(args: A) => ({ args: [args] as [A], updateId });
    let view: CaseView;
    try {
      switch (action) {
        case 'approve': {
          const f = fields(body, language, { stepId: 'required', comment: 'optional' });
          const data = optionalData(body, language);
          await timing.measure('validate', () => requireValidFormData(deps, req.params.id, projected, f.text.stepId, data.data, language));
          const lookup = await timing.measure('lookup', () => lookupAfter(deps, req, projected, f.text.stepId, 'approve', data));
          view = await handle.executeUpdate(approveUpdate, options({ actor: actorRef, ...f.text, ...data, ...(lookup ? { lookup } : {}) }));
          break;
        }
        case 'reject': {
          const f = fields(body, language, { stepId: 'required', comment: 'optional' });
          const lookup = await timing.measure('lookup', () => lookupAfter(deps, req, projected, f.text.stepId, 'reject'));
          view = await handle.executeUpdate(rejectUpdate, options({ actor: actorRef, ...f.text, ...(lookup ? { lookup } : {}) }));
          break;
        }
        case 'return': {
          const f = fields(body, language, { stepId: 'required', to: 'required', comment: 'required' });
          const lookup = await timing.measure('lookup', () => lookupAfter(deps, req, projected, f.text.stepId, 'return', { to: f.text.to }));
          view = await handle.executeUpdate(returnUpdate, options({ actor: actorRef, ...f.text, ...(lookup ? { lookup } : {}) }));
          break;
        }
        case 'delegate': {
          const f = fields(body, language, { stepId: 'required', to: 'required', comment: 'optional' });
          await requireActiveUser(deps, f.text.to, 'to', language);
          view = await handle.executeUpdate(delegateUpdate, options({ actor: actorRef, ...f.text }));
          break;
        }
        case 'reassign': {
          const f = fields(body, language, { stepId: 'required', from: 'required', to: 'required', comment: 'optional' });
          await requireActiveUser(deps, f.text.to, 'to', language);
          view = await handle.executeUpdate(reassignUpdate, options({ actor: actorRef, ...f.text }));
          break;
        }
        case 'comment': {
          const f = fields(body, language, { comment: 'required' });
          view = await handle.executeUpdate(commentUpdate, options({ actor: actorRef, ...f.text }));
          break;
        }
        case 'withdraw': {
          const f = fields(body, language, { comment: 'optional' });
          view = await handle.executeUpdate(withdrawUpdate, options({ actor: actorRef, ...f.text }));
          break;
        }
        case 'resubmit': {
          const f = fields(body, language, { comment: 'optional' });
          const data = optionalData(body, language).data;
          if (!data) throw new ValidationError({ data: [message('FIELD_REQUIRED', language)] });
          await requireValidFormData(deps, req.params.id, projected, null, data, language);
          view = await handle.executeUpdate(resubmitUpdate, options({ actor: actorRef, ...f.text, data }));
          break;
        }
        case 'extend-wait': {
          const f = fields(body, language, { stepId: 'required', until: 'required', comment: 'optional' });
          if (Number.isNaN(Date.parse(f.text.until))) throw new ValidationError({ until: [message('FIELD_NOT_DATE', language)] });
          view = await handle.executeUpdate(extendWaitUpdate, options({ actor: actorRef, ...f.text }));
          break;
        }
        case 'end-wait': {
          const f = fields(body, language, { stepId: 'required', comment: 'optional' });
          view = await handle.executeUpdate(endWaitUpdate, options({ actor: actorRef, ...f.text }));
          break;
        }
      }
    } catch (err) {
      // Refused for certain (nothing was applied): nothing to publish. Otherwise (Temporal away, a
      // timeout) the Update may still apply, and the sweeper publishes whatever it did.
      if (promise && isRefusal(err)) await forgetPublication(deps.db, promise).catch(() => undefined);
      const explained = await explainClosed(deps, req.params.id, err);
      const refusal = explained instanceof HttpError ? explained.code : fromTemporalError(explained)?.code;
      deps.metrics?.decisions.inc({ action, result: refusal ?? 'error' });
      throw explained;
    }
    deps.metrics?.decisions.inc({ action, result: 'accepted' });
    const answered = view;
    view = await timing.measure('settle', () => settle(deps, req.params.id, answered));
    const settled = view;
    await timing.measure('publish', () => publish(deps, settled, projected?.version ?? 0, req, promise));
    const answerStarted = performance.now();
    const answer = JSON.stringify({ case: { ...view, actions: availableActions(view, user) } });
    timing.add('answer', performance.now() - answerStarted);
    res.setHeader('Server-Timing', timing.header());
    res.type('json').send(answer);
  });

  return router;
}

/**
 * Whether the case has finished moving: its current step is ready for people (assignees resolved,
 * wait date set) or it has ended. An Update answers at once, before the workflow moves on.
 */
export function isSettled(view: CaseView): boolean {
  if (view.status !== 'open') return true;
  const current = view.current;
  if (!current || current.outcome) return false;
  if (current.kind === 'approval' || current.kind === 'task') return current.assignees.length > 0;
  if (current.kind === 'wait') return Boolean(current.waitUntil);
  return current.kind === 'revision';
}

const SETTLE_DELAYS_MS = [10, 15, 20, 30, 40, 50];

/** Re-reads the case for a moment until it has settled, so the answer shows the next step and its holders. */
async function settle(deps: CaseRouteDeps, id: string, view: CaseView): Promise<CaseView> {
  const deadline = Date.now() + SETTLE_MS;
  let latest = view;
  // Short waits first: the next step is usually ready one activity and one workflow task later
  // (tens of milliseconds); a slower case is read less often.
  for (let read = 0; !isSettled(latest) && Date.now() < deadline; read++) {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_DELAYS_MS[Math.min(read, SETTLE_DELAYS_MS.length - 1)]));
    try {
      const handle = deps.client.workflow.getHandle<typeof caseWorkflow>(id);
      latest = await deps.client.connection.withDeadline(Date.now() + QUERY_DEADLINE_MS, () => handle.query(caseViewQuery));
    } catch {
      break; // a closed case or a slow worker: the accepted answer stands
    }
  }
  return latest;
}

/**
 * Publishes the snapshot an answer shows (the case row, the inbox, the audit log) before answering,
 * so the user — and the next holder of the case — read the decision at once instead of a moment
 * later. For a decision this is the only publication of its answer (the workflow leaves it to the
 * API, ENGINE_V3_PATCH); a failure loses nothing: the decision's pending-publication row stays, and
 * the worker's sweeper publishes the case. A new case's first snapshot likewise (its `opened`
 * Update). Publishing is convergent, so a second publication of the same snapshot changes nothing.
 */
async function publish(deps: CaseRouteDeps, view: CaseView, publishedVersion: number, req: Request, promise: string | undefined): Promise<void> {
  try {
    // Logged here: the workflow leaves the answers of the API's Updates to the API (ENGINE_V3_PATCH).
    // The promise is kept (forgotten) in the same transaction.
    await projectCase(deps.db.em(), projectionOf(view, publishedVersion), {
      appUrl: deps.appUrl ?? 'http://localhost:3000', logger: req.log, ...(promise ? { keepsPromise: promise } : {}),
    });
  } catch (err) {
    req.log.warn({ err, caseId: view.id }, 'the answered snapshot was not published now; the worker publishes it');
  }
}

/** POST /api/processes/:key/cases lives with the processes; it starts a case as the signed-in user. */
export async function startCaseFor(deps: CaseRouteDeps, req: Request, processKey: string): Promise<{ id: string; view?: CaseView }> {
  const user = currentUser(req);
  const language = requestLanguage(req);
  const body = requireObject(req.body);
  const f = fields(body, language, { title: 'optional' });
  const data = optionalData(body, language).data ?? {};
  const em = deps.db.em();
  let definition;
  try {
    definition = await findDefinition(em, processKey);
  } catch (err) {
    if (err instanceof DefinitionNotFoundError) throw new HttpError(404, 'PROCESS_NOT_FOUND');
    throw err;
  }
  if (!definition.starters.some((role) => user.roles.includes(role))) {
    throw new HttpError(403, 'NOT_A_STARTER', { starters: definition.starters });
  }
  if (definition.startForm) await requireValidSubmission(em, deps.formValidators, definition.startForm, data, language);
  const key = idempotencyKey(req);
  const caseId = key
    ? `${processKey}-${createHash('sha256').update(`${user.login}:${key}`).digest('hex').slice(0, 32)}`
    : `${processKey}-${randomUUID()}`;
  const initiatorUnit = await initiatorUnitOf(deps, user);
  // The start and an `opened` Update go together (update-with-start); the Update answers the case
  // at its first step, which the API publishes itself (its promise first, as for a decision), so
  // the workflow schedules no publication of its own and no query is needed.
  const promise = await promisePublication(deps.db, { caseId, afterVersion: 0 });
  const actor: ActorRef = { userId: user.login, roles: user.roles, requestId: req.requestId, callerPublishes: true };
  let view: CaseView;
  try {
    view = await deps.client.connection.withDeadline(Date.now() + QUERY_DEADLINE_MS, () => startCaseAnswered({ client: deps.client, taskQueue: deps.taskQueue, em, stepLookups: loggingTo(stepLookupsOf(deps), req) }, {
      processKey,
      definition,
      initiator: { userId: user.login, unitId: initiatorUnit },
      data,
      caseId,
      ...(f.text.title ? { title: f.text.title } : {}),
    }, actor));
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) {
      // The same key again, after its case has closed: answer that case, start nothing.
      await forgetPublication(deps.db, promise).catch(() => undefined);
      return { id: caseId, view: (await readCase(deps, caseId)).view };
    }
    // Started, but the worker did not bring it to its first step in time: the Update still applies
    // when the worker comes, and the promise makes the sweeper publish it if this API cannot.
    if (isUnavailable(err) && await exists(deps, caseId)) return { id: caseId };
    throw err;
  }
  const settled = await settle(deps, caseId, view);
  await publish(deps, settled, 0, req, promise);
  return { id: caseId, view: settled };
}

/** Whether Temporal has the case's workflow (false also when Temporal cannot say). */
async function exists(deps: CaseRouteDeps, caseId: string): Promise<boolean> {
  try {
    await deps.client.connection.withDeadline(Date.now() + QUERY_DEADLINE_MS, () => deps.client.workflow.getHandle(caseId).describe());
    return true;
  } catch {
    return false;
  }
}

async function initiatorUnitOf(deps: CaseRouteDeps, user: AuthUser): Promise<string | null> {
  if (user.unitScopeId !== null) return String(user.unitScopeId);
  if (user.employeeId === null) return null;
  const employee = await deps.db.em().findOne(Employee, { id: user.employeeId });
  return employee ? String(employee.unitId) : null;
}

/**
 * Validates form data against the form version the named step shows (a revision shows the start
 * form), read from the case's own definition version: versions never change, so no round trip to
 * the workflow is needed. A step that is not current is refused by the workflow itself.
 */
async function requireValidFormData(
  deps: CaseRouteDeps, caseId: string, projected: ProjectedCase | null, stepId: string | null, data: Record<string, unknown> | undefined, language: Language,
): Promise<void> {
  const em = deps.db.em();
  let process: { key?: string; version?: number | null } | undefined = projected?.process;
  if (!process?.key || !process.version) {
    // Not projected yet: ask the case itself which definition version it runs.
    const handle = deps.client.workflow.getHandle<typeof caseWorkflow>(caseId);
    try {
      process = (await deps.client.connection.withDeadline(Date.now() + QUERY_DEADLINE_MS, () => handle.query(caseViewQuery))).process;
    } catch {
      return; // unknown or unreachable: the Update itself gives the right refusal
    }
  }
  if (!process.key || !process.version) return;
  const definition = await findDefinitionVersion(em, process.key, process.version);
  const step = stepId === null ? undefined : definition.steps.find((s) => s.id === stepId);
  const formRef = stepId === null ? definition.startForm : step && 'form' in step ? step.form : undefined;
  if (!formRef) return;
  await requireValidSubmission(em, deps.formValidators, formRef, data ?? {}, language);
}

/** The actions the user could take now, so the UI shows only buttons that can succeed. */
export function availableActions(view: CaseView, user: AuthUser): Action[] {
  if (view.status !== 'open' || !view.current) return [];
  const actions = new Set<Action>();
  const current = view.current;
  const isInitiator = view.initiator.userId === user.login;
  const isAdmin = user.roles.includes(ADMIN_ROLE);
  const holdsTask = current.assignees.some((a) => a.userId === user.login) && !current.decisions.some((d) => d.userId === user.login);
  if (!current.outcome) {
    if ((current.kind === 'approval' || current.kind === 'task') && holdsTask && !isInitiator) {
      actions.add('approve');
      if (current.kind === 'approval') actions.add('reject');
      if (current.returnTargets.length > 0) actions.add('return');
      actions.add('delegate');
    }
    if ((current.kind === 'approval' || current.kind === 'task') && isAdmin) actions.add('reassign');
    if (current.kind === 'revision' && isInitiator) actions.add('resubmit');
    if (current.kind === 'wait' && (holdsTask || isInitiator || isAdmin)) {
      actions.add('extend-wait');
      actions.add('end-wait');
    }
  }
  if (isInitiator) actions.add('withdraw');
  if (isInitiator || isAdmin || holdsTask || view.events.some((e) => e.actor === user.login)) actions.add('comment');
  return ACTIONS.filter((a) => actions.has(a));
}

/** What an action needs to know of a case as projected: its version and its process version. */
interface ProjectedCase {
  version: number;
  process: { key: string; version: number | null };
}

/**
 * Refuses a user who may not read the case (404 for an unknown case; 403 unless the user started
 * it, holds or held a task on it, or oversees all cases). Returns the case as projected (null: not
 * yet), read in one statement without the case's state: an action runs this on every request.
 */
async function requireReadable(deps: CaseRouteDeps, user: AuthUser, caseId: string): Promise<ProjectedCase | null> {
  const row = await readCaseAccess(deps.db, caseId, user.login);
  if (!row) {
    // A case that has just started may not be projected yet; Temporal knows whether it exists.
    await deps.client.connection.withDeadline(Date.now() + QUERY_DEADLINE_MS, () => deps.client.workflow.getHandle(caseId).describe());
    return null; // the workflow's own validators decide every action
  }
  const readable = user.roles.some((r) => READ_ALL_ROLES.includes(r)) || row.initiator === user.login || row.involved;
  if (!readable) throw new HttpError(403, 'CASE_FORBIDDEN');
  return { version: row.version, process: { key: row.process, version: row.processVersion } };
}

/** Reads a case: from the workflow while it runs, from its result once it has ended. */
async function readCase(deps: CaseRouteDeps, id: string): Promise<{ view: CaseView; source: 'workflow' | 'projection' }> {
  const handle = deps.client.workflow.getHandle<typeof caseWorkflow>(id);
  const description = await deps.client.connection.withDeadline(Date.now() + QUERY_DEADLINE_MS, () => handle.describe());
  if (description.status.name === 'COMPLETED') return { view: await handle.result(), source: 'workflow' };
  try {
    const view = await deps.client.connection.withDeadline(Date.now() + QUERY_DEADLINE_MS, () => handle.query(caseViewQuery));
    return { view, source: 'workflow' };
  } catch (err) {
    if (!isUnavailable(err)) throw err;
    const row = await deps.db.em().findOne(CaseRecord, { id });
    if (!row) throw new HttpError(503, 'WORKER_UNAVAILABLE');
    return { view: row.state as unknown as CaseView, source: 'projection' };
  }
}

/** An Update sent to a completed workflow fails as "not found"; tell that apart from an unknown case. */
const UNPROCESSED_RESENDS = 3;

/**
 * The case's handle, whose Updates are sent again (same Update id) when Temporal reports that the
 * worker finished its task without taking them: they were not applied, so resending decides once.
 * A case that has meanwhile closed then answers "not found", which explainClosed turns into 409.
 */
function resendingUnprocessed<H extends { executeUpdate: (...args: never[]) => Promise<unknown> }>(
  handle: H, timing?: ServerTiming, beforeSending?: () => Promise<void>,
): H {
  const executeUpdate = async (...args: Parameters<H['executeUpdate']>) => {
    await beforeSending?.();
    const started = performance.now();
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          return await handle.executeUpdate(...args);
        } catch (err) {
          if (!isUnprocessedUpdate(err) || attempt > UNPROCESSED_RESENDS) throw err;
          await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
        }
      }
    } finally {
      timing?.add('update', performance.now() - started);
    }
  };
  return Object.assign(Object.create(handle) as H, { executeUpdate });
}

/** An Update the workflow refused (a validator, a closed or unknown case): it applied nothing. */
function isRefusal(err: unknown): boolean {
  return err instanceof WorkflowUpdateFailedError || (err instanceof Error && err.name === 'WorkflowNotFoundError');
}

async function explainClosed(deps: CaseRouteDeps, id: string, err: unknown): Promise<unknown> {
  if (!(err instanceof Error) || err.name !== 'WorkflowNotFoundError') return err;
  try {
    const description = await deps.client.workflow.getHandle(id).describe();
    if (description.status.name !== 'RUNNING') return new HttpError(409, 'CASE_CLOSED', { status: description.status.name });
  } catch {
    // Not found at all: the original 404 stands.
  }
  return err;
}

async function requireActiveUser(deps: CaseRouteDeps, login: string, field: string, language: Language): Promise<void> {
  const found = await deps.db.em().count(User, { login, active: true });
  if (!found) throw new ValidationError({ [field]: [message('UNKNOWN_USER', language)] });
}

type FieldRule = 'required' | 'optional';

/** Reads text fields, collecting every problem before answering 422. */
function fields<K extends string>(body: Record<string, unknown>, language: Language, rules: Record<K, FieldRule>) {
  const problems: Record<string, string[]> = {};
  const text = {} as Record<K, string>;
  for (const [name, rule] of Object.entries(rules) as Array<[K, FieldRule]>) {
    const value = body[name];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      if (rule === 'required') problems[name] = [message('FIELD_REQUIRED', language)];
      continue;
    }
    if (typeof value !== 'string') {
      problems[name] = [message('FIELD_NOT_TEXT', language)];
      continue;
    }
    if (value.length > MAX_COMMENT_LENGTH) {
      problems[name] = [message('FIELD_TOO_LONG', language, { max: MAX_COMMENT_LENGTH })];
      continue;
    }
    text[name] = value.trim();
  }
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  return { text };
}

function optionalData(body: Record<string, unknown>, language: Language): { data?: Record<string, unknown> } {
  const data = body.data;
  if (data === undefined || data === null) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new ValidationError({ data: [message('FIELD_NOT_OBJECT', language)] });
  return { data: data as Record<string, unknown> };
}

function requireObject(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'BODY_REQUIRED');
  return body as Record<string, unknown>;
}

export function idempotencyKey(req: Request): string | undefined {
  const key = req.get('Idempotency-Key');
  if (key === undefined) return undefined;
  if (!/^[\w.:-]{1,200}$/.test(key)) throw new HttpError(400, 'INVALID_IDEMPOTENCY_KEY');
  return key;
}
