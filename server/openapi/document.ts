import { adminArea } from './admin';
import { attachmentsArea } from './attachments';
import { authArea } from './auth';
import { casesArea } from './cases';
import { commonArea } from './common';
import { dashboardArea } from './dashboard';
import { feedbackArea } from './feedback';
import { formsArea } from './forms';
import { healthArea } from './health';
import { notificationsArea } from './notifications';
import { registryArea } from './registry';
import { rotationArea } from './rotation';
import { trainingArea } from './training';
import { usersArea } from './users';
import type { JsonObject, OpenApiArea, PathItem } from './types';

/** The areas of the API, each in its own file contributing paths and components. */
const AREAS: readonly OpenApiArea[] = [commonArea, healthArea, authArea, registryArea, casesArea, feedbackArea, trainingArea,
  formsArea, attachmentsArea, notificationsArea, rotationArea, dashboardArea, adminArea, usersArea];

const COMPONENT_KINDS = ['schemas', 'responses', 'parameters', 'securitySchemes'] as const;

/** The OpenAPI 3.1 document served at /api/openapi.json. */
export function openApiDocument(areas: readonly OpenApiArea[] = AREAS): JsonObject {
  const paths: Record<string, PathItem> = {};
  const components: Record<(typeof COMPONENT_KINDS)[number], Record<string, JsonObject>> = {
    schemas: {}, responses: {}, parameters: {}, securitySchemes: {},
  };
  for (const area of areas) {
    for (const [path, item] of Object.entries(area.paths ?? {})) {
      if (paths[path]) throw new Error(`OpenAPI: the path ${path} is described twice`);
      paths[path] = item;
    }
    for (const kind of COMPONENT_KINDS) {
      for (const [name, value] of Object.entries(area[kind] ?? {})) {
        if (components[kind][name]) throw new Error(`OpenAPI: components.${kind}.${name} is described twice`);
        components[kind][name] = value;
      }
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Alur API',
      version: '0.1.0',
      description: 'Durable approval workflows for the ASN HR work of a pemerintah daerah. JSON over HTTP; errors are '
        + '`{ "error": { "code", "message", "details" } }` with messages in Bahasa Indonesia or English (Accept-Language); '
        + 'lists are paginated by cursor.',
    },
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    servers: [{ url: '/' }],
    // Signed in by default; public operations say `security: []`.
    security: [{ sessionCookie: [] }],
    tags: areas.flatMap((area) => area.tags ?? []),
    paths,
    components,
  };
}
