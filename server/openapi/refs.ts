import type { JsonObject } from './types';

export const schemaRef = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });
export const responseRef = (name: string): JsonObject => ({ $ref: `#/components/responses/${name}` });
export const parameterRef = (name: string): JsonObject => ({ $ref: `#/components/parameters/${name}` });

/** A schema that may also be null (OpenAPI 3.1 has no `nullable`). */
export const nullable = (schema: JsonObject): JsonObject => ({ anyOf: [schema, { type: 'null' }] });

export function jsonResponse(description: string, schema: JsonObject, headers?: JsonObject): JsonObject {
  return { description, ...(headers ? { headers } : {}), content: { 'application/json': { schema } } };
}

export function jsonBody(schema: JsonObject, description?: string): JsonObject {
  return { required: true, ...(description ? { description } : {}), content: { 'application/json': { schema } } };
}

/** Security of a cookie-authenticated write: the session cookie and the CSRF header together. */
export const COOKIE_WRITE_SECURITY = [{ sessionCookie: [], csrfToken: [] }];
export const PUBLIC = [];

export const DATE: JsonObject = { type: 'string', format: 'date', examples: ['2026-11-23'] };
