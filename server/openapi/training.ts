import { YEARLY_JP_RIGHT } from '../../activities/training-checks';
import { jsonResponse, parameterRef, responseRef, schemaRef } from './refs';
import type { OpenApiArea } from './types';

const count = { type: 'integer', minimum: 0 };
const percent = { type: 'number', minimum: 0, maximum: 100, description: 'Share of employees at or above the threshold, one decimal.' };

/** /api/training: the 20-JP report (process 3, Nominasi pelatihan, feeds it). */
export const trainingArea: OpenApiArea = {
  tags: [{ name: 'training', description: 'Competency development: the yearly JP right of every PNS (PP 11/2017 as amended by PP 17/2020).' }],
  paths: {
    '/api/training/jp-report': {
      get: {
        operationId: 'getJpReport',
        summary: `Employees below ${YEARLY_JP_RIGHT} JP in a year, and compliance per OPD`,
        description: 'For the registry-wide roles every unit; for a kepala OPD their own unit only (403 UNIT_OUT_OF_SCOPE for another). '
          + 'JP are the training records counted in the year. The list is sorted by JP, fewest first, and paged by limit/offset.',
        tags: ['training'],
        parameters: [
          { name: 'year', in: 'query', required: false, description: 'Default: the current year (WIB).', schema: { type: 'integer', minimum: 2000, maximum: 2100 } },
          { name: 'unitId', in: 'query', required: false, description: 'Only this unit and the units below it.', schema: { type: 'integer', minimum: 1 } },
          { name: 'threshold', in: 'query', required: false, description: 'JP below which an employee is listed.', schema: { type: 'integer', minimum: 1, maximum: 1000, default: YEARLY_JP_RIGHT } },
          parameterRef('Limit'),
          { name: 'offset', in: 'query', required: false, schema: { type: 'integer', minimum: 0, default: 0 } },
          parameterRef('AcceptLanguage'),
        ],
        responses: {
          200: jsonResponse('The report.', schemaRef('JpReport')),
          400: responseRef('BadRequest'),
          401: responseRef('Unauthenticated'),
          403: responseRef('Forbidden'),
          404: responseRef('NotFound'),
        },
      },
    },
  },
  schemas: {
    JpReport: {
      type: 'object',
      required: ['year', 'threshold', 'summary', 'units', 'below'],
      properties: {
        year: { type: 'integer' },
        threshold: { type: 'integer' },
        summary: { type: 'object', required: ['employees', 'below', 'compliancePct'], properties: { employees: count, below: count, compliancePct: percent } },
        units: {
          type: 'array',
          description: 'Per OPD, worst compliance first.',
          items: {
            type: 'object',
            required: ['unitId', 'code', 'name', 'employees', 'below', 'compliancePct'],
            properties: { unitId: { type: 'integer' }, code: { type: 'string' }, name: { type: 'string' }, employees: count, below: count, compliancePct: percent },
          },
        },
        below: {
          type: 'object',
          required: ['total', 'limit', 'offset', 'items'],
          properties: {
            total: count,
            limit: { type: 'integer' },
            offset: { type: 'integer' },
            items: {
              type: 'array',
              items: {
                type: 'object',
                required: ['employeeId', 'nip', 'name', 'unitId', 'opdUnitId', 'jp', 'missing'],
                properties: {
                  employeeId: { type: 'integer' }, nip: { type: 'string' }, name: { type: 'string' }, unitId: { type: 'integer' },
                  opdUnitId: { type: ['integer', 'null'] }, jp: count, missing: { type: 'integer', minimum: 1 },
                },
              },
            },
          },
        },
      },
    },
  },
};
