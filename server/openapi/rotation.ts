import { CANDIDATE_WEIGHTS } from '../../activities/rotation-candidates';
import { EDUCATION_LEVELS, JENIS_JABATAN, TRAINING_KINDS } from '../../db';
import { ESELON_CODES, GOLONGAN_CODES } from '../../forms';
import { CANDIDATE_READERS } from '../routes/rotation-candidates';
import { DATE, jsonResponse, nullable, parameterRef, responseRef, schemaRef } from './refs';
import type { JsonObject, OpenApiArea } from './types';

const id: JsonObject = { type: 'integer', minimum: 1 };
const count: JsonObject = { type: 'integer', minimum: 0 };
const share: JsonObject = { type: 'number', minimum: 0, maximum: 1, description: 'Share of the basis unit\'s staff, two decimals.' };
const golongan: JsonObject = { type: 'string', enum: [...GOLONGAN_CODES] };
const localized: JsonObject = { type: 'object', required: ['id', 'en'], properties: { id: { type: 'string' }, en: { type: 'string' } } };
const named = (name: string): JsonObject => ({ type: 'object', required: [name, 'share'], properties: { [name]: { type: 'string' }, share } });

/** One part of a candidate's score: `points` = `weight` × `value`. */
const scoreComponent = (weight: number, what: string): JsonObject => ({
  type: 'object',
  description: what,
  required: ['weight', 'value', 'points', 'reason'],
  properties: {
    weight: { const: weight },
    value: { type: 'number', minimum: 0, maximum: 1 },
    points: { type: 'number', minimum: 0, maximum: weight, description: 'weight × value, one decimal.' },
    reason: { ...localized, description: 'Why, in both languages.' },
  },
});

