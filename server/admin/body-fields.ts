import type { Request } from 'express';
import { isCalendarDate, type LocalizedText } from '../../forms';
import { HttpError } from '../errors';
import { addFieldError, bothLanguages, type FieldErrors } from '../registry/field-errors';

/** The JSON shape a writable field must have; what the value means is checked by its use case. */
export type FieldShape =
  | { kind: 'text'; max: number; min?: number; nullable?: boolean; trim?: boolean }
  | { kind: 'date'; nullable?: boolean }
  | { kind: 'id'; nullable?: boolean }
  | { kind: 'boolean' }
  | { kind: 'oneOf'; options: readonly string[] }
  | { kind: 'textList'; maxItems: number; max: number };

export interface ParsedBody<T> {
  /** The fields present and of the right shape; absent fields stay absent. */
  values: Partial<T>;
  errors: FieldErrors;
}

/** The request's JSON object body; 400 when it is missing or not an object. */
export function bodyObject(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'BODY_REQUIRED');
  return body as Record<string, unknown>;
}

/**
 * Checks each field of a body against its shape: unknown fields, wrong JSON types, lengths.
 * Every problem is collected, so one 422 answer lists them all.
 */
export function parseFields<T>(body: Record<string, unknown>, shapes: Record<keyof T & string, FieldShape>): ParsedBody<T> {
  const values: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  for (const [field, raw] of Object.entries(body)) {
    const shape = Object.hasOwn(shapes, field) ? (shapes as Record<string, FieldShape>)[field] : undefined;
    if (!shape) {
      addFieldError(errors, field, bothLanguages('FIELD_UNKNOWN'));
      continue;
    }
    const problem = shapeProblem(shape, raw);
    if (problem) addFieldError(errors, field, problem);
    else values[field] = normalized(shape, raw);
  }
  return { values: values as Partial<T>, errors };
}

/** Adds "required" for each field that is absent and has no error yet. */
export function requireFields<T>(parsed: ParsedBody<T>, fields: ReadonlyArray<keyof T & string>): void {
  for (const field of fields) {
    if (parsed.values[field] === undefined && !parsed.errors[field]) addFieldError(parsed.errors, field, bothLanguages('FIELD_REQUIRED'));
  }
}

/** Text trimmed (unless told not to); an empty optional text is null. */
function normalized(shape: FieldShape, raw: unknown): unknown {
  if (shape.kind !== 'text' || typeof raw !== 'string') return raw;
  const text = shape.trim === false ? raw : raw.trim();
  return text === '' && shape.nullable ? null : text;
}

function shapeProblem(shape: FieldShape, raw: unknown): LocalizedText | undefined {
  if (raw === null) return 'nullable' in shape && shape.nullable ? undefined : bothLanguages('FIELD_REQUIRED');
  switch (shape.kind) {
    case 'text': {
      if (typeof raw !== 'string') return bothLanguages('FIELD_NOT_TEXT');
      const text = shape.trim === false ? raw : raw.trim();
      if (text.length > shape.max) return bothLanguages('FIELD_TOO_LONG', { max: shape.max });
      if (text.length === 0) return shape.nullable ? undefined : bothLanguages('FIELD_REQUIRED');
      if (shape.min !== undefined && text.length < shape.min) return bothLanguages('FIELD_TOO_SHORT', { min: shape.min });
      return undefined;
    }
    case 'date':
      return isCalendarDate(raw) ? undefined : bothLanguages('FIELD_NOT_DATE');
    case 'id':
      return Number.isSafeInteger(raw) && (raw as number) > 0 ? undefined : bothLanguages('FIELD_NOT_ID');
    case 'boolean':
      return typeof raw === 'boolean' ? undefined : bothLanguages('FIELD_NOT_BOOLEAN');
    case 'oneOf':
      return typeof raw === 'string' && shape.options.includes(raw) ? undefined : bothLanguages('FIELD_ONE_OF', { options: shape.options.join(', ') });
    case 'textList':
      if (!Array.isArray(raw) || raw.length > shape.maxItems
        || !raw.every((item) => typeof item === 'string' && item.trim() !== '' && item.length <= shape.max)) {
        return bothLanguages('FIELD_NOT_TEXT_LIST', { maxItems: shape.maxItems, max: shape.max });
      }
      return undefined;
  }
}
