import { CALENDAR_DAY_KINDS, ROLES } from '../../db';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../admin/users';
import { COOKIE_WRITE_SECURITY, DATE, jsonBody, jsonResponse, nullable, parameterRef, responseRef, schemaRef } from './refs';
import type { JsonObject, OpenApiArea, Operation } from './types';

const id: JsonObject = { type: 'integer', minimum: 1 };
const idPath = (description: string): JsonObject => ({ name: 'id', in: 'path', required: true, description, schema: id });
const instant: JsonObject = { type: 'string', format: 'date-time' };
const role: JsonObject = { type: 'string', enum: [...ROLES] };
const adminOnly = 'Administrators only (others: 403).';

const standard = {
  400: responseRef('BadRequest'),
  401: responseRef('Unauthenticated'),
  403: responseRef('Forbidden'),
};

/** An administrator's operation: tagged, signed in, every write with the CSRF header. */
function operation(op: Omit<Operation, 'tags'>, write = false, tag = 'admin'): Operation {
  return {
    ...op,
    tags: [tag],
    ...(write ? { security: COOKIE_WRITE_SECURITY } : {}),
    parameters: [...(op.parameters ?? []), parameterRef('AcceptLanguage')],
  };
}

const userWritable: Record<string, JsonObject> = {
  displayName: { type: 'string', minLength: 1, maxLength: 200 },
  roles: {
    type: 'array', items: role, uniqueItems: true,
    description: 'kepala_opd and feedback_admin need a unitScopeId. The last active administrator cannot lose the role.',
  },
  unitScopeId: { type: ['integer', 'null'], minimum: 1, description: 'The unit (and its sub-units) a unit-scoped role covers.' },
  employeeId: { type: ['integer', 'null'], minimum: 1, description: 'The registry employee this account belongs to (unit heads are found through it).' },
  language: { type: 'string', enum: ['id', 'en'] },
  email: { type: ['string', 'null'], maxLength: 200 },
  active: { type: 'boolean', description: 'false signs the user out everywhere. Nobody may deactivate themselves, nor the last active administrator.' },
};

const password: JsonObject = {
  type: 'string', minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH,
  description: `At least ${PASSWORD_MIN_LENGTH} characters, not the login; stored as an argon2id hash, never returned.`,
};

const absenceRange: Record<string, JsonObject> = {
  absenceStart: DATE,
  absenceEnd: { ...DATE, description: 'Not before absenceStart, not before today (WIB).' },
};

