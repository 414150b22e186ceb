import { SESSION_COOKIE } from '../auth/sessions';
import { messages } from '../messages';
import { jsonResponse, schemaRef } from './refs';
import type { OpenApiArea } from './types';

/** What every area shares: the error body, the standard error answers, paging, and the security schemes. */
export const commonArea: OpenApiArea = {
  securitySchemes: {
    sessionCookie: {
      type: 'apiKey',
      in: 'cookie',
      name: SESSION_COOKIE,
      description: 'Set by POST /api/auth/login (HttpOnly, SameSite=Lax). Lives 10 hours; POST /api/auth/logout ends it.',
    },
    csrfToken: {
      type: 'apiKey',
      in: 'header',
      name: 'X-CSRF-Token',
      description: 'Every cookie-authenticated write (POST, PUT, PATCH, DELETE) must echo the csrfToken that login and /api/auth/me return; otherwise 403 CSRF_INVALID.',
    },
  },
  schemas: {
    ErrorBody: {
      type: 'object',
      description: 'Every error answer. `message` is in the language of Accept-Language (Bahasa Indonesia unless English is preferred).',
      required: ['error'],
      properties: {
        error: {
          type: 'object',
          required: ['code', 'message'],
          properties: {
            code: { type: 'string', enum: Object.keys(messages), description: 'Stable, for programs; the catalogue is server/messages.ts.' },
            message: { type: 'string', description: 'For people.' },
            details: { type: 'object', description: 'Machine-readable specifics; for VALIDATION_FAILED, `fields`.' },
          },
        },
      },
    },
    ValidationErrorBody: {
      description: '422 VALIDATION_FAILED: field → messages, the shape react-jsonschema-form shows next to each field.',
      allOf: [
        schemaRef('ErrorBody'),
        {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['details'],
              properties: {
                code: { const: 'VALIDATION_FAILED' },
                details: {
                  type: 'object',
                  required: ['fields'],
                  properties: { fields: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } } },
                },
              },
            },
          },
        },
      ],
    },
  },
  responses: {
    BadRequest: jsonResponse('Malformed request: bad JSON, a bad parameter (INVALID_ID, INVALID_LIMIT, INVALID_CURSOR, …).', schemaRef('ErrorBody')),
    Unauthenticated: jsonResponse('UNAUTHENTICATED: no valid session cookie.', schemaRef('ErrorBody')),
    Forbidden: jsonResponse('FORBIDDEN (the role or unit scope does not allow it) or CSRF_INVALID (a write without the X-CSRF-Token header).', schemaRef('ErrorBody')),
    NotFound: jsonResponse('The resource does not exist.', schemaRef('ErrorBody')),
    ValidationFailed: jsonResponse('VALIDATION_FAILED: see `details.fields`.', schemaRef('ValidationErrorBody')),
  },
  parameters: {
    Limit: {
      name: 'limit', in: 'query', required: false, description: 'Page size, 1–100.',
      schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    },
    Cursor: {
      name: 'cursor', in: 'query', required: false, description: 'The `nextCursor` of the previous page (opaque, base64url). Absent for the first page.',
      schema: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' },
    },
    AcceptLanguage: {
      name: 'Accept-Language', in: 'header', required: false, description: 'Messages are in Bahasa Indonesia unless `en` is preferred.',
      schema: { type: 'string', examples: ['id', 'en'] },
    },
  },
};
