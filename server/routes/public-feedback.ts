import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Router } from 'express';
import { rateLimit, type RateLimitRequestHandler } from 'express-rate-limit';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { EntityManager } from '@mikro-orm/knex';
import { CaseRecord, DefinitionNotFoundError, FeedbackRating, FeedbackTicket, findDefinition, OrgUnit, type Database } from '../../db';
import type { FormValidators } from '../../forms';
import type { FormRef } from '../../processes';
import { FEEDBACK_PUBLIC_USER, publicFeedback } from '../../processes/defaults/pengaduan';
import { approveUpdate, caseViewQuery, type caseWorkflow, type CaseView } from '../../workflows/case';
import { errorBody, fromTemporalError, HttpError, isUnavailable, isUnprocessedUpdate } from '../errors';
import { currentDeadline, publicFeedbackView, STAGE_LABELS } from '../feedback/public-view';
import { newTrackingCode, normalizeTrackingCode } from '../feedback/tracking-code';
import { requireValidSubmission } from '../form-submissions';
import { message, requestLanguage, type MessageKey } from '../messages';
import { FeedbackNotReceivedError, submitFeedback, type FeedbackSubmission } from '../use-cases/submit-feedback';

export interface PublicFeedbackRouteDeps {
  client: Client;
  taskQueue: string;
  db: Database;
  formValidators: FormValidators;
}

export interface PublicFeedbackOptions {
  /** Reports per client address per hour. */
  submissionsPerHour?: number;
  /** Status reads and ratings per client address per 15 minutes. */
  lookupsPer15Minutes?: number;
  /** The code of the unit whose feedback admins verify reports that name no OPD. */
  centralUnitCode?: string;
}

/** The honeypot: a field people never see (the form hides it) and bots fill in. */
export const HONEYPOT_FIELD = 'website';

/** How long a rating waits for the case to reach the rating step, and then to close. */
const SETTLE_MS = 5000;
const QUERY_DEADLINE_MS = 5000;
/** How long a new report waits for its case to reach the verification stage before the receipt. */
const FIRST_STAGE_WAIT_MS = 10_000;
const UPDATE_RESENDS = 3;

/**
 * The citizen's side of public feedback, without an account: send a report, follow it by its
 * tracking code, rate the answer. Mounted before the session middleware, so a staff member's
 * session in the same browser is neither read nor asked for its CSRF token here; no route here
 * acts for a signed-in user. Every route is rate-limited per client address.
 */
