import { feedbackRatingForm, feedbackReportForm, SKM_ELEMENTS } from '../../forms/defaults/feedback-forms';
import { FEEDBACK_STATUSES } from '../../db/entities/feedback-ticket';
import { jsonBody, jsonResponse, nullable, parameterRef, PUBLIC, responseRef, schemaRef } from './refs';
import type { JsonObject, OpenApiArea } from './types';

const localized: JsonObject = { type: 'object', required: ['id', 'en'], properties: { id: { type: 'string' }, en: { type: 'string' } } };
const coded: JsonObject = { type: 'object', required: ['code', 'label'], properties: { code: { type: 'string' }, label: localized } };
const error = (description: string) => jsonResponse(description, schemaRef('ErrorBody'));
const codeParameter: JsonObject = {
  name: 'code', in: 'path', required: true, description: 'The tracking code (12 characters; lower case, spaces and hyphens are accepted).',
  schema: { type: 'string', maxLength: 40 },
};
const formInvalid = error('FORM_INVALID: `details.fields` (field → messages), `details.errorSchema` and `details.errors`, as every form submission.');
const tooMany = (code: string) => error(`${code}: too many requests from this client address; see the RateLimit headers.`);

/** A default form's schema as plain JSON Schema: without the UI's `enumNames`, which strict JSON Schema does not know. */
function formSchema(schema: unknown): JsonObject {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'enumNames').map(([key, inner]) => [key, strip(inner)]));
  };
  return strip(schema) as JsonObject;
}

const skmScores: JsonObject = { type: 'object', required: [...SKM_ELEMENTS], properties: Object.fromEntries(SKM_ELEMENTS.map((e) => [e, { type: 'number' }])) };
const satisfaction: JsonObject = {
  type: 'object',
  required: ['ratings', 'elements', 'index', 'ikm', 'grade', 'performance'],
  properties: {
    ratings: { type: 'integer' },
    elements: { ...skmScores, description: 'Mean score of each SKM element (NRR), 1–4.' },
    index: { type: 'number', description: 'Mean of the element means, 1–4.' },
    ikm: { type: 'number', minimum: 25, maximum: 100, description: 'The index × 25 (IKM as reported).' },
    grade: { type: 'string', enum: ['A', 'B', 'C', 'D'] },
    performance: localized,
  },
};

