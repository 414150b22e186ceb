/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1) or any other OpenAPI object, as plain data. */
export type JsonObject = { [key: string]: unknown };

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  /** Overrides the document's default (the session cookie); `[]` for public operations. */
  security?: Array<Record<string, string[]>>;
  parameters?: JsonObject[];
  requestBody?: JsonObject;
  responses: Record<string, JsonObject>;
}

export type PathItem = Partial<Record<HttpMethod, Operation>>;

/** What one area of the API (health, auth, registry, cases, …) contributes to the document. */
export interface OpenApiArea {
  tags?: Array<{ name: string; description: string }>;
  paths?: Record<string, PathItem>;
  schemas?: Record<string, JsonObject>;
  responses?: Record<string, JsonObject>;
  parameters?: Record<string, JsonObject>;
  securitySchemes?: Record<string, JsonObject>;
}
