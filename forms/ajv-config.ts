import Ajv, { type Options } from 'ajv';
import addFormats from 'ajv-formats';
import { addDateRangeKeyword } from './date-range-keyword';
import { addDomainFormats } from './domain-formats';

/**
 * The one option set every Alur ajv instance starts from: strict mode, so a schema with a typo'd
 * keyword cannot be saved; all errors, so a person sees every field to fix at once. Draft-07 is
 * the draft react-jsonschema-form's ajv8 validator uses by default.
 */
export const AJV_CONFIG: Options = {
  strict: true,
  allErrors: true,
  // react-jsonschema-form reads enumNames (labels of enum values) from the schema itself.
  keywords: ['enumNames'],
  // Remote references are refused before compiling; nothing is ever fetched.
  loadSchema: undefined,
  messages: true,
};

/**
 * An ajv instance with the standard and the domain formats (nip, nip-pppk, golongan, eselon) and
 * the `dateRange` keyword (a period's end after its start, at most n months).
 */
export function createAjv(overrides: Options = {}): Ajv {
  const ajv = new Ajv({ ...AJV_CONFIG, ...overrides });
  addFormats(ajv);
  addDomainFormats(ajv);
  addDateRangeKeyword(ajv);
  return ajv;
}
