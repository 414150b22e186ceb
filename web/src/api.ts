// Typed client for the Alur HTTP API (same origin, JSON). Every request sends the UI language as
// Accept-Language, so the server's error messages arrive already localised. Every write sends the
// session's CSRF token, which lives only in memory here (the session cookie is httpOnly).

import { translate } from './messages';
import type { Lang } from './messages';

export type Localized = Record<Lang, string>;

// ----------------------------------------------------------------------------------------------
// Shapes the API answers with.
// ----------------------------------------------------------------------------------------------

export interface User {
  id: number;
  login: string;
  displayName: string;
  roles: string[];
  unitScopeId: number | null;
  employeeId: number | null;
  language: Lang;
}

/** `person`: someone who signs in; `public`: the citizens' stand-in; `system`: Alur itself. */
export type UserNameKind = 'person' | 'public' | 'system';

/** The name that stands for a login (GET /api/users/names); nothing else about the person. */
export interface UserName {
  login: string;
  displayName: string;
  kind: UserNameKind;
}

export interface Session {
  user: User;
  csrfToken: string;
}

export type ComponentStatus = 'up' | 'down';

export interface Health {
  status: 'ok' | 'unavailable';
  temporal: { status: ComponentStatus; message?: string };
  database: { status: ComponentStatus; driver: string; message?: string };
}

export interface ProcessSummary {
  key: string;
  version: number;
  name: Localized;
  description?: Localized;
  canStart: boolean;
}

export type StepKind = 'approval' | 'task' | 'branch' | 'effect' | 'wait' | 'end';

export interface DefinitionStep {
  id: string;
  kind: StepKind;
  name: Localized;
  returnTargets?: string[];
}

export interface FormRef {
  key: string;
  version: number;
}

