import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { JsonObject } from '../../server/openapi';

const SCHEMAS_ID = 'https://alur.invalid/openapi/schemas';

/** Every `$ref` in the document, with the JSON path where it occurs. */
export function refsOf(value: unknown, at = '#'): Array<{ ref: string; at: string }> {
  if (Array.isArray(value)) return value.flatMap((item, i) => refsOf(item, `${at}/${i}`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => (key === '$ref' && typeof child === 'string'
    ? [{ ref: child, at }]
    : refsOf(child, `${at}/${key}`)));
}

/** Follows a local reference (#/a/b) in the document; undefined when it leads nowhere. */
export function resolveRef(document: JsonObject, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref.slice(2).split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined), document);
}

/** The schema with its component references pointed at the ajv copy of components.schemas. */
function pointed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(pointed);
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key,
    key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')
      ? `${SCHEMAS_ID}#/$defs/${value.slice('#/components/schemas/'.length)}`
      : pointed(value)]));
}

/**
 * A strict JSON Schema 2020-12 validator (the dialect of OpenAPI 3.1) that knows the document's
 * component schemas: compiling each schema proves it is a valid schema, and validating real
 * answers proves the document describes them.
 */
export function openApiSchemas(document: JsonObject) {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  const components = (document.components ?? {}) as { schemas?: Record<string, unknown>; responses?: Record<string, unknown> };
  ajv.addSchema({ $id: SCHEMAS_ID, $defs: pointed(components.schemas ?? {}) });

  const compile = (schema: unknown): ValidateFunction => ajv.compile(pointed(schema) as object);

  /** The schema of an operation's answer with this status, following a components.responses reference. */
  const responseSchema = (method: string, path: string, status: number): unknown => {
    const paths = document.paths as Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    let response = paths[path]?.[method]?.responses?.[String(status)] as Record<string, unknown> | undefined;
    if (typeof response?.$ref === 'string') response = resolveRef(document, response.$ref) as Record<string, unknown> | undefined;
    if (!response) throw new Error(`the document has no ${status} answer for ${method.toUpperCase()} ${path}`);
    const content = response.content as Record<string, { schema?: unknown }> | undefined;
    return content?.['application/json']?.schema;
  };

  return {
    compile,
    compileComponent: (name: string) => ajv.getSchema(`${SCHEMAS_ID}#/$defs/${name}`),
    responseSchema,
    /** The validation errors of a real answer against the document ([] when it conforms). */
    problems(method: string, path: string, status: number, body: unknown): string[] {
      const schema = responseSchema(method, path, status);
      if (schema === undefined) return body === undefined || body === '' || (typeof body === 'object' && body !== null && Object.keys(body).length === 0) ? [] : ['the document describes no body'];
      const validate = compile(schema);
      return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
    },
  };
}
