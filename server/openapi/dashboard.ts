import { YEARLY_JP_RIGHT } from '../../activities/training-checks';
import { CYCLE_TIME_BUCKET_DAYS } from '../dashboard/case-aggregates';
import { MAX_PERIOD_DAYS } from '../dashboard/dashboard-period';
import { DATE, jsonResponse, nullable, parameterRef, responseRef, schemaRef } from './refs';
import type { JsonObject, OpenApiArea } from './types';

const count: JsonObject = { type: 'integer', minimum: 0 };
const seconds: JsonObject = { type: 'integer', minimum: 0 };
const localized: JsonObject = { type: 'object', required: ['id', 'en'], properties: { id: { type: 'string' }, en: { type: 'string' } } };
const histogram: JsonObject = {
  type: 'array', items: count, minItems: CYCLE_TIME_BUCKET_DAYS.length + 1, maxItems: CYCLE_TIME_BUCKET_DAYS.length + 1,
  description: 'How many durations fall in each bucket of `cycleTime.bucketDays`.',
};
const durationStats: JsonObject = {
  type: 'object',
  required: ['count', 'p50Seconds', 'p90Seconds', 'meanSeconds', 'histogram'],
  properties: {
    count: { type: 'integer', minimum: 1 },
    p50Seconds: { ...seconds, description: 'Median (nearest rank), in whole seconds of elapsed calendar time.' },
    p90Seconds: { ...seconds, description: '90th percentile (nearest rank), in whole seconds.' },
    meanSeconds: seconds,
    histogram,
  },
};
const percent: JsonObject = { type: 'number', minimum: 0, maximum: 100 };

