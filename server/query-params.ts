import { HttpError } from './errors';
import type { MessageKey } from './messages';

export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_LIMIT = 100;
const MAX_SEARCH_LENGTH = 100;

/** `limit` of a paginated list: a whole number 1..100, 20 when absent. */
export function parseLimit(raw: unknown): number {
  if (raw === undefined) return DEFAULT_PAGE_LIMIT;
  const value = typeof raw === 'string' && /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_LIMIT) throw new HttpError(400, 'INVALID_LIMIT');
  return value;
}

/** An opaque cursor: only its alphabet (base64url) is checked here; its owner decodes it. */
export function parseCursor(raw: unknown): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || !/^[\w-]{1,500}$/.test(raw)) throw new HttpError(400, 'INVALID_CURSOR');
  return raw;
}

/** A positive whole-number id from a path or query parameter. */
export function parseId(raw: unknown, code: MessageKey = 'INVALID_ID'): number {
  const value = typeof raw === 'string' && /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < 1) throw new HttpError(400, code, { value: typeof raw === 'string' ? raw : null });
  return value;
}

export function parseOptionalId(raw: unknown, code: MessageKey): number | undefined {
  return raw === undefined || raw === '' ? undefined : parseId(raw, code);
}

/** `true` or `false`; absent is undefined. */
export function parseOptionalFlag(raw: unknown, code: MessageKey): boolean | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new HttpError(400, code);
}

export function parseSearch(raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || raw.length > MAX_SEARCH_LENGTH) throw new HttpError(400, 'INVALID_SEARCH', { maxLength: MAX_SEARCH_LENGTH }, { max: MAX_SEARCH_LENGTH });
  return raw.trim() || undefined;
}
