import { ROLES } from '../../db';
import { COOKIE_WRITE_SECURITY, jsonBody, jsonResponse, parameterRef, PUBLIC, responseRef, schemaRef } from './refs';
import type { OpenApiArea } from './types';

export const authArea: OpenApiArea = {
  tags: [{ name: 'auth', description: 'Signing in and out. A session is a cookie; writes also need the CSRF header.' }],
  paths: {
    '/api/auth/login': {
      post: {
        operationId: 'login',
        summary: 'Sign in; sets the session cookie and returns the CSRF token',
        description: 'A wrong password and an unknown login get the same 401 answer. Attempts are limited per client address and login (by default 10 per 15 minutes); beyond that, 429 with Retry-After.',
        tags: ['auth'],
        security: PUBLIC,
        parameters: [parameterRef('AcceptLanguage')],
        requestBody: jsonBody({
          type: 'object',
          required: ['login', 'password'],
          properties: { login: { type: 'string', minLength: 1 }, password: { type: 'string', minLength: 1 } },
        }),
        responses: {
          200: jsonResponse('Signed in.', schemaRef('Session'), {
            'Set-Cookie': { description: 'alur_session=…; Path=/; HttpOnly; SameSite=Lax', schema: { type: 'string' } },
          }),
          400: responseRef('BadRequest'),
          401: jsonResponse('INVALID_CREDENTIALS: unknown login or wrong password (one message for both).', schemaRef('ErrorBody')),
          422: responseRef('ValidationFailed'),
          429: jsonResponse('TOO_MANY_ATTEMPTS.', schemaRef('ErrorBody'), {
            'Retry-After': { description: 'Seconds until another attempt is allowed.', schema: { type: 'integer' } },
          }),
        },
      },
    },
    '/api/auth/logout': {
      post: {
        operationId: 'logout',
        summary: 'Sign out; the session ends on the server, not only in the browser',
        tags: ['auth'],
        security: COOKIE_WRITE_SECURITY,
        responses: {
          204: { description: 'Signed out; the cookie is cleared.' },
          401: responseRef('Unauthenticated'),
          403: responseRef('Forbidden'),
        },
      },
    },
    '/api/auth/me': {
      get: {
        operationId: 'getCurrentUser',
        summary: 'The signed-in user and the session\'s CSRF token',
        tags: ['auth'],
        responses: { 200: jsonResponse('The session.', schemaRef('Session')), 401: responseRef('Unauthenticated') },
      },
    },
  },
  schemas: {
    User: {
      type: 'object',
      required: ['id', 'login', 'displayName', 'roles', 'unitScopeId', 'employeeId', 'language'],
      properties: {
        id: { type: 'integer' },
        login: { type: 'string' },
        displayName: { type: 'string' },
        roles: { type: 'array', items: { type: 'string', enum: [...ROLES] } },
        unitScopeId: { type: ['integer', 'null'], description: 'The unit (and sub-units) that kepala_opd and feedback_admin are limited to.' },
        employeeId: { type: ['integer', 'null'] },
        language: { type: 'string', enum: ['id', 'en'] },
      },
    },
    Session: {
      type: 'object',
      required: ['user', 'csrfToken'],
      properties: {
        user: schemaRef('User'),
        csrfToken: { type: 'string', description: 'Send as X-CSRF-Token on every write.' },
      },
    },
  },
};