export function publicFeedbackRoutes(deps: PublicFeedbackRouteDeps, options: PublicFeedbackOptions = {}): Router {
  const router = Router();
  const submissionLimiter = limiter(60 * 60 * 1000, options.submissionsPerHour ?? 10, 'FEEDBACK_TOO_MANY_SUBMISSIONS');
  const lookupLimiter = limiter(15 * 60 * 1000, options.lookupsPer15Minutes ?? 120, 'FEEDBACK_TOO_MANY_REQUESTS');
  const centralUnitCode = options.centralUnitCode ?? 'BKPSDM';

  router.post('/', submissionLimiter, async (req, res) => {
    const language = requestLanguage(req);
    const { [HONEYPOT_FIELD]: honeypot, ...report } = requireObject(req.body);
    if (honeypot !== undefined && honeypot !== null && honeypot !== '') {
      // A bot: it gets what a person gets, and nothing is stored or started.
      res.status(201).json(receipt(newTrackingCode(), new Date()));
      return;
    }
    const em = deps.db.em();
    const startForm = await reportForm(em);
    await requireValidSubmission(em, deps.formValidators, startForm, report, language);
    const submission = report as unknown as FeedbackSubmission;
    if (submission.unitId !== undefined && !(await em.count(OrgUnit, { id: submission.unitId }))) {
      throw fieldError(startForm, 'unitId', message('FEEDBACK_UNKNOWN_UNIT', language));
    }
    let ticket: FeedbackTicket;
    try {
      ticket = await submitFeedback({ client: deps.client, taskQueue: deps.taskQueue, em, centralUnitCode }, submission);
    } catch (err) {
      if (!(err instanceof FeedbackNotReceivedError)) throw err;
      req.log.error({ err: err.cause }, 'feedback case not started; the ticket was removed');
      throw new HttpError(503, 'FEEDBACK_NOT_RECEIVED');
    }
    // The citizen is told by when the report is verified as soon as they open the status page.
    await firstStageProjected(em, ticket.caseId as string);
    res.status(201).location(`/api/public/feedback/${ticket.trackingCode}`).json(receipt(ticket.trackingCode, ticket.createdAt));
  });

  /** The OPDs a report may be addressed to, by name, for the portal's picker; no other data of the tree. */
  router.get('/units', lookupLimiter, async (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=600');
    res.json({ items: await opdsOf(deps.db.em()) });
  });

  router.get('/:code', lookupLimiter, async (req, res) => {
    const em = deps.db.em();
    const ticket = await findTicket(em, String(req.params.code));
    res.setHeader('Cache-Control', 'no-store');
    res.json(await publicFeedbackView(em, ticket));
  });

  /** The citizen's rating completes the case's rating step, held by the public's system user, through the normal Update. */
  router.post('/:code/rating', lookupLimiter, async (req, res) => {
    const language = requestLanguage(req);
    const body = requireObject(req.body);
    const em = deps.db.em();
    const ticket = await findTicket(em, String(req.params.code));
    await requireRatable(em, ticket);
    const caseId = ticket.caseId as string;
    const view = await ratingStepOf(deps, caseId);
    // Answered, yet the case no longer waits for a rating: another request rated it meanwhile.
    if (!view?.current) throw new HttpError(409, 'FEEDBACK_ALREADY_RATED');
    const definition = await findDefinition(em, view.process.key, view.process.version);
    const step = definition.steps.find((s) => s.id === view.current?.stepId);
    if (step && 'form' in step && step.form) await requireValidSubmission(em, deps.formValidators, step.form, body, language);

    const handle = deps.client.workflow.getHandle<typeof caseWorkflow>(caseId);
    const updateId = randomUUID();
    for (let attempt = 1; ; attempt++) {
      try {
        await handle.executeUpdate(approveUpdate, {
          args: [{ actor: { userId: FEEDBACK_PUBLIC_USER, roles: [], requestId: req.requestId }, stepId: view.current.stepId, data: body }],
          updateId,
        });
        break;
      } catch (err) {
        // Not taken by the worker: not applied, so the same Update may go again.
        if (isUnprocessedUpdate(err) && attempt <= UPDATE_RESENDS) continue;
        throw ratingRefusal(err);
      }
    }
    const closed = await closedTicket(em, ticket.id);
    res.json(await publicFeedbackView(deps.db.em(), closed ?? ticket));
  });

  return router;
}

function limiter(windowMs: number, limit: number, code: MessageKey): RateLimitRequestHandler {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res) => {
      res.status(429).json(errorBody(new HttpError(429, code), requestLanguage(req)));
    },
  });
}

/** What the citizen gets back for a report: the code to keep and where the report stands. */
function receipt(trackingCode: string, submittedAt: Date) {
  return {
    trackingCode,
    submittedAt: submittedAt.toISOString(),
    status: 'RECEIVED' as const,
    stage: STAGE_LABELS.RECEIVED,
    statusUrl: `/api/public/feedback/${trackingCode}`,
  };
}

/** The report form of the newest published version of the process. */
async function reportForm(em: EntityManager): Promise<FormRef> {
  try {
    const definition = await findDefinition(em, publicFeedback.key);
    if (definition.startForm) return definition.startForm;
  } catch (err) {
    if (!(err instanceof DefinitionNotFoundError)) throw err;
  }
  // Not installed: nothing can be received (and nothing is stored).
  throw new HttpError(503, 'FEEDBACK_NOT_RECEIVED');
}

/** A problem with one field, in the same shape as the form validation's (422 FORM_INVALID). */
function fieldError(form: FormRef, field: string, text: string): HttpError {
  return new HttpError(422, 'FORM_INVALID', {
    form,
    errors: [{ name: 'exists', property: `.${field}`, message: text, params: {}, stack: `.${field} ${text}`, schemaPath: '' }],
    errorSchema: { [field]: { __errors: [text] } },
    fields: { [field]: [text] },
  });
}