export interface ProcessDefinition {
  key: string;
  version: number;
  name: Localized;
  description?: Localized;
  firstStep: string;
  startForm?: FormRef;
  steps: DefinitionStep[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface TaskSummary {
  id: string;
  caseId: string;
  process: string;
  title: string | null;
  stepId: string;
  substituteFor: string | null;
  createdAt: string;
  dueAt: string | null;
}

export interface TaskCounts {
  total: number;
  byProcess: Record<string, number>;
}

export type CaseStatus = 'open' | 'approved' | 'rejected' | 'withdrawn' | 'expired';

export interface CaseSummary {
  id: string;
  process: string;
  title: string;
  status: CaseStatus;
  currentStep: string | null;
  initiator: string;
  createdAt: string;
  updatedAt: string;
}

export interface Assignment {
  userId: string;
  substituteFor?: string;
  delegatedBy?: string;
}

export interface StepDecision {
  userId: string;
  outcome: string;
  comment?: string;
  at: string;
}

export type CurrentStepKind = 'approval' | 'task' | 'branch' | 'effect' | 'wait' | 'revision';

export interface CurrentStep {
  stepId: string;
  kind: CurrentStepKind;
  name: Localized;
  visit: number;
  startedAt: string;
  assignees: Assignment[];
  decisions: StepDecision[];
  deadline?: string;
  waitUntil?: string;
  returnTargets: string[];
  /** The form version this step shows, pinned when the step began. */
  formRef?: FormRef;
}

export const CASE_ACTIONS = [
  'approve',
  'reject',
  'return',
  'delegate',
  'reassign',
  'comment',
  'withdraw',
  'resubmit',
  'extend-wait',
  'end-wait',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export interface CaseView {
  id: string;
  process: { key: string; version: number; name: Localized };
  title: string;
  status: CaseStatus;
  initiator: { userId: string; unitId: string | null };
  subject: { nip?: string; unitId?: string } | null;
  data: Record<string, unknown>;
  stepData: Record<string, Record<string, unknown>>;
  current: CurrentStep | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  actions: CaseAction[];
  /**
   * The workflow's own latest events. The timeline is read from the database, which the workflow
   * fills a moment later; these fill the gap right after an action.
   */
  events?: Array<Omit<TimelineEvent, 'details'> & { details?: Record<string, unknown> | null }>;
}

export interface TimelineEvent {
  seq: number;
  type: string;
  stepId: string | null;
  actor: string | null;
  outcome: string | null;
  comment: string | null;
  details: Record<string, unknown> | null;
  occurredAt: string;
}

export interface CaseDetail extends CaseView {
  timeline: TimelineEvent[];
  /** True when the server answered from its projection: the view may lag the case. */
  fromProjection: boolean;
}

/** The answer to starting a case: the case itself, or only its id while it is still starting. */
export type StartedCase = { kind: 'started'; case: CaseView } | { kind: 'starting'; id: string };

/** Bodies of the case actions, by action. */
export interface ActionBodies {
  approve: { stepId: string; comment?: string; data?: Record<string, unknown> };
  reject: { stepId: string; comment?: string };
  return: { stepId: string; to: string; comment: string };
  delegate: { stepId: string; to: string; comment?: string };
  reassign: { stepId: string; from: string; to: string; comment?: string };
  comment: { comment: string };
  withdraw: { comment?: string };
  resubmit: { data: Record<string, unknown>; comment?: string };
  'extend-wait': { stepId: string; until: string; comment?: string };
  'end-wait': { stepId: string; comment?: string };
}

// ----------------------------------------------------------------------------------------------
// Errors.
// ----------------------------------------------------------------------------------------------

export type FieldErrors = Readonly<Record<string, readonly string[]>>;

/** A failed request. `status` is 0 when the server could not be reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldErrors;
  /** The error's `details` as sent (e.g. a FORM_INVALID errorSchema or FORM_SCHEMA_INVALID problems). */
  readonly details: unknown;

  constructor(status: number, code: string, message: string, fields: FieldErrors = {}, details: unknown = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.details = details;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readFieldErrors(details: unknown): FieldErrors {
  if (!isRecord(details) || !isRecord(details.fields)) return {};
  const fields: Record<string, string[]> = {};
  for (const [name, list] of Object.entries(details.fields)) {
    if (Array.isArray(list)) fields[name] = list.filter((item): item is string => typeof item === 'string');
    else if (typeof list === 'string') fields[name] = [list];
  }
  return fields;
}

function toApiError(lang: Lang, status: number, body: unknown): ApiError {
  if (isRecord(body) && isRecord(body.error)) {
    const { code, message, details } = body.error;
    if (typeof code === 'string' && typeof message === 'string') {
      return new ApiError(status, code, message, readFieldErrors(details), details ?? null);
    }
  }
  return new ApiError(status, 'UNEXPECTED_RESPONSE', translate(lang, 'error.unexpected', { status }));
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Normalises anything thrown by the helpers below into an ApiError for display. */
export function asApiError(error: unknown, lang: Lang): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'CLIENT_ERROR', translate(lang, 'error.generic'));
}

// ----------------------------------------------------------------------------------------------
// Transport.
// ----------------------------------------------------------------------------------------------

let csrfToken: string | null = null;
let onSessionLost: (() => void) | null = null;

/** Called when a request that needed a session is answered 401: the session expired or was ended. */
export function setSessionLostHandler(handler: (() => void) | null): void {
  onSessionLost = handler;
}

interface SendOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A raw body (an upload) sent as is, with its own Content-Type in `headers`. */
  rawBody?: Blob;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
}

interface RawResponse {
  status: number;
  ok: boolean;
  headers: Headers;
  body: unknown;
}

async function send(lang: Lang, path: string, options: SendOptions = {}): Promise<RawResponse> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': lang,
    ...options.headers,
  };
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (options.signal) init.signal = options.signal;
  if (options.rawBody !== undefined) {
    init.body = options.rawBody;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError(0, 'NETWORK_ERROR', translate(lang, 'error.network'));
  }

  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      if (response.ok) throw new ApiError(response.status, 'BAD_RESPONSE', translate(lang, 'error.badResponse'));
    }
  }
  return { status: response.status, ok: response.ok, headers: response.headers, body };
}

