import type { LocalizedText } from '../../forms';
import { ValidationError } from '../errors';
import { message, type Language, type MessageKey } from '../messages';

/** Field → messages in both languages, until the request's language is known. */
export type FieldErrors = Record<string, LocalizedText[]>;

export function addFieldError(errors: FieldErrors, field: string, text: LocalizedText): void {
  // Own properties only: a request may name any field, including Object.prototype's.
  const list = Object.hasOwn(errors, field) ? errors[field] : undefined;
  if (list) list.push(text);
  else Object.defineProperty(errors, field, { value: [text], enumerable: true, writable: true, configurable: true });
}

/** A server catalogue message in both languages. */
export function bothLanguages(key: MessageKey, params: Record<string, string | number> = {}): LocalizedText {
  return { id: message(key, 'id', params), en: message(key, 'en', params) };
}

/** Throws the one 422 the error middleware answers, in the request's language; nothing when no errors. */
export function throwIfInvalid(errors: FieldErrors, language: Language): void {
  const fields = Object.entries(errors);
  if (fields.length === 0) return;
  throw new ValidationError(Object.fromEntries(fields.map(([field, texts]) => [field, texts.map((t) => t[language])])));
}
