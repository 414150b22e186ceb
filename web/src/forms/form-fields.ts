// The visual builder's view of a schema: its top-level properties as a list of fields. Every edit
// returns a new schema (and English translations), so the JSON editor stays the one source.

import type { JsonObject } from '../api';

export const FIELD_TYPES = ['text', 'number', 'integer', 'date', 'boolean', 'choice', 'nip', 'golongan', 'attachment', 'other'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface BuilderField {
  name: string;
  type: FieldType;
  titleId: string;
  titleEn: string;
  required: boolean;
  min: number | null;
  max: number | null;
  format: string;
  options: string[];
}

function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeOf(property: JsonObject): FieldType {
  if (Array.isArray(property.enum)) return 'choice';
  const format = typeof property.format === 'string' ? property.format : '';
  switch (property.type) {
    case 'string':
      if (format === 'date') return 'date';
      if (format === 'nip') return 'nip';
      if (format === 'golongan') return 'golongan';
      if (format === 'attachment') return 'attachment';
      return 'text';
    case 'number':
      return 'number';
    case 'integer':
      return 'integer';
    case 'boolean':
      return 'boolean';
    default:
      return 'other';
  }
}

function englishOf(translations: JsonObject, name: string): string {
  const en = translations.en;
  const entry = isRecord(en) ? en[name] : undefined;
  return isRecord(entry) && typeof entry.title === 'string' ? entry.title : '';
}

export function fieldsOf(schema: JsonObject, translations: JsonObject): BuilderField[] {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required : [];
  return Object.entries(properties).flatMap(([name, value]) => {
    if (!isRecord(value)) return [];
    const type = typeOf(value);
    const numeric = type === 'number' || type === 'integer';
    const min = numeric ? value.minimum : value.minLength;
    const max = numeric ? value.maximum : value.maxLength;
    return [{
      name,
      type,
      titleId: typeof value.title === 'string' ? value.title : '',
      titleEn: englishOf(translations, name),
      required: required.includes(name),
      min: typeof min === 'number' ? min : null,
      max: typeof max === 'number' ? max : null,
      format: typeof value.format === 'string' ? value.format : '',
      options: Array.isArray(value.enum) ? value.enum.map(String) : [],
    }];
  });
}

function propertyOf(field: BuilderField, previous: JsonObject | undefined): JsonObject {
  if (field.type === 'other' && previous) return { ...previous, ...(field.titleId ? { title: field.titleId } : {}) };
  const property: JsonObject = {};
  if (field.titleId) property.title = field.titleId;
  const lengths = (p: JsonObject) => {
    if (field.min !== null) p.minLength = field.min;
    if (field.max !== null) p.maxLength = field.max;
  };
  switch (field.type) {
    case 'text':
    case 'other':
      property.type = 'string';
      if (field.format) property.format = field.format;
      lengths(property);
      break;
    case 'number':
    case 'integer':
      property.type = field.type;
      if (field.min !== null) property.minimum = field.min;
      if (field.max !== null) property.maximum = field.max;
      break;
    case 'date':
    case 'nip':
    case 'golongan':
    case 'attachment':
      property.type = 'string';
      property.format = field.type;
      break;
    case 'boolean':
      property.type = 'boolean';
      break;
    case 'choice':
      property.type = 'string';
      property.enum = field.options.length > 0 ? field.options : ['A'];
      break;
  }
  return property;
}

/** The schema and translations with the builder's fields in place of the old top-level properties. */
export function withFields(schema: JsonObject, translations: JsonObject, fields: BuilderField[]): { schema: JsonObject; translations: JsonObject } {
  const previous = isRecord(schema.properties) ? schema.properties : {};
  const properties: JsonObject = {};
  for (const field of fields) {
    const old = previous[field.name];
    properties[field.name] = propertyOf(field, isRecord(old) ? old : undefined);
  }
  const required = fields.filter((f) => f.required).map((f) => f.name);
  const next: JsonObject = { ...schema, type: 'object', properties };
  if (required.length > 0) next.required = required;
  else delete next.required;

  const oldEn = isRecord(translations.en) ? translations.en : {};
  const en: JsonObject = {};
  for (const [path, text] of Object.entries(oldEn)) {
    if (path.includes('.') || fields.some((f) => f.name === path)) en[path] = text;
  }
  for (const field of fields) {
    const text = isRecord(en[field.name]) ? { ...(en[field.name] as JsonObject) } : {};
    if (field.titleEn) text.title = field.titleEn;
    else delete text.title;
    if (Object.keys(text).length > 0) en[field.name] = text;
    else delete en[field.name];
  }
  return { schema: next, translations: { ...translations, en } };
}

/** A name not yet used: field_1, field_2... */
export function newFieldName(fields: BuilderField[]): string {
  for (let n = fields.length + 1; ; n++) {
    const name = `isian_${n}`;
    if (!fields.some((f) => f.name === name)) return name;
  }
}
