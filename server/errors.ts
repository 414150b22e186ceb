import type { ErrorRequestHandler } from 'express';
import { ServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { status as grpcStatus } from '@grpc/grpc-js';
import { CaseRefusal } from '../workflows/errors';
import { message, requestLanguage, type Language, type MessageKey } from './messages';

/** An error the API answers with a status and a catalogued message; never a stack trace. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageKey,
    readonly details?: Record<string, unknown>,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'HttpError';
  }
}

/** Field-level validation errors, shaped like react-jsonschema-form's errorSchema leaves. */
export class ValidationError extends HttpError {
  constructor(readonly fields: Record<string, string[]>) {
    super(422, 'VALIDATION_FAILED', { fields });
  }
}

const REFUSAL_STATUS: Record<string, { status: number; code: MessageKey }> = {
  [CaseRefusal.notAssignee]: { status: 403, code: 'NOT_ASSIGNEE' },
  [CaseRefusal.selfApproval]: { status: 403, code: 'SELF_APPROVAL_NOT_ALLOWED' },
  [CaseRefusal.notAllowed]: { status: 403, code: 'NOT_ALLOWED' },
  [CaseRefusal.stepNotCurrent]: { status: 409, code: 'STEP_NOT_CURRENT' },
  [CaseRefusal.alreadyDecided]: { status: 409, code: 'ALREADY_DECIDED' },
  [CaseRefusal.caseClosed]: { status: 409, code: 'CASE_CLOSED' },
  [CaseRefusal.formInvalid]: { status: 422, code: 'FORM_INVALID' },
  [CaseRefusal.invalidDecision]: { status: 422, code: 'INVALID_DECISION' },
};

// FAILED_PRECONDITION answers a query no worker can take now ("no poller seen") or a case whose first
// task has not run yet: both mean "not now", like an unreachable server.
// RESOURCE_EXHAUSTED: too many Updates in flight on one case, or the server is shedding load.
const UNAVAILABLE_CODES = new Set<number>([
  grpcStatus.UNAVAILABLE, grpcStatus.DEADLINE_EXCEEDED, grpcStatus.FAILED_PRECONDITION, grpcStatus.RESOURCE_EXHAUSTED,
]);

/** Translates what the Temporal client throws into the API's errors; undefined when it is not Temporal's. */
export function fromTemporalError(err: unknown): HttpError | undefined {
  if (err instanceof WorkflowNotFoundError) return new HttpError(404, 'CASE_NOT_FOUND');
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type) {
    const mapped = REFUSAL_STATUS[err.cause.type];
    if (mapped) {
      return new HttpError(mapped.status, mapped.code, { reason: err.cause.message, ...(detailsOf(err.cause) ?? {}) });
    }
  }
  if (isUnavailable(err)) return new HttpError(503, 'TEMPORAL_UNAVAILABLE');
  return undefined;
}

/**
 * Temporal refuses an Update that reached a worker which finished its workflow task without taking
 * it (the case completed in that task, or the worker was busy replaying a cold case). It was not
 * applied and will not be redelivered, so the same Update may be sent again.
 */
export function isUnprocessedUpdate(err: unknown): boolean {
  return err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type === 'UnprocessedUpdate';
}

export function isUnavailable(err: unknown): boolean {
  // An Update (or update-with-start) whose call ran out of time or was cut off: it may still apply,
  // like one sent to a server that went away. The client reports that as CANCELLED, not as a deadline.
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  const code = grpcCode(err);
  return code !== undefined && UNAVAILABLE_CODES.has(code);
}

export function grpcCode(err: unknown): number | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current; depth++) {
    if (current instanceof ServiceError && current.cause) {
      current = current.cause;
      continue;
    }
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'number') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function detailsOf(failure: ApplicationFailure): Record<string, unknown> | undefined {
  const first = failure.details?.[0];
  return first && typeof first === 'object' ? (first as Record<string, unknown>) : undefined;
}

export function errorBody(err: HttpError, language: Language) {
  // A refusal that explains itself in both languages (e.g. a wait's extension limit) says so
  // instead of the code's general message.
  const own = err.details?.message;
  const specific = typeof own === 'object' && own !== null && typeof (own as Record<string, unknown>)[language] === 'string'
    ? (own as Record<Language, string>)[language]
    : undefined;
  return {
    error: {
      code: err.code,
      message: specific ?? message(err.code, language, err.params),
      ...(err.details ? { details: err.details } : {}),
    },
  };
}

/** The one error middleware: domain and Temporal errors to status + JSON; everything else is a logged 500. */
export const errorHandler: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  const language = requestLanguage(req);
  let httpError: HttpError | undefined;
  if (err instanceof HttpError) httpError = err;
  else if (isBodyParserError(err)) {
    httpError = err.type === 'entity.too.large' ? new HttpError(413, 'PAYLOAD_TOO_LARGE') : new HttpError(400, 'MALFORMED_JSON');
  } else if (err instanceof URIError) {
    httpError = new HttpError(400, 'MALFORMED_URL');
  } else if (isDatabaseUnavailable(err)) {
    req.log.warn({ err: String(err), method: req.method, url: req.originalUrl }, 'database unavailable');
    httpError = new HttpError(503, 'DATABASE_UNAVAILABLE');
  } else httpError = fromTemporalError(err);
  if (!httpError) {
    req.log.error({ err, method: req.method, url: req.originalUrl }, 'request failed');
    httpError = new HttpError(500, 'INTERNAL');
  }
  if (httpError.status === 503) res.setHeader('Retry-After', '5');
  res.status(httpError.status).json(errorBody(httpError, language));
};

function isBodyParserError(err: unknown): err is { type: string; status: number } {
  return typeof err === 'object' && err !== null && typeof (err as { type?: unknown }).type === 'string'
    && typeof (err as { status?: unknown }).status === 'number' && (err as { status: number }).status < 500;
}

/** Socket errors, and PostgreSQL's connection and shutdown classes (08xxx, 57P01–57P03). */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
  '08000', '08001', '08003', '08004', '08006', '57P01', '57P02', '57P03',
  // SQLite: another writer held the file past busy_timeout.
  'SQLITE_BUSY',
]);
const UNREACHABLE_MESSAGES = [/Connection terminated/i, /Timeout acquiring a connection/i, /Client has encountered a connection error/i, /connection is closed/i];

/**
 * Whether an error means the app database cannot be reached (down, restarting, its connections
 * cut, or busy), as opposed to a bug or bad data: the request can be tried again later, and
 * nothing was changed, because every write runs in a transaction that did not commit.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const e = current as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown; previous?: unknown };
    if (e.name === 'ConnectionException' || e.name === 'KnexTimeoutError') return true;
    if (typeof e.code === 'string' && UNREACHABLE_CODES.has(e.code)) return true;
    if (typeof e.message === 'string' && UNREACHABLE_MESSAGES.some((pattern) => pattern.test(e.message as string))) return true;
    current = e.previous ?? e.cause;
  }
  return false;
}
