import { COOKIE_WRITE_SECURITY, jsonBody, jsonResponse, nullable, parameterRef, responseRef, schemaRef } from './refs';
import type { JsonObject, OpenApiArea } from './types';

const localized: JsonObject = { type: 'object', required: ['id', 'en'], properties: { id: { type: 'string' }, en: { type: 'string' } } };
const refusal = (description: string): JsonObject => jsonResponse(description, schemaRef('ErrorBody'));
const idempotencyKey: JsonObject = {
  name: 'Idempotency-Key', in: 'header', required: false,
  description: 'The client\'s key for this request (1–200 of letters, digits, ".", ":", "_", "-"). A repeated request with the same key is applied once and gets the first answer.',
  schema: { type: 'string', pattern: '^[\\w.:-]{1,200}$' },
};
const caseId: JsonObject = { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'The case id (its Temporal workflow id).' };
const processKey: JsonObject = { name: 'key', in: 'path', required: true, schema: { type: 'string' }, description: 'The process key, e.g. `rotasi-jabatan`.' };
const location = (description: string): JsonObject => ({ Location: { description, schema: { type: 'string' } } });

const ACTION_BODIES: Record<string, JsonObject> = {
  approve: { required: ['stepId'], properties: { stepId: { type: 'string' }, comment: { type: 'string', maxLength: 4000 }, data: { type: 'object', description: 'The step\'s form data.' } } },
  reject: { required: ['stepId'], properties: { stepId: { type: 'string' }, comment: { type: 'string', maxLength: 4000 } } },
  return: { required: ['stepId', 'to', 'comment'], properties: { stepId: { type: 'string' }, to: { type: 'string', description: '"initiator" or an earlier step id from current.returnTargets.' }, comment: { type: 'string', maxLength: 4000 } } },
  delegate: { required: ['stepId', 'to'], properties: { stepId: { type: 'string' }, to: { type: 'string', description: 'Login of an active user.' }, comment: { type: 'string' } } },
  reassign: { required: ['stepId', 'from', 'to'], properties: { stepId: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, comment: { type: 'string' } } },
  comment: { required: ['comment'], properties: { comment: { type: 'string', maxLength: 4000 } } },
  withdraw: { properties: { comment: { type: 'string', maxLength: 4000 } } },
  resubmit: { required: ['data'], properties: { data: { type: 'object' }, comment: { type: 'string' } } },
  'extend-wait': { required: ['stepId', 'until'], properties: { stepId: { type: 'string' }, until: { type: 'string', format: 'date-time' }, comment: { type: 'string' } } },
  'end-wait': { required: ['stepId'], properties: { stepId: { type: 'string' }, comment: { type: 'string' } } },
};