async function call(lang: Lang, path: string, options?: SendOptions): Promise<RawResponse> {
  const response = await send(lang, path, options);
  if (!response.ok) {
    if (response.status === 401 && csrfToken !== null) {
      csrfToken = null;
      onSessionLost?.();
    }
    throw toApiError(lang, response.status, response.body);
  }
  return response;
}

/** A JSON request through the shared transport (CSRF header, language, session loss); for area clients such as the administration pages. */
export async function request<T>(lang: Lang, path: string, options?: SendOptions): Promise<T> {
  return (await call(lang, path, options)).body as T;
}

export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const enc = encodeURIComponent;

// ----------------------------------------------------------------------------------------------
// Endpoints.
// ----------------------------------------------------------------------------------------------

export async function signIn(lang: Lang, login: string, password: string): Promise<User> {
  const session = await request<Session>(lang, '/api/auth/login', { method: 'POST', body: { login, password } });
  csrfToken = session.csrfToken;
  return session.user;
}

/** The signed-in user, or null when there is no session (e.g. after a reload without a cookie). */
export async function currentSession(lang: Lang, signal?: AbortSignal): Promise<User | null> {
  const response = await send(lang, '/api/auth/me', { signal });
  if (response.status === 401) return null;
  if (!response.ok) throw toApiError(lang, response.status, response.body);
  const session = response.body as Session;
  csrfToken = session.csrfToken;
  return session.user;
}

export async function signOut(lang: Lang): Promise<void> {
  try {
    await send(lang, '/api/auth/logout', { method: 'POST' });
  } finally {
    csrfToken = null;
  }
}

/** 503 still carries a health report, so it is not treated as an error. */
export async function getHealth(lang: Lang, signal?: AbortSignal): Promise<Health> {
  const response = await send(lang, '/api/health', { signal });
  if ((response.ok || response.status === 503) && isRecord(response.body) && 'temporal' in response.body) {
    return response.body as unknown as Health;
  }
  throw toApiError(lang, response.status, response.body);
}

/** The most logins one request may name. */
export const MAX_NAMES_PER_REQUEST = 100;

/** The names of up to MAX_NAMES_PER_REQUEST logins; logins nobody holds are left out. */
export async function getUserNames(lang: Lang, logins: readonly string[], signal?: AbortSignal): Promise<UserName[]> {
  const search = new URLSearchParams(logins.map((login) => ['login', login]));
  return (await request<{ items: UserName[] }>(lang, `/api/users/names?${search.toString()}`, { signal })).items;
}

export async function listProcesses(lang: Lang, signal?: AbortSignal): Promise<ProcessSummary[]> {
  return (await request<{ items: ProcessSummary[] }>(lang, '/api/processes', { signal })).items;
}

export function getDefinition(lang: Lang, key: string, version?: number, signal?: AbortSignal): Promise<ProcessDefinition> {
  return request(lang, `/api/processes/${enc(key)}${query({ version })}`, { signal });
}

