import type { ErrorObject, ValidateFunction } from 'ajv';
import localize from 'ajv-i18n';
import { DATE_RANGE_KEYWORD } from './date-range-keyword';
import { formMessage } from './form-message';

export type FormLanguage = 'id' | 'en';

/** One error as react-jsonschema-form lists it. */
export interface FormFieldError {
  name: string;
  /** RJSF's property path: ".field.sub" or ".list.0". */
  property: string;
  message: string;
  params: Record<string, unknown>;
  stack: string;
  schemaPath: string;
}

/** RJSF's errorSchema: the form's shape, with `__errors` next to each field. */
export interface ErrorSchema {
  __errors?: string[];
  [field: string]: ErrorSchema | string[] | undefined;
}

export interface SubmissionResult {
  valid: boolean;
  errors: FormFieldError[];
  errorSchema: ErrorSchema;
  /** "field.sub" → messages: the same errors keyed flat, for simple clients. */
  fields: Record<string, string[]>;
}

/**
 * Validates form data with a compiled validator and returns the errors as data, shaped the way
 * react-jsonschema-form shows them, with messages in Bahasa Indonesia or English (ajv-i18n).
 */
export function validateSubmission(validate: ValidateFunction, data: unknown, language: FormLanguage): SubmissionResult {
  if (validate(data)) return { valid: true, errors: [], errorSchema: {}, fields: {} };
  const raw: ErrorObject[] = (validate.errors ?? []).map((e) => ({ ...e, params: { ...e.params } }));
  (language === 'en' ? localize.en : localize.id)(raw);
  const errors = raw.map((error) => {
    const path = pathOf(error);
    const property = path.length > 0 ? `.${path.join('.')}` : '.';
    const message = messageFor(error, language);
    return { name: error.keyword, property, message, params: error.params, stack: `${property} ${message}`.trim(), schemaPath: error.schemaPath };
  });
  const errorSchema: ErrorSchema = {};
  const fields: Record<string, string[]> = {};
  for (const error of errors) {
    const path = error.property === '.' ? [] : error.property.slice(1).split('.');
    let node = errorSchema;
    for (const part of path) node = (node[part] as ErrorSchema | undefined) ?? (node[part] = {});
    (node.__errors ??= []).push(error.message);
    const flat = path.join('.') || '_form';
    (fields[flat] ??= []).push(error.message);
  }
  return { valid: false, errors, errorSchema, fields };
}

/** The data path of an error; a missing required property is reported at the property itself, as RJSF does. */
function pathOf(error: ErrorObject): string[] {
  const parts = error.instancePath.split('/').slice(1).map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (error.keyword === 'required' && typeof error.params.missingProperty === 'string') parts.push(error.params.missingProperty);
  return parts;
}

/** ajv-i18n's message, with a clearer one for the domain formats and keywords it has no words for. */
function messageFor(error: ErrorObject, language: FormLanguage): string {
  if (error.keyword === DATE_RANGE_KEYWORD) {
    const params = Object.fromEntries(Object.entries(error.params).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number'));
    return formMessage(error.params.reason === 'TOO_LONG' ? 'DATE_RANGE_TOO_LONG' : 'DATE_RANGE_END_BEFORE_START', params)[language];
  }
  if (error.keyword === 'format') {
    const format = String(error.params.format);
    const domain = DOMAIN_FORMAT_MESSAGES[format];
    if (domain) return domain[language];
  }
  return error.message ?? error.keyword;
}

const DOMAIN_FORMAT_MESSAGES: Record<string, Record<FormLanguage, string>> = {
  nip: {
    id: 'harus NIP yang sah: 18 angka, tanggal lahir dan TMT CPNS yang benar, kode jenis kelamin 1 atau 2',
    en: 'must be a valid NIP: 18 digits, real birth and TMT CPNS dates, gender digit 1 or 2',
  },
  'nip-pppk': {
    id: 'harus NI PPPK yang sah: 18 angka (tanggal lahir, tahun pengangkatan, kode 21, jenis kelamin, nomor urut)',
    en: 'must be a valid NI PPPK: 18 digits (birth date, year of appointment, code 21, gender, sequence)',
  },
  golongan: { id: 'harus kode golongan/ruang, mis. III/a', en: 'must be a golongan/ruang code, e.g. III/a' },
  eselon: { id: 'harus kode eselon, mis. IV.a', en: 'must be an eselon code, e.g. IV.a' },
  attachment: { id: 'harus berkas lampiran yang sudah diunggah', en: 'must be an uploaded attachment' },
};