export const adminArea: OpenApiArea = {
  tags: [
    { name: 'admin', description: 'Administration: users and roles, absences and substitutes, the working-day calendar, election-freeze periods.' },
    { name: 'me', description: 'What every signed-in user sets for themselves: their absence and substitute.' },
  ],
  paths: {
    '/api/admin/users': {
      get: operation({
        operationId: 'listUsers',
        summary: 'Users by login, a page at a time',
        description: `${adminOnly} Never includes password hashes.`,
        parameters: [
          { name: 'search', in: 'query', required: false, schema: { type: 'string', maxLength: 100 }, description: 'Part of the login or display name (any case).' },
          { name: 'role', in: 'query', required: false, schema: role, description: 'Only holders of this role.' },
          { name: 'active', in: 'query', required: false, schema: { type: 'string', enum: ['true', 'false'] } },
          parameterRef('Cursor'),
          parameterRef('Limit'),
        ],
        responses: { 200: jsonResponse('A page of users.', schemaRef('AdminUserPage')), ...standard },
      }),
      post: operation({
        operationId: 'createUser',
        summary: 'Add a user with an initial password',
        description: `${adminOnly} 422 lists every field problem: login format or taken, password length, unknown roles, a unit-scoped role without a unit.`,
        requestBody: jsonBody(schemaRef('AdminUserInput')),
        responses: {
          201: jsonResponse('Created; Location names it.', schemaRef('AdminUser'), { Location: { description: '/api/admin/users/{id}', schema: { type: 'string' } } }),
          ...standard,
          422: responseRef('ValidationFailed'),
        },
      }, true),
    },
    '/api/admin/users/{id}': {
      get: operation({
        operationId: 'getUser',
        summary: 'One user',
        description: adminOnly,
        parameters: [idPath('User id.')],
        responses: { 200: jsonResponse('The user.', schemaRef('AdminUser')), ...standard, 404: jsonResponse('USER_NOT_FOUND.', schemaRef('ErrorBody')) },
      }),
      patch: operation({
        operationId: 'updateUser',
        summary: 'Change a user\'s name, roles, unit scope, employee, language, e-mail or active flag',
        description: `${adminOnly} Refused with 422: deactivating yourself, leaving no active administrator. 409 USER_IS_SYSTEM for Alur's own account.`,
        parameters: [idPath('User id.')],
        requestBody: jsonBody(schemaRef('AdminUserPatch')),
        responses: {
          200: jsonResponse('The user as saved.', schemaRef('AdminUser')),
          ...standard,
          404: jsonResponse('USER_NOT_FOUND.', schemaRef('ErrorBody')),
          409: jsonResponse('USER_IS_SYSTEM.', schemaRef('ErrorBody')),
          422: responseRef('ValidationFailed'),
        },
      }, true),
    },
    '/api/admin/users/{id}/password': {
      post: operation({
        operationId: 'resetUserPassword',
        summary: 'Set a new password; the user\'s other sessions end',
        description: adminOnly,
        parameters: [idPath('User id.')],
        requestBody: jsonBody({ type: 'object', additionalProperties: false, required: ['password'], properties: { password } }),
        responses: {
          204: { description: 'Set.' },
          ...standard,
          404: jsonResponse('USER_NOT_FOUND.', schemaRef('ErrorBody')),
          409: jsonResponse('USER_IS_SYSTEM.', schemaRef('ErrorBody')),
          422: responseRef('ValidationFailed'),
        },
      }, true),
    },
    '/api/admin/users/{id}/absence': {
      put: operation({
        operationId: 'setUserAbsence',
        summary: 'Record any user\'s absence and substitute',
        description: `${adminOnly} The same rules as PUT /api/me/absence.`,
        parameters: [idPath('User id.')],
        requestBody: jsonBody(schemaRef('AbsenceInput')),
        responses: {
          200: jsonResponse('The absence as saved.', schemaRef('AbsenceState')),
          ...standard,
          404: jsonResponse('USER_NOT_FOUND.', schemaRef('ErrorBody')),
          409: jsonResponse('USER_IS_SYSTEM.', schemaRef('ErrorBody')),
          422: responseRef('ValidationFailed'),
        },
      }, true),
      delete: operation({
        operationId: 'clearUserAbsence',
        summary: 'End any user\'s absence',
        description: adminOnly,
        parameters: [idPath('User id.')],
        responses: {
          200: jsonResponse('The user now present.', schemaRef('AbsenceState')),
          ...standard,
          404: jsonResponse('USER_NOT_FOUND.', schemaRef('ErrorBody')),
          409: jsonResponse('USER_IS_SYSTEM.', schemaRef('ErrorBody')),
        },
      }, true),
    },
    '/api/admin/calendar-days': {
      get: operation({
        operationId: 'listCalendarDays',
        summary: 'A year\'s working-day calendar: national holidays, cuti bersama, extra working days',
        description: `${adminOnly} Saturdays and Sundays are non-working days without being listed. The engine reads the calendar whenever it sets a deadline, so a change applies to the next deadline.`,
        parameters: [{ name: 'year', in: 'query', required: false, schema: { type: 'integer', minimum: 2000, maximum: 2100 }, description: 'This year (WIB) when absent.' }],
        responses: { 200: jsonResponse('The year.', schemaRef('CalendarYear')), ...standard },
      }),
      post: operation({
        operationId: 'createCalendarDay',
        summary: 'Add a holiday, a cuti bersama or an extra working day',
        description: `${adminOnly} One entry per date; a cuti bersama must be a weekday, an extra working day a Saturday or Sunday.`,
        requestBody: jsonBody(schemaRef('CalendarDayInput')),
        responses: {
          201: jsonResponse('Created; Location names it.', schemaRef('CalendarDay'), { Location: { description: '/api/admin/calendar-days/{id}', schema: { type: 'string' } } }),
          ...standard,
          422: responseRef('ValidationFailed'),
        },
      }, true),
    },
    '/api/admin/calendar-days/{id}': {
      patch: operation({
        operationId: 'updateCalendarDay',
        summary: 'Change a calendar day',
        description: adminOnly,
        parameters: [idPath('Calendar day id.')],
        requestBody: jsonBody(schemaRef('CalendarDayPatch')),
        responses: {
          200: jsonResponse('The day as saved.', schemaRef('CalendarDay')),
          ...standard,
          404: jsonResponse('CALENDAR_DAY_NOT_FOUND.', schemaRef('ErrorBody')),
          422: responseRef('ValidationFailed'),
        },
      }, true),
      delete: operation({
        operationId: 'deleteCalendarDay',
        summary: 'Remove a calendar day (the date becomes an ordinary day again)',
        description: adminOnly,
        parameters: [idPath('Calendar day id.')],
        responses: { 204: { description: 'Removed.' }, ...standard, 404: jsonResponse('CALENDAR_DAY_NOT_FOUND.', schemaRef('ErrorBody')) },
      }, true),
    },
    '/api/admin/election-freeze': {
      get: operation({
        operationId: 'listFreezePeriods',
        summary: 'Election-freeze periods (UU 10/2016 art. 71 and 162)',
        description: `${adminOnly} While there are none, the windows of ALUR_ELECTION_FREEZE apply; \`environment\` shows them as this server reads the variable.`,
        responses: { 200: jsonResponse('The periods.', schemaRef('FreezePeriodList')), ...standard },
      }),
      post: operation({
        operationId: 'createFreezePeriod',
        summary: 'Add an election-freeze period',
        description: `${adminOnly} start ≤ end, a reason with its legal basis, no overlap with another period. Rotation checks see it at once.`,
        requestBody: jsonBody(schemaRef('FreezePeriodInput')),
        responses: {
          201: jsonResponse('Created; Location names it.', schemaRef('FreezePeriod'), { Location: { description: '/api/admin/election-freeze/{id}', schema: { type: 'string' } } }),
          ...standard,
          422: responseRef('ValidationFailed'),
        },
      }, true),
    },
    '/api/admin/election-freeze/{id}': {
      patch: operation({
        operationId: 'updateFreezePeriod',
        summary: 'Change an election-freeze period',
        description: adminOnly,
        parameters: [idPath('Period id.')],
        requestBody: jsonBody(schemaRef('FreezePeriodPatch')),
        responses: {
          200: jsonResponse('The period as saved.', schemaRef('FreezePeriod')),
          ...standard,
          404: jsonResponse('FREEZE_PERIOD_NOT_FOUND.', schemaRef('ErrorBody')),
          422: responseRef('ValidationFailed'),
        },
      }, true),
      delete: operation({
        operationId: 'deleteFreezePeriod',
        summary: 'Remove an election-freeze period',
        description: adminOnly,
        parameters: [idPath('Period id.')],
        responses: { 204: { description: 'Removed.' }, ...standard, 404: jsonResponse('FREEZE_PERIOD_NOT_FOUND.', schemaRef('ErrorBody')) },
      }, true),
    },
    '/api/me/absence': {
      get: operation({
        operationId: 'getMyAbsence',
        summary: 'My absence (unless it has ended), and whom I stand in for',
        responses: { 200: jsonResponse('My absence.', schemaRef('AbsenceState')), 401: responseRef('Unauthenticated') },
      }, false, 'me'),
      put: operation({
        operationId: 'setMyAbsence',
        summary: 'Record my absence and substitute',
        description: 'While it lasts (both days included), new tasks go to the substitute. The substitute must be another active user, '
          + 'not absent on any of the same days; naming someone who has named me for those days (A → B → A) is refused.',
        requestBody: jsonBody(schemaRef('AbsenceInput')),
        responses: {
          200: jsonResponse('My absence as saved.', schemaRef('AbsenceState')),
          400: responseRef('BadRequest'),
          401: responseRef('Unauthenticated'),
          403: responseRef('Forbidden'),
          422: responseRef('ValidationFailed'),
        },
      }, true, 'me'),
      delete: operation({
        operationId: 'clearMyAbsence',
        summary: 'End my absence',
        responses: { 200: jsonResponse('Present again.', schemaRef('AbsenceState')), 401: responseRef('Unauthenticated'), 403: responseRef('Forbidden') },
      }, true, 'me'),
    },
    '/api/me/substitute-candidates': {
      get: operation({
        operationId: 'listSubstituteCandidates',
        summary: 'Active users who could stand in, by name or login',
        parameters: [
          { name: 'search', in: 'query', required: false, schema: { type: 'string', maxLength: 100 }, description: 'Part of the login or display name.' },
          parameterRef('Limit'),
        ],
        responses: {
          200: jsonResponse('Up to `limit` users by name.', {
            type: 'object', required: ['items'], properties: { items: { type: 'array', items: schemaRef('SubstituteCandidate') } },
          }),
          400: responseRef('BadRequest'),
          401: responseRef('Unauthenticated'),
        },
      }, false, 'me'),
    },
  },
  schemas: {
    UserRef: {
      type: 'object', required: ['id', 'login', 'displayName'],
      properties: { id, login: { type: 'string' }, displayName: { type: 'string' } },
    },
    Absence: {
      type: 'object', required: ['start', 'end', 'substitute'],
      properties: { start: DATE, end: DATE, substitute: nullable(schemaRef('UserRef')) },
    },
    AdminUser: {
      type: 'object',
      required: ['id', 'login', 'displayName', 'roles', 'unitScope', 'employee', 'language', 'email', 'active', 'absence', 'system', 'updatedAt', 'updatedBy'],
      properties: {
        id,
        login: { type: 'string' },
        displayName: { type: 'string' },
        roles: { type: 'array', items: role },
        unitScope: nullable(schemaRef('Ref')),
        employee: nullable({ type: 'object', required: ['id', 'nip', 'name'], properties: { id, nip: { type: 'string' }, name: { type: 'string' } } }),
        language: { type: 'string', enum: ['id', 'en'] },
        email: { type: ['string', 'null'] },
        active: { type: 'boolean' },
        absence: nullable(schemaRef('Absence')),
        system: { type: 'boolean', description: 'Alur\'s own account (the public\'s stand-in for feedback): listed, never changed.' },
        updatedAt: nullable(instant),
        updatedBy: { type: ['string', 'null'], description: 'Login of whoever changed the account last.' },
      },
    },
    AdminUserPage: {
      type: 'object', required: ['items', 'nextCursor'],
      properties: {
        items: { type: 'array', items: schemaRef('AdminUser') },
        nextCursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page; null on the last page.' },
      },
    },
    AdminUserInput: {
      type: 'object', additionalProperties: false, required: ['login', 'displayName', 'password'],
      properties: {
        login: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{1,99}$' },
        password,
        ...userWritable,
      },
    },
    AdminUserPatch: { type: 'object', additionalProperties: false, properties: userWritable },
    AbsenceInput: {
      type: 'object', additionalProperties: false, required: ['absenceStart', 'absenceEnd', 'substituteUserId'],
      properties: { ...absenceRange, substituteUserId: { ...id, description: 'Another active user, not absent on the same days.' } },
    },
    AbsenceState: {
      type: 'object', required: ['user', 'absence', 'coveringFor'],
      properties: {
        user: schemaRef('UserRef'),
        absence: nullable(schemaRef('Absence')),
        coveringFor: {
          type: 'array', description: 'People whose absence has not ended and who name this user as their substitute.',
          items: { allOf: [schemaRef('UserRef')], type: 'object', required: ['start', 'end'], properties: { start: DATE, end: DATE } },
        },
      },
    },
    SubstituteCandidate: {
      allOf: [schemaRef('UserRef')],
      type: 'object', required: ['absence'],
      properties: {
        absence: nullable({ type: 'object', required: ['start', 'end'], properties: { start: DATE, end: DATE }, description: 'Their own absence, unless it has ended.' }),
      },
    },
    CalendarDay: {
      type: 'object', required: ['id', 'date', 'weekday', 'kind', 'nameId', 'nameEn', 'updatedAt', 'updatedBy'],
      properties: {
        id,
        date: DATE,
        weekday: { type: 'integer', minimum: 1, maximum: 7, description: 'ISO weekday: 1 Monday … 7 Sunday.' },
        kind: { type: 'string', enum: [...CALENDAR_DAY_KINDS] },
        nameId: { type: 'string' },
        nameEn: { type: 'string' },
        updatedAt: nullable(instant),
        updatedBy: { type: ['string', 'null'] },
      },
    },
    CalendarYear: {
      type: 'object', required: ['year', 'weekend', 'items'],
      properties: {
        year: { type: 'integer' },
        weekend: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 7 }, description: 'Non-working weekdays, never listed: 6 and 7.' },
        items: { type: 'array', items: schemaRef('CalendarDay') },
      },
    },
    CalendarDayInput: {
      type: 'object', additionalProperties: false, required: ['date', 'kind', 'nameId'],
      properties: {
        date: DATE,
        kind: { type: 'string', enum: [...CALENDAR_DAY_KINDS] },
        nameId: { type: 'string', minLength: 1, maxLength: 200 },
        nameEn: { type: 'string', minLength: 1, maxLength: 200, description: 'nameId when absent.' },
      },
    },
    CalendarDayPatch: {
      type: 'object', additionalProperties: false,
      properties: {
        date: DATE,
        kind: { type: 'string', enum: [...CALENDAR_DAY_KINDS] },
        nameId: { type: 'string', minLength: 1, maxLength: 200 },
        nameEn: { type: 'string', minLength: 1, maxLength: 200 },
      },
    },
    FreezePeriod: {
      type: 'object', required: ['id', 'start', 'end', 'reason', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy'],
      properties: {
        id, start: DATE, end: DATE, reason: { type: 'string' },
        createdAt: instant, createdBy: { type: 'string' }, updatedAt: instant, updatedBy: { type: 'string' },
      },
    },
    FreezePeriodList: {
      type: 'object', required: ['items', 'environment'],
      properties: {
        items: { type: 'array', items: schemaRef('FreezePeriod') },
        environment: {
          type: 'object', required: ['variable', 'windows', 'inUse', 'invalid'],
          properties: {
            variable: { type: 'string', const: 'ALUR_ELECTION_FREEZE' },
            windows: { type: 'array', items: { type: 'object', required: ['start', 'end'], properties: { start: DATE, end: DATE } } },
            inUse: { type: 'boolean', description: 'True while no period is stored and the variable names windows.' },
            invalid: { type: 'boolean', description: 'The variable is set but malformed.' },
          },
        },
      },
    },
    FreezePeriodInput: {
      type: 'object', additionalProperties: false, required: ['start', 'end', 'reason'],
      properties: {
        start: DATE,
        end: { ...DATE, description: 'Not before start; both days count.' },
        reason: { type: 'string', minLength: 10, maxLength: 2000, description: 'Why, and the legal basis.' },
      },
    },
    FreezePeriodPatch: {
      type: 'object', additionalProperties: false,
      properties: { start: DATE, end: DATE, reason: { type: 'string', minLength: 10, maxLength: 2000 } },
    },
  },
};
