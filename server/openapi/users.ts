import { MAX_LOGINS } from '../use-cases/user-names';
import { jsonResponse, responseRef, schemaRef } from './refs';
import type { OpenApiArea } from './types';

/** /api/users: what every signed-in user may read about other users. */
export const usersArea: OpenApiArea = {
  tags: [{ name: 'users', description: 'Names of the people behind logins, for pages that show who started, holds or decided a case.' }],
  paths: {
    '/api/users/names': {
      get: {
        operationId: 'getUserNames',
        summary: 'The display names of some logins, in one request',
        description: 'Any signed-in user. Answers only the login, the display name and what kind of account it is; never an e-mail '
          + 'address, an NIP, roles or units. Inactive users keep their names; logins nobody holds are left out of `items`. '
          + '`publik` (the citizens\' stand-in of the feedback portal) is `public`; `system` (the author of built-in definitions and forms) is `system`.',
        tags: ['users'],
        parameters: [{
          name: 'login', in: 'query', required: true, style: 'form', explode: true,
          description: `The logins, the parameter repeated (login=a&login=b): 1–${MAX_LOGINS} of them, each 1–100 characters; duplicates count once.`,
          schema: { type: 'array', minItems: 1, maxItems: MAX_LOGINS, items: { type: 'string', minLength: 1, maxLength: 100 } },
        }],
        responses: {
          200: jsonResponse('The names found, in the order asked.', {
            type: 'object', required: ['items'], properties: { items: { type: 'array', items: schemaRef('UserName') } },
          }),
          400: responseRef('BadRequest'),
          401: responseRef('Unauthenticated'),
        },
      },
    },
  },
  schemas: {
    UserName: {
      type: 'object',
      additionalProperties: false,
      required: ['login', 'displayName', 'kind'],
      properties: {
        login: { type: 'string' },
        displayName: { type: 'string', examples: ['dr. Siti Rahayu, M.Kes.'] },
        kind: {
          type: 'string', enum: ['person', 'public', 'system'],
          description: 'person: someone who signs in; public: the citizens\' stand-in; system: Alur itself. Clients may show their own label for the last two.',
        },
      },
    },
  },
};
