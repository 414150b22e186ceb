import { createAjv } from './ajv-config';
import type { LocalizedText } from './messages';

export interface SchemaProblem {
  /** JSON pointer into the submitted schema. */
  pointer: string;
  message: LocalizedText;
}

export const MAX_SCHEMA_BYTES = 256 * 1024;
export const MAX_SCHEMA_DEPTH = 24;

/**
 * Whether a form schema may be saved: valid draft-07 JSON Schema, an object at the root, no remote
 * `$ref`, bounded in size and depth, and compilable by ajv in strict mode. Every problem names
 * where it is (a JSON pointer).
 */
export function checkFormSchema(schema: unknown): { ok: true } | { ok: false; problems: SchemaProblem[] } {
  const problems: SchemaProblem[] = [];
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    return fail('', { id: 'Skema formulir harus berupa objek JSON Schema.', en: 'A form schema must be a JSON Schema object.' });
  }
  const size = Buffer.byteLength(JSON.stringify(schema));
  if (size > MAX_SCHEMA_BYTES) {
    return fail('', {
      id: `Skema terlalu besar (${size} bita; paling banyak ${MAX_SCHEMA_BYTES}).`,
      en: `The schema is too large (${size} bytes; at most ${MAX_SCHEMA_BYTES}).`,
    });
  }
  walk(schema, '', 0, problems);
  if (problems.length > 0) return { ok: false, problems };
  const root = schema as Record<string, unknown>;
  if (root.type !== 'object') {
    problems.push({ pointer: '/type', message: { id: 'Akar skema harus bertipe "object" (satu formulir berisi isian).', en: 'The root of the schema must have type "object" (a form holds fields).' } });
  }
  const ajv = createAjv();
  if (!ajv.validateSchema(schema)) {
    for (const error of ajv.errors ?? []) {
      problems.push({
        pointer: error.instancePath,
        message: { id: `Bukan JSON Schema yang sah: ${error.message ?? error.keyword}.`, en: `Not valid JSON Schema: ${error.message ?? error.keyword}.` },
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  try {
    ajv.compile(schema);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const keyword = /keyword:? "([^"]+)"/.exec(reason)?.[1];
    problems.push({
      pointer: keyword ? pointerOfKey(schema, keyword) ?? '' : '',
      message: { id: `Skema tidak dapat dikompilasi (mode ketat): ${reason}`, en: `The schema does not compile in strict mode: ${reason}` },
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true };
}

function fail(pointer: string, message: LocalizedText): { ok: false; problems: SchemaProblem[] } {
  return { ok: false, problems: [{ pointer, message }] };
}

function walk(node: unknown, pointer: string, depth: number, problems: SchemaProblem[]): void {
  if (depth > MAX_SCHEMA_DEPTH) {
    problems.push({ pointer, message: { id: `Skema terlalu dalam (lebih dari ${MAX_SCHEMA_DEPTH} tingkat).`, en: `The schema is nested too deeply (more than ${MAX_SCHEMA_DEPTH} levels).` } });
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, `${pointer}/${i}`, depth + 1, problems));
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    const here = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) {
      problems.push({ pointer: here, message: { id: `Rujukan ke luar skema tidak diizinkan: "${value}".`, en: `References outside the schema are not allowed: "${value}".` } });
      continue;
    }
    walk(value, here, depth + 1, problems);
  }
}

/** The pointer of the first object key named `name`, to point at an unknown keyword. */
function pointerOfKey(node: unknown, name: string, pointer = ''): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  for (const [key, value] of Object.entries(node)) {
    const here = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    if (key === name) return here;
    const inner = pointerOfKey(value, name, here);
    if (inner) return inner;
  }
  return undefined;
}
