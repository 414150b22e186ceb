import { jsonResponse, PUBLIC, schemaRef } from './refs';
import type { OpenApiArea } from './types';

const probe = {
  type: 'object',
  required: ['status'],
  properties: { status: { type: 'string', enum: ['up', 'down'] }, message: { type: 'string' } },
};

export const healthArea: OpenApiArea = {
  tags: [{ name: 'health', description: 'Liveness of the API and what it depends on; the API document itself.' }],
  paths: {
    '/api/health': {
      get: {
        operationId: 'getHealth',
        summary: 'Whether Temporal and the database both answer',
        tags: ['health'],
        security: PUBLIC,
        responses: {
          200: jsonResponse('Both answer.', schemaRef('Health')),
          503: jsonResponse('Temporal or the database does not answer; the body says which.', schemaRef('Health')),
        },
      },
    },
    '/api/openapi.json': {
      get: {
        operationId: 'getOpenApiDocument',
        summary: 'This OpenAPI 3.1 document',
        tags: ['health'],
        security: PUBLIC,
        responses: {
          200: jsonResponse('The document.', {
            type: 'object',
            required: ['openapi', 'info', 'paths'],
            properties: { openapi: { type: 'string', const: '3.1.0' }, info: { type: 'object' }, paths: { type: 'object' } },
          }),
        },
      },
    },
  },
  schemas: {
    Health: {
      type: 'object',
      required: ['status', 'temporal', 'database'],
      properties: {
        status: { type: 'string', enum: ['ok', 'unavailable'] },
        temporal: probe,
        database: { ...probe, required: ['status', 'driver'], properties: { ...probe.properties, driver: { type: 'string', enum: ['sqlite', 'postgresql'] } } },
      },
    },
  },
};