/** /api/rotation: who might fill a position (process 1, rotasi / mutasi / promosi jabatan). */
export const rotationArea: OpenApiArea = {
  tags: [{ name: 'rotation', description: 'Rotation (rotasi, mutasi, promosi jabatan): ranked candidates for a position.' }],
  paths: {
    '/api/rotation/candidates': {
      get: {
        operationId: 'findRotationCandidates',
        summary: 'Employees eligible for a position, ranked by how well they match it, each score explained',
        description: `For ${CANDIDATE_READERS.join(', ')} only (others 403). Eligible: a golongan within the range of the position's eselon, `
          + 'no disciplinary sanction in force today (WIB), a latest SKP of at least BAIK; the position\'s holder is left out. '
          + `Score out of 100: education ${CANDIDATE_WEIGHTS.education}, competencies ${CANDIDATE_WEIGHTS.competencies}, `
          + `training ${CANDIDATE_WEIGHTS.training}, performance ${CANDIDATE_WEIGHTS.performance}, matched against what the staff of the `
          + 'position\'s unit hold (its OPD\'s when the unit has fewer than five people). A kepala OPD gets candidates from their own unit '
          + 'and its sub-units only; the other roles from every unit. Ties are ordered by NIP.',
        tags: ['rotation'],
        parameters: [
          { name: 'positionId', in: 'query', required: true, description: 'The position to fill; otherwise 400 INVALID_POSITION_ID.', schema: id },
          { ...parameterRef('Limit'), description: 'How many of the best to list (1–100, 20 by default).' },
        ],
        responses: {
          200: jsonResponse('The position, what eligible meant, the unit profile matched against, and the best candidates.', schemaRef('RotationCandidates')),
          400: responseRef('BadRequest'),
          401: responseRef('Unauthenticated'),
          403: responseRef('Forbidden'),
          404: jsonResponse('POSITION_NOT_FOUND (`details.positionId`).', schemaRef('ErrorBody')),
        },
      },
    },
  },
  schemas: {
    RotationCandidates: {
      type: 'object',
      required: ['position', 'eligibility', 'profile', 'considered', 'excluded', 'items', 'limit'],
      properties: {
        position: {
          type: 'object',
          required: ['id', 'name', 'jenisJabatan', 'eselon', 'unitId', 'unitName', 'vacant'],
          properties: {
            id,
            name: { type: 'string' },
            jenisJabatan: { type: 'string', enum: [...JENIS_JABATAN] },
            eselon: { type: ['string', 'null'], enum: [...ESELON_CODES, null] },
            unitId: id,
            unitName: { type: 'string' },
            vacant: { type: 'boolean' },
          },
        },
        eligibility: {
          type: 'object',
          required: ['golongan', 'noSanctionInForce', 'lastSkpAtLeast', 'asOf'],
          properties: {
            golongan: nullable({
              type: 'object', required: ['min', 'max'], description: 'The range the eselon needs; null (any golongan) for a position without eselon.',
              properties: { min: golongan, max: golongan },
            }),
            noSanctionInForce: { const: true },
            lastSkpAtLeast: { const: 'BAIK' },
            asOf: { ...DATE, description: 'The day (WIB) sanctions were judged on.' },
          },
        },
        profile: {
          type: 'object',
          required: ['basis', 'competencies', 'majors', 'trainings', 'leadershipTraining'],
          properties: {
            basis: {
              type: 'object', required: ['unitId', 'unitName', 'staff'], description: 'The unit whose staff were matched against.',
              properties: { unitId: id, unitName: { type: 'string' }, staff: count },
            },
            competencies: { type: 'array', maxItems: 8, description: 'The most common, most common first.', items: named('name') },
            majors: { type: 'array', maxItems: 5, items: named('name') },
            trainings: { type: 'array', maxItems: 8, description: 'Technical and functional training titles.', items: named('title') },
            leadershipTraining: { type: ['string', 'null'], enum: [...TRAINING_KINDS, null], description: 'The leadership training the position\'s level expects.' },
          },
        },
        considered: { ...count, description: 'Employees whose golongan fits, in scope, before the sanction and SKP checks.' },
        excluded: {
          type: 'object', required: ['sanction', 'skp'],
          properties: { sanction: { ...count, description: 'Left out for a sanction in force.' }, skp: { ...count, description: 'Left out for the latest SKP.' } },
        },
        items: { type: 'array', description: 'Best first.', items: schemaRef('RotationCandidate') },
        limit: { type: 'integer', minimum: 1, maximum: 100 },
      },
    },
    RotationCandidate: {
      type: 'object',
      required: ['rank', 'employee', 'score', 'components'],
      properties: {
        rank: id,
        employee: {
          type: 'object',
          required: ['id', 'nip', 'name', 'golongan', 'position', 'unit', 'education'],
          properties: {
            id,
            nip: { type: 'string', pattern: '^\\d{18}$' },
            name: { type: 'string' },
            golongan,
            position: nullable(schemaRef('Ref')),
            unit: schemaRef('Ref'),
            education: {
              type: 'object', required: ['level', 'major'],
              properties: { level: { type: 'string', enum: [...EDUCATION_LEVELS] }, major: { type: ['string', 'null'] } },
            },
          },
        },
        score: { type: 'number', minimum: 0, maximum: 100, description: 'The sum of the components\' points, one decimal.' },
        components: {
          type: 'object',
          required: ['education', 'competencies', 'training', 'performance'],
          properties: {
            education: scoreComponent(CANDIDATE_WEIGHTS.education, 'The education level the position needs, and a major common in the unit.'),
            competencies: scoreComponent(CANDIDATE_WEIGHTS.competencies, 'Competencies common in the unit.'),
            training: scoreComponent(CANDIDATE_WEIGHTS.training, 'The leadership training the level expects, and subject training common in the unit.'),
            performance: scoreComponent(CANDIDATE_WEIGHTS.performance, 'The latest SKP rating: SANGAT_BAIK full, BAIK 0.6.'),
          },
        },
      },
    },
  },
};
