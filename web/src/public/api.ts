// The public feedback API as the citizens' portal uses it: no session, no CSRF token. Every request
// sends the chosen language as Accept-Language, so the server's messages arrive already localised.

import { translate } from './messages';
import type { Lang, ReportTopic, ReportType, SkmElement, SkmScore } from './messages';

export interface Localized {
  id: string;
  en: string;
}

export interface FeedbackUnit {
  id: number;
  name: string;
}

/** A report as the form sends it; optional fields are left out when empty. */
export interface FeedbackReport {
  type: ReportType;
  category: ReportTopic;
  unitId?: number;
  message: string;
  reporterName?: string;
  contactEmail?: string;
  anonymous: boolean;
  confidential: boolean;
  /** The honeypot: people never see it, so it stays empty unless a bot fills it. */
  website: string;
}

export interface FeedbackReceipt {
  trackingCode: string;
  submittedAt: string;
  status: 'RECEIVED';
  stage: Localized;
  statusUrl: string;
}

export type FeedbackStatus = 'RECEIVED' | 'NEEDS_INFORMATION' | 'IN_PROGRESS' | 'ANSWERED' | 'CLOSED' | 'NOT_IN_REMIT' | 'ARCHIVED';

/** The status page of a report (server/feedback/public-view.ts). */
export interface FeedbackStatusView {
  trackingCode: string;
  type: { code: string; label: Localized };
  category: { code: string; label: Localized };
  submittedAt: string;
  status: FeedbackStatus;
  stage: Localized;
  since: string;
  dueAt: string | null;
  handlingUnit: { id: number; name: string } | null;
  resolution: { category: string; label: Localized; workingDays: number | null } | null;
  note: string | null;
  message: string | null;
  answer: { text: string; answeredAt: string } | null;
  rating: { open: boolean; ratedAt: string | null };
}

export type FeedbackRating = Record<SkmElement, SkmScore> & { ratingComment?: string };

export type FieldErrors = Record<string, string[]>;

/** A refusal or failure, with the server's message and, for a 422, the problems of each field. */
export class PortalError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldErrors;

  constructor(status: number, code: string, message: string, fields: FieldErrors = {}) {
    super(message);
    this.name = 'PortalError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export const listUnits = (lang: Lang, signal?: AbortSignal) =>
  request<{ items: FeedbackUnit[] }>(lang, 'GET', '/api/public/feedback/units', undefined, signal);

export const submitReport = (lang: Lang, report: FeedbackReport) => request<FeedbackReceipt>(lang, 'POST', '/api/public/feedback', report);

export const getStatus = (lang: Lang, code: string, signal?: AbortSignal) =>
  request<FeedbackStatusView>(lang, 'GET', `/api/public/feedback/${encodeURIComponent(code)}`, undefined, signal);

export const rateAnswer = (lang: Lang, code: string, rating: FeedbackRating) =>
  request<FeedbackStatusView>(lang, 'POST', `/api/public/feedback/${encodeURIComponent(code)}/rating`, rating);

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

async function request<T>(lang: Lang, method: 'GET' | 'POST', url: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { Accept: 'application/json', 'Accept-Language': lang, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new PortalError(0, 'NETWORK', translate(lang, 'error.network'));
  }
  const parsed: unknown = await response.json().catch(() => undefined);
  if (response.ok && parsed !== undefined) return parsed as T;
  throw toPortalError(lang, response.status, parsed);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toPortalError(lang: Lang, status: number, body: unknown): PortalError {
  if (isRecord(body) && isRecord(body.error)) {
    const { code, message, details } = body.error;
    if (typeof code === 'string' && typeof message === 'string') return new PortalError(status, code, message, fieldErrors(details));
  }
  return new PortalError(status, 'UNEXPECTED_RESPONSE', translate(lang, 'error.unexpected', { status }));
}

/** FORM_INVALID's `details.fields`: field name → messages. */
function fieldErrors(details: unknown): FieldErrors {
  if (!isRecord(details) || !isRecord(details.fields)) return {};
  const fields: FieldErrors = {};
  for (const [name, list] of Object.entries(details.fields)) {
    if (Array.isArray(list)) fields[name] = list.filter((item): item is string => typeof item === 'string');
    else if (typeof list === 'string') fields[name] = [list];
  }
  return fields;
}