/** Processes, cases, the inbox and the human actions on a case. */
export const casesArea: OpenApiArea = {
  tags: [
    { name: 'processes', description: 'Versioned process definitions; publishing makes a new version, running cases keep theirs.' },
    { name: 'cases', description: 'Cases (one durable workflow each), their timelines, and the actions people take on them.' },
    { name: 'tasks', description: 'The signed-in user\'s inbox.' },
  ],
  paths: {
    '/api/processes': {
      get: {
        operationId: 'listProcesses', summary: 'Every process in its newest version, and whether I may start it', tags: ['processes'],
        responses: {
          200: jsonResponse('The processes.', { type: 'object', required: ['items'], properties: { items: { type: 'array', items: schemaRef('ProcessSummary') } } }),
          401: responseRef('Unauthenticated'),
        },
      },
      post: {
        operationId: 'publishProcess', summary: 'Publish a new version of a process definition (administrators)', tags: ['processes'],
        security: COOKIE_WRITE_SECURITY,
        parameters: [
          {
            name: 'dryRun', in: 'query', required: false, schema: { type: 'string', enum: ['true', 'false'] },
            description: '`true`: only validate, publish nothing; 200 `{ ok: true }` or the same 422. Anything but true/false is 400.',
          },
        ],
        requestBody: jsonBody(
          { type: 'object', required: ['definition'], properties: { definition: schemaRef('ProcessDefinition'), changeNote: { type: 'string' } } },
          'The definition\'s own `version` is ignored: the new one is the next number of its key. A body without `definition` is taken as the definition itself.',
        ),
        responses: {
          200: jsonResponse('?dryRun=true: the definition is valid; nothing was published.', {
            type: 'object', required: ['ok'], additionalProperties: false, properties: { ok: { type: 'boolean', const: true } },
          }),
          201: jsonResponse('Published; the body is the definition with its new version.', schemaRef('ProcessDefinition'), location('/api/processes/{key}?version={version}')),
          400: responseRef('BadRequest'),
          401: responseRef('Unauthenticated'),
          403: responseRef('Forbidden'),
          422: refusal('DEFINITION_INVALID: `details.problems` lists each problem with a JSON pointer, the step and a message in both languages.'),
        },
      },
    },
    '/api/processes/{key}': {
      get: {
        operationId: 'getProcess', summary: 'A process definition: the newest published version, or ?version=N', tags: ['processes'],
        parameters: [
          processKey,
          { name: 'version', in: 'query', required: false, schema: { type: 'integer', minimum: 1 }, description: 'Anything but a whole number from 1 is 400 INVALID_VERSION.' },
        ],
        responses: {
          200: jsonResponse('The definition.', schemaRef('ProcessDefinition')),
          400: responseRef('BadRequest'),
          401: responseRef('Unauthenticated'),
          404: refusal('PROCESS_NOT_FOUND: no such key, or no such version of it.'),
        },
      },
    },
    '/api/processes/{key}/cases': {
      post: {
        operationId: 'startCase', summary: 'Start a case of a process as the signed-in user', tags: ['cases'],
        security: COOKIE_WRITE_SECURITY,
        parameters: [processKey, idempotencyKey, parameterRef('AcceptLanguage')],
        requestBody: jsonBody({
          type: 'object',
          properties: {
            title: { type: 'string', maxLength: 4000 },
            data: { type: 'object', description: 'The start form\'s data, validated against the form version the process names.' },
          },
        }),
        responses: {
          201: jsonResponse('Started; the case as it now stands.', schemaRef('CaseView'), location('/api/cases/{id}')),
          202: jsonResponse('Started, but the worker has not answered yet.', {
            type: 'object', required: ['id', 'status'], properties: { id: { type: 'string' }, status: { const: 'starting' } },
          }, location('/api/cases/{id}')),
          400: refusal('MALFORMED_JSON, BODY_REQUIRED (a body that is not an object) or INVALID_IDEMPOTENCY_KEY.'),
          401: responseRef('Unauthenticated'),
          403: refusal('NOT_A_STARTER: none of my roles may start this process; or CSRF_INVALID.'),
          404: refusal('PROCESS_NOT_FOUND.'),
          413: refusal('PAYLOAD_TOO_LARGE: the JSON body is over 1 MB.'),
          422: jsonResponse(
            'VALIDATION_FAILED: title is not text or data not an object (`details.fields`); FORM_INVALID: data does not fit the start form.',
            { anyOf: [schemaRef('ValidationErrorBody'), schemaRef('FormInvalidBody')] },
          ),
          503: refusal('TEMPORAL_UNAVAILABLE: the case could not be started; retry after the Retry-After seconds.'),
        },
      },
    },
    '/api/cases': {
      get: {
        operationId: 'listCases', summary: 'Cases I started (scope=mine) or am involved in (default), newest first', tags: ['cases'],
        parameters: [
          { name: 'scope', in: 'query', required: false, schema: { type: 'string', enum: ['mine', 'involved'], default: 'involved' } },
          { name: 'status', in: 'query', required: false, schema: { type: 'string', enum: ['open', 'approved', 'rejected', 'withdrawn', 'expired'] } },
          parameterRef('Limit'), parameterRef('Cursor'),
        ],
        responses: {
          200: jsonResponse('A page.', { type: 'object', required: ['items', 'nextCursor'], properties: { items: { type: 'array', items: schemaRef('CaseSummary') }, nextCursor: nullable({ type: 'string' }) } }),
          400: responseRef('BadRequest'),
          401: responseRef('Unauthenticated'),
        },
      },
    },
    '/api/cases/{id}': {
      get: {
        operationId: 'getCase', summary: 'A case: its state, its whole timeline, and the actions I may take now', tags: ['cases'],
        parameters: [caseId],
        responses: {
          200: jsonResponse('The case. Header X-Alur-Source is "projection" when the worker did not answer and the view may lag.', schemaRef('CaseDetail')),
          401: responseRef('Unauthenticated'),
          403: refusal('CASE_FORBIDDEN: I neither started it nor hold or held a task on it.'),
          404: refusal('CASE_NOT_FOUND.'),
          503: refusal('TEMPORAL_UNAVAILABLE or WORKER_UNAVAILABLE; retry after the Retry-After seconds.'),
        },
      },
    },
    '/api/cases/{id}/actions/{action}': {
      post: {
        operationId: 'actOnCase', summary: 'Take an action on a case (a Temporal Update; validated before anything is recorded)', tags: ['cases'],
        security: COOKIE_WRITE_SECURITY,
        description: `Bodies per action:\n${Object.entries(ACTION_BODIES).map(([a, b]) => `- ${a}: ${JSON.stringify((b.required as string[] | undefined) ?? [])} required`).join('\n')}`,
        parameters: [caseId, { name: 'action', in: 'path', required: true, schema: { type: 'string', enum: Object.keys(ACTION_BODIES) } }, idempotencyKey],
        requestBody: jsonBody({ oneOf: Object.values(ACTION_BODIES).map((b) => ({ type: 'object', ...b })) }),
        responses: {
          200: jsonResponse('Accepted; the case after the action.', { type: 'object', required: ['case'], properties: { case: schemaRef('CaseView') } }),
          400: responseRef('BadRequest'),
          401: responseRef('Unauthenticated'),
          403: refusal('NOT_ASSIGNEE, SELF_APPROVAL_NOT_ALLOWED, NOT_ALLOWED, CASE_FORBIDDEN or CSRF_INVALID.'),
          404: refusal('CASE_NOT_FOUND or UNKNOWN_ACTION.'),
          409: refusal('STEP_NOT_CURRENT, ALREADY_DECIDED or CASE_CLOSED: reload the case.'),
          422: refusal('VALIDATION_FAILED (details.fields), FORM_INVALID or INVALID_DECISION.'),
          503: refusal('TEMPORAL_UNAVAILABLE.'),
        },
      },
    },
    '/api/tasks': {
      get: {
        operationId: 'listTasks', summary: 'My open tasks, newest first', tags: ['tasks'],
        parameters: [{ name: 'process', in: 'query', required: false, schema: { type: 'string' } }, parameterRef('Limit'), parameterRef('Cursor')],
        responses: {
          200: jsonResponse('A page of the inbox.', { type: 'object', required: ['items', 'nextCursor'], properties: { items: { type: 'array', items: schemaRef('Task') }, nextCursor: nullable({ type: 'string' }) } }),
          400: responseRef('BadRequest'),
          401: responseRef('Unauthenticated'),
        },
      },
    },
    '/api/tasks/counts': {
      get: {
        operationId: 'countTasks', summary: 'How many open tasks I have, per process', tags: ['tasks'],
        responses: {
          200: jsonResponse('Counts.', { type: 'object', required: ['total', 'byProcess'], properties: { total: { type: 'integer' }, byProcess: { type: 'object', additionalProperties: { type: 'integer' } } } }),
          401: responseRef('Unauthenticated'),
        },
      },
    },
  },
  schemas: {
    ProcessSummary: {
      type: 'object', required: ['key', 'version', 'name', 'canStart'],
      properties: { key: { type: 'string' }, version: { type: 'integer' }, name: localized, description: localized, canStart: { type: 'boolean' } },
    },
    ProcessDefinition: {
      type: 'object', required: ['key', 'version', 'name', 'starters', 'firstStep', 'steps'],
      description: 'See processes/model.ts; validated on publish (unknown or unreachable steps, cycles without an exit, bad JSON Logic, … are refused).',
      properties: {
        key: { type: 'string' }, version: { type: 'integer' }, name: localized, description: localized,
        starters: { type: 'array', items: { type: 'string' } }, firstStep: { type: 'string' },
        steps: { type: 'array', items: { type: 'object', required: ['id', 'kind', 'name'], properties: { id: { type: 'string' }, kind: { type: 'string', enum: ['approval', 'task', 'branch', 'effect', 'wait', 'end'] }, name: localized } } },
      },
    },
    CaseSummary: {
      type: 'object', required: ['id', 'process', 'title', 'status'],
      properties: {
        id: { type: 'string' }, process: { type: 'string' }, title: { type: 'string' }, status: { type: 'string' },
        currentStep: nullable({ type: 'string' }), initiator: nullable({ type: 'string' }),
        createdAt: { type: 'string', format: 'date-time' }, updatedAt: { type: 'string', format: 'date-time' },
      },
    },
    CaseView: {
      type: 'object', required: ['id', 'process', 'title', 'status', 'initiator', 'data', 'current', 'events'],
      properties: {
        id: { type: 'string' },
        process: { type: 'object', properties: { key: { type: 'string' }, version: { type: 'integer' }, name: localized } },
        title: { type: 'string' },
        status: { type: 'string', enum: ['open', 'approved', 'rejected', 'withdrawn', 'expired'] },
        initiator: { type: 'object', properties: { userId: { type: 'string' }, unitId: nullable({ type: 'string' }) } },
        data: { type: 'object' },
        stepData: { type: 'object', additionalProperties: { type: 'object' } },
        current: nullable({
          type: 'object',
          properties: {
            stepId: { type: 'string' }, kind: { type: 'string' }, name: localized, visit: { type: 'integer' },
            assignees: { type: 'array', items: { type: 'object', properties: { userId: { type: 'string' }, substituteFor: { type: 'string' }, delegatedBy: { type: 'string' } } } },
            decisions: { type: 'array', items: { type: 'object', properties: { userId: { type: 'string' }, outcome: { type: 'string' }, comment: { type: 'string' }, at: { type: 'string' } } } },
            deadline: { type: 'string', format: 'date-time' }, waitUntil: { type: 'string', format: 'date-time' },
            returnTargets: { type: 'array', items: { type: 'string' } },
          },
        }),
        events: { type: 'array', items: schemaRef('CaseEvent') },
        actions: { type: 'array', items: { type: 'string' } },
      },
    },
    CaseDetail: {
      allOf: [schemaRef('CaseView'), {
        type: 'object', required: ['timeline', 'actions'],
        properties: { timeline: { type: 'array', items: schemaRef('CaseEvent') }, actions: { type: 'array', items: { type: 'string', enum: Object.keys(ACTION_BODIES) } } },
      }],
    },
    CaseEvent: {
      type: 'object', required: ['seq', 'type', 'occurredAt'],
      properties: {
        seq: { type: 'integer' }, type: { type: 'string' }, stepId: nullable({ type: 'string' }), actor: nullable({ type: 'string' }),
        outcome: nullable({ type: 'string' }), comment: nullable({ type: 'string' }), details: nullable({ type: 'object' }),
        occurredAt: { type: 'string', format: 'date-time' },
      },
    },
    Task: {
      type: 'object', required: ['id', 'caseId', 'process', 'stepId'],
      properties: {
        id: { type: 'string' }, caseId: { type: 'string' }, process: { type: 'string' }, title: nullable({ type: 'string' }),
        stepId: { type: 'string' }, substituteFor: nullable({ type: 'string' }),
        createdAt: { type: 'string', format: 'date-time' }, dueAt: nullable({ type: 'string', format: 'date-time' }),
      },
    },
  },
};