/** /api/dashboard: the figures of issue 7 for the oversight roles and the heads of OPDs. */
export const dashboardArea: OpenApiArea = {
  tags: [{ name: 'dashboard', description: 'Oversight figures: open cases, deadline breaches, cycle times, 20-JP compliance, satisfaction index.' }],
  paths: {
    '/api/dashboard': {
      get: {
        operationId: 'getDashboard',
        summary: 'Open cases, deadline breaches, cycle times, 20-JP compliance and the satisfaction index, per process and OPD',
        description: 'For the registry-wide roles every unit; for a kepala OPD the cases, employees and ratings of their own unit and the units below it; '
          + 'every other role 403 FORBIDDEN. A case belongs to its subject unit when its process names one, else to the unit of the user who started it, '
          + 'and counts for the OPD (child of the root unit) above that unit. Open cases and overdue steps are counted now; escalations, '
          + 'silence decisions, cycle times and ratings within the period; the 20-JP compliance in the year the period ends in. '
          + 'Dates are calendar days in WIB; the default period is the year to date.',
        tags: ['dashboard'],
        parameters: [
          { name: 'from', in: 'query', required: false, description: 'First day of the period (WIB). Default: 1 January of the year of `to`.', schema: DATE },
          { name: 'to', in: 'query', required: false, description: `Last day of the period (WIB), inclusive. Default: today. At most ${MAX_PERIOD_DAYS} days after \`from\`.`, schema: DATE },
          parameterRef('AcceptLanguage'),
        ],
        responses: {
          200: jsonResponse('The dashboard.', schemaRef('Dashboard')),
          400: jsonResponse('DASHBOARD_INVALID_DATE (`details.parameter` names it), DASHBOARD_PERIOD_REVERSED or DASHBOARD_PERIOD_TOO_LONG.', schemaRef('ErrorBody')),
          401: responseRef('Unauthenticated'),
          403: responseRef('Forbidden'),
        },
      },
    },
  },
  schemas: {
    DashboardUnit: {
      type: 'object', required: ['id', 'code', 'name'],
      properties: { id: { type: 'integer' }, code: { type: 'string' }, name: { type: 'string' } },
    },
    DashboardCounts: {
      type: 'object',
      required: ['total', 'byProcess', 'byOpd'],
      properties: {
        total: count,
        byProcess: {
          type: 'array', description: 'Most first.',
          items: { type: 'object', required: ['process', 'name', 'count'], properties: { process: { type: 'string' }, name: localized, count: { type: 'integer', minimum: 1 } } },
        },
        byOpd: {
          type: 'array', description: 'Most first; `unit` null for cases whose unit is not known.',
          items: { type: 'object', required: ['unit', 'count'], properties: { unit: nullable(schemaRef('DashboardUnit')), count: { type: 'integer', minimum: 1 } } },
        },
      },
    },
    Dashboard: {
      type: 'object',
      required: ['period', 'generatedAt', 'scope', 'openCases', 'breaches', 'cycleTime', 'jp', 'satisfaction'],
      properties: {
        period: { type: 'object', required: ['from', 'to'], properties: { from: DATE, to: DATE } },
        generatedAt: { type: 'string', format: 'date-time' },
        scope: {
          type: 'object', required: ['unit'],
          properties: { unit: { ...nullable(schemaRef('DashboardUnit')), description: 'The unit a kepala OPD sees (with the units below it); null: every unit.' } },
        },
        openCases: schemaRef('DashboardCounts'),
        breaches: {
          type: 'object',
          required: ['overdue', 'escalated', 'deemed'],
          properties: {
            overdue: { ...schemaRef('DashboardCounts'), description: 'Open cases whose current step is past its deadline now.' },
            escalated: { ...schemaRef('DashboardCounts'), description: 'Steps escalated in the period: their deadline passed undecided.' },
            deemed: { ...schemaRef('DashboardCounts'), description: 'Steps decided by silence at their deadline in the period.' },
          },
        },
        cycleTime: {
          type: 'object',
          required: ['bucketDays', 'processes', 'steps'],
          properties: {
            bucketDays: {
              type: 'array', items: { type: 'integer', minimum: 1 },
              description: 'Upper bounds (exclusive, calendar days) of the histogram buckets; one more bucket holds everything longer.',
            },
            processes: {
              type: 'array', description: 'Cases closed in the period, from start to close.',
              items: { allOf: [durationStats, { type: 'object', required: ['process', 'name'], properties: { process: { type: 'string' }, name: localized } }] },
            },
            steps: {
              type: 'array',
              description: 'Step visits that ended in the period, from entering the step to entering the next one or closing. '
                + 'Branch and end steps take no time and are left out; `$revision` is the initiator revising a returned case.',
              items: {
                allOf: [durationStats, {
                  type: 'object',
                  required: ['process', 'processName', 'stepId', 'name', 'kind'],
                  properties: {
                    process: { type: 'string' }, processName: localized, stepId: { type: 'string' },
                    name: nullable(localized), kind: nullable({ type: 'string', enum: ['approval', 'task', 'effect', 'wait', 'revision'] }),
                  },
                }],
              },
            },
          },
        },
        jp: {
          type: 'object',
          description: `The ${YEARLY_JP_RIGHT}-JP right per OPD in the year the period ends in, as GET /api/training/jp-report counts it.`,
          required: ['year', 'threshold', 'summary', 'units'],
          properties: {
            year: { type: 'integer' },
            threshold: { type: 'integer' },
            summary: { type: 'object', required: ['employees', 'below', 'compliancePct'], properties: { employees: count, below: count, compliancePct: percent } },
            units: {
              type: 'array', description: 'Per OPD, worst compliance first.',
              items: {
                type: 'object',
                required: ['unitId', 'code', 'name', 'employees', 'below', 'compliancePct'],
                properties: { unitId: { type: 'integer' }, code: { type: 'string' }, name: { type: 'string' }, employees: count, below: count, compliancePct: percent },
              },
            },
          },
        },
        satisfaction: {
          type: 'object',
          description: 'The satisfaction index (IKM) of the ratings given in the period, per OPD that answered, as GET /api/feedback/satisfaction computes it.',
          required: ['units', 'overall'],
          properties: {
            units: {
              type: 'array',
              items: {
                type: 'object',
                required: ['unit', 'ratings', 'elements', 'index', 'ikm', 'grade', 'performance'],
                properties: {
                  unit: nullable(schemaRef('DashboardUnit')), ratings: { type: 'integer', minimum: 1 }, elements: { type: 'object' },
                  index: { type: 'number' }, ikm: { type: 'number', minimum: 25, maximum: 100 }, grade: { type: 'string', enum: ['A', 'B', 'C', 'D'] }, performance: localized,
                },
              },
            },
            overall: nullable({
              type: 'object',
              required: ['ratings', 'elements', 'index', 'ikm', 'grade', 'performance'],
              properties: {
                ratings: { type: 'integer' }, elements: { type: 'object' }, index: { type: 'number' }, ikm: { type: 'number' },
                grade: { type: 'string', enum: ['A', 'B', 'C', 'D'] }, performance: localized,
              },
            }),
          },
        },
      },
    },
  },
};
