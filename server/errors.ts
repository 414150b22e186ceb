import type { ErrorRequestHandler } from 'express';
import { ServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
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
  return {
    error: {
      code: err.code,
      message: message(err.code, language, err.params),
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