export async function startCase(
  lang: Lang,
  processKey: string,
  input: { title?: string; data: Record<string, unknown> },
  idempotencyKey: string,
): Promise<StartedCase> {
  const response = await call(lang, `/api/processes/${enc(processKey)}/cases`, {
    method: 'POST',
    body: input,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
  if (response.status === 202 && isRecord(response.body) && typeof response.body.id === 'string') {
    return { kind: 'starting', id: response.body.id };
  }
  return { kind: 'started', case: response.body as CaseView };
}

export function listTasks(
  lang: Lang,
  params: { limit?: number; cursor?: string | null; process?: string | null },
  signal?: AbortSignal,
): Promise<Page<TaskSummary>> {
  return request(lang, `/api/tasks${query({ limit: params.limit, cursor: params.cursor, process: params.process })}`, { signal });
}

export function getTaskCounts(lang: Lang, signal?: AbortSignal): Promise<TaskCounts> {
  return request(lang, '/api/tasks/counts', { signal });
}

export function listCases(
  lang: Lang,
  params: { scope: 'mine' | 'involved'; limit?: number; cursor?: string | null; status?: CaseStatus | null },
  signal?: AbortSignal,
): Promise<Page<CaseSummary>> {
  return request(lang, `/api/cases${query(params)}`, { signal });
}

export async function getCase(lang: Lang, id: string, signal?: AbortSignal): Promise<CaseDetail> {
  const response = await call(lang, `/api/cases/${enc(id)}`, { signal });
  const body = response.body as Omit<CaseDetail, 'fromProjection'>;
  return {
    ...body,
    timeline: mergeTimeline(body.timeline, body.events),
    fromProjection: response.headers.get('X-Alur-Source') === 'projection',
  };
}

/** The recorded timeline plus any newer events the workflow reported, once each, in order. */
export function mergeTimeline(timeline: TimelineEvent[], events: CaseView['events']): TimelineEvent[] {
  if (!events || events.length === 0) return timeline;
  const bySeq = new Map(timeline.map((event) => [event.seq, event]));
  for (const event of events) {
    if (!bySeq.has(event.seq)) bySeq.set(event.seq, { ...event, details: event.details ?? null });
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

export async function takeAction<A extends CaseAction>(
  lang: Lang,
  caseId: string,
  action: A,
  body: ActionBodies[A],
  idempotencyKey: string,
): Promise<CaseView> {
  const result = await request<{ case: CaseView }>(lang, `/api/cases/${enc(caseId)}/actions/${action}`, {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
  return result.case;
}

/**
 * A fresh key per click, so a double click or a retried request acts once. crypto.randomUUID
 * exists only in secure contexts (HTTPS or localhost); plain-HTTP intranets fall back to
 * getRandomValues.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// ----------------------------------------------------------------------------------------------
// Forms, attachments, notifications.
// ----------------------------------------------------------------------------------------------

export type FormStatus = 'draft' | 'published' | 'archived';
export type JsonObject = Record<string, unknown>;

export interface FormVersionSummary {
  version: number;
  status: FormStatus;
  author: string;
  changeNote: string | null;
  updatedAt: string;
}

export interface FormSummary {
  key: string;
  title: Localized;
  latestVersion: number;
  publishedVersion: number | null;
  versions: FormVersionSummary[];
}

export interface FormVersion {
  key: string;
  version: number;
  status: FormStatus;
  title: Localized;
  schema: JsonObject;
  uiSchema: JsonObject;
  translations: JsonObject;
  author: string;
  changeNote: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

export interface FormDraftInput {
  title: Localized;
  schema: JsonObject;
  uiSchema?: JsonObject;
  translations?: JsonObject;
  changeNote?: string;
}

export type FormChangeKind = 'added' | 'removed' | 'changed' | 'now-required' | 'no-longer-required';

export interface FormChange {
  field: string;
  change: FormChangeKind;
  before?: unknown;
  after?: unknown;
}

export interface FormUse {
  process: string;
  processVersion: number;
  stepId: string | null;
  formVersion: number;
}

/** A place in a schema the server refused to save, by JSON pointer. */
export interface SchemaProblem {
  pointer: string;
  message: Localized;
}

export async function listForms(lang: Lang, signal?: AbortSignal): Promise<FormSummary[]> {
  return (await request<{ items: FormSummary[] }>(lang, '/api/forms', { signal })).items;
}

export function getForm(lang: Lang, key: string, version?: number, signal?: AbortSignal): Promise<FormVersion> {
  return request(lang, `/api/forms/${enc(key)}${query({ version })}`, { signal });
}

export function createFormDraft(lang: Lang, input: FormDraftInput & { key: string }): Promise<FormVersion> {
  return request(lang, '/api/forms', { method: 'POST', body: input });
}

export function saveFormDraft(lang: Lang, key: string, version: number, input: FormDraftInput): Promise<FormVersion> {
  return request(lang, `/api/forms/${enc(key)}/versions/${version}`, { method: 'PUT', body: input });
}

export function publishForm(lang: Lang, key: string, version: number, changeNote: string): Promise<FormVersion> {
  return request(lang, `/api/forms/${enc(key)}/versions/${version}/publish`, { method: 'POST', body: changeNote ? { changeNote } : {} });
}

export function archiveForm(lang: Lang, key: string, version: number): Promise<FormVersion> {
  return request(lang, `/api/forms/${enc(key)}/versions/${version}/archive`, { method: 'POST', body: {} });
}

export async function diffForm(lang: Lang, key: string, from: number, to: number, signal?: AbortSignal): Promise<FormChange[]> {
  return (await request<{ changes: FormChange[] }>(lang, `/api/forms/${enc(key)}/diff${query({ from, to })}`, { signal })).changes;
}

export async function formWhereUsed(lang: Lang, key: string, signal?: AbortSignal): Promise<FormUse[]> {
  return (await request<{ items: FormUse[] }>(lang, `/api/forms/${enc(key)}/where-used`, { signal })).items;
}

/** Resolves when the server accepts the data; a refusal throws an ApiError (FORM_INVALID). */
export async function validateFormData(lang: Lang, key: string, version: number, data: unknown): Promise<void> {
  await request(lang, `/api/forms/${enc(key)}/versions/${version}/validate`, { method: 'POST', body: { data } });
}

/** The `details.problems` of a FORM_SCHEMA_INVALID refusal. */
export function schemaProblemsOf(error: ApiError): SchemaProblem[] {
  if (!isRecord(error.details) || !Array.isArray(error.details.problems)) return [];
  return error.details.problems.filter(
    (p): p is SchemaProblem => isRecord(p) && typeof p.pointer === 'string' && isRecord(p.message),
  );
}

/** The RJSF errorSchema of a FORM_INVALID refusal, to show beside each field. */
export function errorSchemaOf(error: ApiError | null): JsonObject | undefined {
  if (!error || !isRecord(error.details) || !isRecord(error.details.errorSchema)) return undefined;
  return error.details.errorSchema;
}

export interface Attachment {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
}

export function uploadAttachment(lang: Lang, file: File): Promise<Attachment> {
  return request(lang, '/api/attachments', {
    method: 'POST',
    rawBody: file,
    headers: { 'Content-Type': file.type || 'application/octet-stream', 'X-File-Name': enc(file.name) },
  });
}

export const attachmentHref = (id: string): string => `/api/attachments/${enc(id)}`;

export interface AppNotification {
  id: string;
  kind: string;
  caseId: string | null;
  caseTitle: string | null;
  stepId: string | null;
  actor: string | null;
  subject: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage extends Page<AppNotification> {
  unread: number;
}

export interface NotificationPreferences {
  language: Lang;
  /** Where mail goes; null when the user has no e-mail address. */
  email: string | null;
  emailOptOut: string[];
  kinds: string[];
}

export function listNotifications(lang: Lang, params: { limit?: number; cursor?: string | null }, signal?: AbortSignal): Promise<NotificationPage> {
  return request(lang, `/api/notifications${query(params)}`, { signal });
}

export async function markNotificationRead(lang: Lang, id: string): Promise<void> {
  await call(lang, `/api/notifications/${enc(id)}/read`, { method: 'POST' });
}

export async function markAllNotificationsRead(lang: Lang): Promise<void> {
  await call(lang, '/api/notifications/read-all', { method: 'POST' });
}

export function getNotificationPreferences(lang: Lang, signal?: AbortSignal): Promise<NotificationPreferences> {
  return request(lang, '/api/notifications/preferences', { signal });
}

export function saveNotificationPreferences(
  lang: Lang,
  preferences: Pick<NotificationPreferences, 'language' | 'emailOptOut'>,
): Promise<NotificationPreferences> {
  return request(lang, '/api/notifications/preferences', { method: 'PUT', body: preferences });
}