/** The OPDs: the children of the tree's root (the pemerintah daerah), by name. */
async function opdsOf(em: EntityManager): Promise<Array<{ id: number; name: string }>> {
  const roots = await em.find(OrgUnit, { parentId: null }, { fields: ['id'], disableIdentityMap: true });
  if (roots.length === 0) return [];
  const opds = await em.find(OrgUnit, { parentId: { $in: roots.map((r) => r.id) } }, { fields: ['id', 'name'], orderBy: { name: 'asc' }, disableIdentityMap: true });
  return opds.map((unit) => ({ id: unit.id, name: unit.name }));
}

/** Unknown and malformed codes answer alike, so a lookup tells nothing but "no such report". */
async function findTicket(em: EntityManager, raw: string): Promise<FeedbackTicket> {
  const code = normalizeTrackingCode(raw);
  const ticket = code ? await em.findOne(FeedbackTicket, { trackingCode: code }) : null;
  if (!ticket) throw new HttpError(404, 'FEEDBACK_NOT_FOUND');
  return ticket;
}

/** Only an answered ticket can be rated, once; a closed one says whether it was rated or its time ran out. */
async function requireRatable(em: EntityManager, ticket: FeedbackTicket): Promise<void> {
  if (ticket.status === 'ANSWERED' && ticket.caseId) return;
  if (ticket.status !== 'CLOSED') throw new HttpError(409, 'FEEDBACK_NOT_ANSWERED');
  const rated = await em.count(FeedbackRating, { ticketId: ticket.id });
  throw new HttpError(409, rated ? 'FEEDBACK_ALREADY_RATED' : 'FEEDBACK_RATING_CLOSED');
}

/**
 * The case once it waits for the citizen's rating. The answer is on the ticket a moment before the
 * case has entered its rating step, so a quick citizen waits for it briefly. Undefined when the
 * case is not (or no longer) waiting for a rating.
 */
async function ratingStepOf(deps: PublicFeedbackRouteDeps, caseId: string): Promise<CaseView | undefined> {
  const handle = deps.client.workflow.getHandle<typeof caseWorkflow>(caseId);
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    let view: CaseView;
    try {
      view = await deps.client.connection.withDeadline(Date.now() + QUERY_DEADLINE_MS, () => handle.query(caseViewQuery));
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return undefined;
      if (isUnavailable(err)) throw new HttpError(503, 'WORKER_UNAVAILABLE');
      throw err;
    }
    if (view.status !== 'open') return undefined;
    const current = view.current;
    const waitsForCitizen = current && !current.outcome && (current.kind === 'approval' || current.kind === 'task')
      && current.assignees.some((a) => a.userId === FEEDBACK_PUBLIC_USER);
    if (waitsForCitizen) return view;
    if (Date.now() > deadline) return undefined;
    await sleep(100);
  }
}

/**
 * Waits a moment until the new case's first stage, with its deadline, is in the projection that
 * the status page reads. The report is safe either way; past the wait the page shows the deadline
 * as soon as the case gets there.
 */
async function firstStageProjected(em: EntityManager, caseId: string): Promise<void> {
  const deadline = Date.now() + FIRST_STAGE_WAIT_MS;
  while (Date.now() < deadline) {
    em.clear();
    if (currentDeadline(await em.findOne(CaseRecord, { id: caseId }))) return;
    await sleep(50);
  }
}

/** The workflow refused the rating because the step was decided meanwhile: a second rating. */
function ratingRefusal(err: unknown): unknown {
  if (err instanceof WorkflowNotFoundError) return new HttpError(409, 'FEEDBACK_ALREADY_RATED');
  const mapped = fromTemporalError(err);
  if (mapped && ['ALREADY_DECIDED', 'STEP_NOT_CURRENT', 'CASE_CLOSED', 'CASE_NOT_FOUND'].includes(mapped.code)) {
    return new HttpError(409, 'FEEDBACK_ALREADY_RATED');
  }
  return err;
}

/** The ticket once the case has closed it after the rating; undefined if that takes longer than a moment. */
async function closedTicket(em: EntityManager, id: number): Promise<FeedbackTicket | undefined> {
  const deadline = Date.now() + SETTLE_MS;
  while (Date.now() < deadline) {
    em.clear();
    const ticket = await em.findOne(FeedbackTicket, { id });
    if (ticket?.status === 'CLOSED') return ticket;
    await sleep(100);
  }
  return undefined;
}

function requireObject(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'BODY_REQUIRED');
  return body as Record<string, unknown>;
}