/** Public feedback (process 4): the citizen's routes without an account, and the satisfaction index. */
export const feedbackArea: OpenApiArea = {
  tags: [{ name: 'feedback', description: 'Public feedback (pengaduan, aspirasi, permintaan informasi): report without an account, follow by tracking code, rate the answer (SKM).' }],
  paths: {
    '/api/public/feedback': {
      post: {
        operationId: 'submitFeedback',
        summary: 'Send a report without signing in; answers with the tracking code',
        description: 'Validated against the report form of the process (`pengaduan-masyarakat-laporan`). Anonymous reports keep no name or e-mail. '
          + 'At most 10 reports per client address per hour.',
        tags: ['feedback'],
        security: PUBLIC,
        parameters: [parameterRef('AcceptLanguage')],
        requestBody: jsonBody(schemaRef('FeedbackReport'), 'The report form\'s fields; `website`, hidden from people, must stay empty.'),
        responses: {
          201: jsonResponse('Received; keep the tracking code.', schemaRef('FeedbackReceipt')),
          400: responseRef('BadRequest'),
          422: formInvalid,
          429: tooMany('FEEDBACK_TOO_MANY_SUBMISSIONS'),
          503: error('FEEDBACK_NOT_RECEIVED: nothing was stored; send again later.'),
        },
      },
    },
    '/api/public/feedback/units': {
      get: {
        operationId: 'listFeedbackUnits',
        summary: 'The government offices (OPD) a report may be addressed to, by name',
        description: 'The children of the organisation tree\'s root, for the portal\'s picker; `unitId` of a report is one of these ids.',
        tags: ['feedback'],
        security: PUBLIC,
        responses: {
          200: jsonResponse('The OPDs, sorted by name.', schemaRef('FeedbackUnits')),
          429: tooMany('FEEDBACK_TOO_MANY_REQUESTS'),
        },
      },
    },
    '/api/public/feedback/{code}': {
      get: {
        operationId: 'getFeedbackStatus',
        summary: 'Where a report stands: stage, deadline, the published answer',
        description: 'Never the reporter\'s identity or anything internal; the report\'s text only when it is neither anonymous nor confidential.',
        tags: ['feedback'],
        security: PUBLIC,
        parameters: [codeParameter, parameterRef('AcceptLanguage')],
        responses: {
          200: jsonResponse('The status page.', schemaRef('FeedbackStatus')),
          404: error('FEEDBACK_NOT_FOUND: no report has this code.'),
          429: tooMany('FEEDBACK_TOO_MANY_REQUESTS'),
        },
      },
    },
    '/api/public/feedback/{code}/rating': {
      post: {
        operationId: 'rateFeedback',
        summary: 'Rate the published answer on the nine SKM elements (1–4 each); closes the report',
        tags: ['feedback'],
        security: PUBLIC,
        parameters: [codeParameter, parameterRef('AcceptLanguage')],
        requestBody: jsonBody(schemaRef('FeedbackRating')),
        responses: {
          200: jsonResponse('Rated; the status page after it.', schemaRef('FeedbackStatus')),
          404: error('FEEDBACK_NOT_FOUND'),
          409: error('FEEDBACK_NOT_ANSWERED, FEEDBACK_ALREADY_RATED or FEEDBACK_RATING_CLOSED.'),
          422: formInvalid,
          429: tooMany('FEEDBACK_TOO_MANY_REQUESTS'),
        },
      },
    },
    '/api/feedback/satisfaction': {
      get: {
        operationId: 'getFeedbackSatisfaction',
        summary: 'The satisfaction index (IKM, PermenPANRB 14/2017) of each OPD in a year',
        tags: ['feedback'],
        parameters: [{ name: 'year', in: 'query', required: false, description: 'Calendar year (WIB); this year when absent.', schema: { type: 'integer', minimum: 2000, maximum: 2100 } }],
        responses: {
          200: jsonResponse('Per OPD, and all OPDs together.', schemaRef('FeedbackSatisfaction')),
          401: responseRef('Unauthenticated'),
          422: responseRef('ValidationFailed'),
        },
      },
    },
  },
  schemas: {
    FeedbackReport: {
      ...formSchema(feedbackReportForm.schema),
      properties: { ...(formSchema(feedbackReportForm.schema).properties as JsonObject), website: { type: 'string', maxLength: 0 } },
    },
    FeedbackRating: formSchema(feedbackRatingForm.schema),
    FeedbackUnits: {
      type: 'object',
      required: ['items'],
      properties: {
        items: { type: 'array', items: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'integer' }, name: { type: 'string' } } } },
      },
    },
    FeedbackReceipt: {
      type: 'object',
      required: ['trackingCode', 'submittedAt', 'status', 'stage', 'statusUrl'],
      properties: {
        trackingCode: { type: 'string', pattern: '^[2-9A-HJKMNP-Z]{12}$' },
        submittedAt: { type: 'string', format: 'date-time' },
        status: { const: 'RECEIVED' },
        stage: localized,
        statusUrl: { type: 'string' },
      },
    },
    FeedbackStatus: {
      type: 'object',
      required: ['trackingCode', 'type', 'category', 'submittedAt', 'status', 'stage', 'since', 'dueAt', 'handlingUnit', 'resolution', 'note', 'message', 'answer', 'rating'],
      properties: {
        trackingCode: { type: 'string' },
        type: coded,
        category: coded,
        submittedAt: { type: 'string', format: 'date-time' },
        status: { type: 'string', enum: [...FEEDBACK_STATUSES] },
        stage: localized,
        since: { type: 'string', format: 'date-time' },
        dueAt: nullable({ type: 'string', format: 'date-time' }),
        handlingUnit: nullable({ type: 'object', required: ['id', 'name'], properties: { id: { type: 'integer' }, name: { type: 'string' } } }),
        resolution: nullable({
          type: 'object',
          required: ['category', 'label', 'workingDays'],
          properties: { category: { type: 'string' }, label: localized, workingDays: nullable({ type: 'integer' }) },
        }),
        note: nullable({ type: 'string' }),
        message: nullable({ type: 'string' }),
        answer: nullable({ type: 'object', required: ['text', 'answeredAt'], properties: { text: { type: 'string' }, answeredAt: { type: 'string', format: 'date-time' } } }),
        rating: { type: 'object', required: ['open', 'ratedAt'], properties: { open: { type: 'boolean' }, ratedAt: nullable({ type: 'string', format: 'date-time' }) } },
      },
    },
    FeedbackSatisfaction: {
      type: 'object',
      required: ['year', 'units', 'overall'],
      properties: {
        year: { type: 'integer' },
        units: {
          type: 'array',
          items: {
            allOf: [
              satisfaction,
              {
                type: 'object',
                required: ['unit'],
                properties: { unit: nullable({ type: 'object', required: ['id', 'code', 'name'], properties: { id: { type: 'integer' }, code: { type: 'string' }, name: { type: 'string' } } }) },
              },
            ],
          },
        },
        overall: nullable(satisfaction),
      },
    },
  },
};
