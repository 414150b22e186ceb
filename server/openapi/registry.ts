import {
  EDUCATION_LEVELS, FUNCTIONAL_LEVELS, JENIS_JABATAN, ORG_UNIT_TYPES, SANCTION_LEVELS, SKP_RATINGS, TRAINING_KINDS,
} from '../../db';
import { ESELON_CODES, GOLONGAN_CODES } from '../../forms';
import {
  COOKIE_WRITE_SECURITY, DATE, jsonBody, jsonResponse, nullable, parameterRef, responseRef, schemaRef,
} from './refs';
import type { JsonObject, OpenApiArea } from './types';

const id: JsonObject = { type: 'integer', minimum: 1 };
const idPath = (description: string): JsonObject => ({ name: 'id', in: 'path', required: true, description, schema: id });
const unitIdQuery = (description: string): JsonObject => ({ name: 'unitId', in: 'query', required: false, description, schema: id });
const page = (item: string): JsonObject => ({
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: {
    items: { type: 'array', items: schemaRef(item) },
    nextCursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page; null on the last page.' },
  },
});
const golongan: JsonObject = { type: 'string', enum: [...GOLONGAN_CODES] };
const eselon: JsonObject = { type: ['string', 'null'], enum: [...ESELON_CODES, null] };
const unitType: JsonObject = { type: 'string', enum: [...ORG_UNIT_TYPES] };

/** The writable fields of an employee; POST needs the required ones, PATCH any subset. */
const employeeFields: Record<string, JsonObject> = {
  nip: { type: 'string', pattern: '^\\d{18}$', description: '18 digits: birth date YYYYMMDD, TMT CPNS YYYYMM, gender (1/2), sequence.' },
  name: { type: 'string', minLength: 1, maxLength: 200 },
  gender: { type: 'string', enum: ['M', 'F'] },
  birthDate: DATE,
  golongan,
  tmtGolongan: { ...DATE, description: 'Required in a PATCH that changes golongan.' },
  unitId: id,
  positionId: { type: ['integer', 'null'], minimum: 1, description: 'A vacant position of the same unit; the golongan must fit its eselon.' },
  tmtJabatan: { type: ['string', 'null'], format: 'date', description: 'Required with a position, and in a PATCH that changes positionId.' },
  educationLevel: { type: 'string', enum: [...EDUCATION_LEVELS] },
  educationMajor: { type: ['string', 'null'], maxLength: 200 },
  competencies: { type: 'array', maxItems: 30, items: { type: 'string', minLength: 1, maxLength: 200 } },
  lastInaugurationDate: { type: ['string', 'null'], format: 'date' },
};

const readAccess = 'Administrator, bkpsdm_mutasi, bkpsdm_diklat, sekda, ppk, bagian_hukum, bagian_organisasi and inspektorat read every employee; '
  + 'kepala_opd and feedback_admin only those of their unit and its sub-units (others: 403).';

export const registryArea: OpenApiArea = {
  tags: [{ name: 'registry', description: 'Employees (PNS), the unit tree and positions of the pemerintah daerah.' }],
  paths: {
    '/api/registry/employees': {
      get: {
        operationId: 'searchEmployees',
        summary: 'Search employees by name or NIP, a page at a time',
        description: `Ordered by name, then id; keyset pages, so rows added while paging never shift later pages. ${readAccess} `
          + 'Scoped users only ever see their scope; asking for a unitId outside it is 403.',
        tags: ['registry'],
        parameters: [
          {
            name: 'search', in: 'query', required: false, schema: { type: 'string', maxLength: 100 },
            description: 'Part of the name (any case), or the first digits of a NIP (spaces allowed).',
          },
          unitIdQuery('Only this unit and the units below it.'),
          parameterRef('Cursor'),
          parameterRef('Limit'),
          parameterRef('AcceptLanguage'),
        ],
        responses: {
          200: jsonResponse('A page of employees.', schemaRef('EmployeePage')),
          400: responseRef('BadRequest'),
          401: responseRef('Unauthenticated'),
          403: responseRef('Forbidden'),
          404: jsonResponse('UNIT_NOT_FOUND: the unitId does not exist.', schemaRef('ErrorBody')),
        },
      },
      post: {
        operationId: 'createEmployee',
        summary: 'Add an employee to the registry (administrator, bkpsdm_mutasi)',
        description: 'Validated as the registry form is: NIP format and its agreement with birth date and gender, golongan, '
          + 'the golongan range of the position\'s eselon, dates. With a positionId, the employee takes that (vacant) position.',
        tags: ['registry'],
        security: COOKIE_WRITE_SECURITY,
        parameters: [parameterRef('AcceptLanguage')],
        requestBody: jsonBody(schemaRef('EmployeeInput')),
        responses: {
          201: jsonResponse('Created; Location names it.', schemaRef('EmployeeDetail'), {
            Location: { description: '/api/registry/employees/{id}', schema: { type: 'string' } },
          }),
          400: responseRef('BadRequest'),
          401: responseRef('Unauthenticated'),
          403: responseRef('Forbidden'),
          409: jsonResponse('DUPLICATE_NIP: the NIP is already registered (details.nip).', schemaRef('ErrorBody')),
          422: responseRef('ValidationFailed'),
        },
      },
    },
    '/api/registry/employees/{id}': {
      get: {
        operationId: 'getEmployee',
        summary: 'One employee with their history',
        description: `Golongan and position with their TMT, unit and OPD, education, competencies, SKP ratings by year, disciplinary sanctions (in force today, WIB), `
          + `training with JP per year and this year's total against the 20 JP minimum, last inauguration. ${readAccess} Everyone may read their own record.`,
        tags: ['registry'],
        parameters: [idPath('Employee id.'), parameterRef('AcceptLanguage')],
        responses: {
          200: jsonResponse('The employee.', schemaRef('EmployeeDetail')),
          400: responseRef('BadRequest'),
          401: responseRef('Unauthenticated'),
          403: responseRef('Forbidden'),
          404: jsonResponse('EMPLOYEE_NOT_FOUND.', schemaRef('ErrorBody')),
        },
      },
      patch: {
        operationId: 'updateEmployee',
        summary: 'Change some fields of an employee (administrator, bkpsdm_mutasi)',
        description: 'The merged record is validated as a whole. Changing golongan needs tmtGolongan, changing positionId needs tmtJabatan, '
          + 'in the same request; positionId null leaves the position vacant.',
        tags: ['registry'],
        security: COOKIE_WRITE_SECURITY,
        parameters: [idPath('Employee id.'), parameterRef('AcceptLanguage')],
        requestBody: jsonBody(schemaRef('EmployeePatch')),
        responses: {
          200: jsonResponse('The employee as saved.', schemaRef('EmployeeDetail')),
          400: responseRef('BadRequest'),
          401: responseRef('Unauthenticated'),
          403: responseRef('Forbidden'),
          404: jsonResponse('EMPLOYEE_NOT_FOUND.', schemaRef('ErrorBody')),
          409: jsonResponse('DUPLICATE_NIP.', schemaRef('ErrorBody')),
          422: responseRef('ValidationFailed'),
        },
      },
    },
    '/api/registry/units': {
      get: {
        operationId: 'getUnitTree',
        summary: 'The whole unit tree; the OPDs are the children of the root',
        tags: ['registry'],
        responses: {
          200: jsonResponse('The tree.', {
            type: 'object', required: ['items'], properties: { items: { type: 'array', items: schemaRef('UnitNode') } },
          }),
          401: responseRef('Unauthenticated'),
        },
      },
    },
    '/api/registry/units/{id}': {
      get: {
        operationId: 'getUnit',
        summary: 'One unit with its positions (filled and vacant) and its direct sub-units',
        tags: ['registry'],
        parameters: [idPath('Unit id.'), parameterRef('AcceptLanguage')],
        responses: {
          200: jsonResponse('The unit.', schemaRef('UnitDetail')),
          400: responseRef('BadRequest'),
          401: responseRef('Unauthenticated'),
          404: jsonResponse('UNIT_NOT_FOUND.', schemaRef('ErrorBody')),
        },
      },
    },
    '/api/registry/positions': {
      get: {
        operationId: 'searchPositions',
        summary: 'Positions, e.g. the vacant ones of a unit and its sub-units',
        description: 'For the target picker of a rotation proposal: each with eselon, jenis jabatan and the pangkat range the eselon needs.',
        tags: ['registry'],
        parameters: [
          unitIdQuery('Only this unit and the units below it.'),
          { name: 'vacant', in: 'query', required: false, description: 'true: only vacant; false: only filled.', schema: { type: 'string', enum: ['true', 'false'] } },
          parameterRef('Cursor'),
          parameterRef('Limit'),
          parameterRef('AcceptLanguage'),
        ],
        responses: {
          200: jsonResponse('A page of positions, in id order.', schemaRef('PositionPage')),
          400: responseRef('BadRequest'),
          401: responseRef('Unauthenticated'),
          404: jsonResponse('UNIT_NOT_FOUND: the unitId does not exist.', schemaRef('ErrorBody')),
        },
      },
    },
  },
  schemas: {
    Ref: { type: 'object', required: ['id', 'name'], properties: { id, name: { type: 'string' } } },
    Golongan: {
      type: 'object',
      required: ['golongan', 'pangkat'],
      properties: { golongan, pangkat: { type: ['string', 'null'], examples: ['Penata Tk. I'] } },
    },
    EmployeeSummary: {
      type: 'object',
      required: ['id', 'nip', 'name', 'golongan', 'pangkat', 'position', 'unit'],
      properties: {
        id,
        nip: employeeFields.nip,
        name: { type: 'string' },
        golongan,
        pangkat: { type: ['string', 'null'] },
        position: nullable(schemaRef('Ref')),
        unit: schemaRef('Ref'),
      },
    },
    EmployeePage: page('EmployeeSummary'),
    EmployeeInput: {
      type: 'object',
      additionalProperties: false,
      required: ['nip', 'name', 'gender', 'birthDate', 'golongan', 'tmtGolongan', 'unitId', 'educationLevel'],
      properties: employeeFields,
    },
    EmployeePatch: { type: 'object', additionalProperties: false, properties: employeeFields },
    Sanction: {
      type: 'object',
      required: ['id', 'level', 'description', 'startDate', 'endDate', 'inForce'],
      properties: {
        id,
        level: { type: 'string', enum: [...SANCTION_LEVELS] },
        description: { type: 'string' },
        startDate: DATE,
        endDate: { type: ['string', 'null'], format: 'date' },
        inForce: { type: 'boolean', description: 'Today (WIB) lies between startDate and endDate, inclusive.' },
      },
    },
    Training: {
      type: 'object',
      required: ['id', 'title', 'kind', 'jpHours', 'startDate', 'endDate', 'year'],
      properties: {
        id,
        title: { type: 'string' },
        kind: { type: 'string', enum: [...TRAINING_KINDS] },
        jpHours: { type: 'integer', minimum: 0 },
        startDate: DATE,
        endDate: DATE,
        year: { type: 'integer', description: 'The year its JP count towards.' },
      },
    },
    EmployeeDetail: {
      type: 'object',
      required: [
        'id', 'nip', 'name', 'gender', 'birthDate', 'golongan', 'position', 'unit', 'opd', 'education', 'competencies',
        'lastInaugurationDate', 'skpRatings', 'sanctions', 'sanctionInForce', 'training',
      ],
      properties: {
        id,
        nip: employeeFields.nip,
        name: { type: 'string' },
        gender: { type: 'string', enum: ['M', 'F'] },
        birthDate: DATE,
        golongan: { type: 'object', allOf: [schemaRef('Golongan')], required: ['tmt'], properties: { tmt: DATE } },
        position: nullable({
          type: 'object',
          required: ['id', 'name', 'jenisJabatan', 'eselon', 'functionalLevel', 'tmt'],
          properties: {
            id,
            name: { type: 'string' },
            jenisJabatan: { type: 'string', enum: [...JENIS_JABATAN] },
            eselon,
            functionalLevel: { type: ['string', 'null'], enum: [...FUNCTIONAL_LEVELS, null] },
            tmt: { type: ['string', 'null'], format: 'date' },
          },
        }),
        unit: {
          type: 'object', required: ['id', 'code', 'type', 'name'],
          properties: { id, code: { type: 'string' }, type: unitType, name: { type: 'string' } },
        },
        opd: nullable({ type: 'object', required: ['id', 'code', 'name'], properties: { id, code: { type: 'string' }, name: { type: 'string' } } }),
        education: {
          type: 'object', required: ['level', 'major'],
          properties: { level: { type: 'string', enum: [...EDUCATION_LEVELS] }, major: { type: ['string', 'null'] } },
        },
        competencies: { type: 'array', items: { type: 'string' } },
        lastInaugurationDate: { type: ['string', 'null'], format: 'date' },
        skpRatings: {
          type: 'array', description: 'Newest year first.',
          items: { type: 'object', required: ['year', 'rating'], properties: { year: { type: 'integer' }, rating: { type: 'string', enum: [...SKP_RATINGS] } } },
        },
        sanctions: { type: 'array', description: 'Newest first.', items: schemaRef('Sanction') },
        sanctionInForce: { type: 'boolean' },
        training: {
          type: 'object',
          required: ['records', 'jpByYear', 'currentYear'],
          properties: {
            records: { type: 'array', description: 'Newest first.', items: schemaRef('Training') },
            jpByYear: {
              type: 'array', description: 'Newest year first.',
              items: { type: 'object', required: ['year', 'jp'], properties: { year: { type: 'integer' }, jp: { type: 'integer' } } },
            },
            currentYear: {
              type: 'object',
              required: ['year', 'jp', 'minimumJp'],
              properties: { year: { type: 'integer' }, jp: { type: 'integer' }, minimumJp: { type: 'integer', const: 20 } },
            },
          },
        },
      },
    },
    Position: {
      type: 'object',
      required: ['id', 'name', 'jenisJabatan', 'eselon', 'functionalLevel', 'pangkatRange', 'unit', 'isUnitHead', 'vacant', 'holder'],
      properties: {
        id,
        name: { type: 'string' },
        jenisJabatan: { type: 'string', enum: [...JENIS_JABATAN] },
        eselon,
        functionalLevel: { type: ['string', 'null'], enum: [...FUNCTIONAL_LEVELS, null] },
        pangkatRange: nullable({
          type: 'object',
          description: 'The lowest and highest golongan the eselon needs.',
          required: ['min', 'max'],
          properties: { min: schemaRef('Golongan'), max: schemaRef('Golongan') },
        }),
        unit: schemaRef('Ref'),
        isUnitHead: { type: 'boolean' },
        vacant: { type: 'boolean' },
        holder: nullable(schemaRef('Ref')),
      },
    },
    PositionPage: page('Position'),
    UnitNode: {
      type: 'object',
      required: ['id', 'code', 'type', 'name', 'headPositionId', 'headName', 'children'],
      properties: {
        id,
        code: { type: 'string', examples: ['DISKOMINFO'] },
        type: unitType,
        name: { type: 'string' },
        headPositionId: { type: ['integer', 'null'] },
        headName: { type: ['string', 'null'], description: 'The head\'s name, when the head position is filled.' },
        children: { type: 'array', items: schemaRef('UnitNode') },
      },
    },
    UnitDetail: {
      type: 'object',
      required: ['id', 'code', 'type', 'name', 'parent', 'head', 'positions', 'children'],
      properties: {
        id,
        code: { type: 'string' },
        type: unitType,
        name: { type: 'string' },
        parent: nullable(schemaRef('Ref')),
        head: nullable({
          type: 'object',
          required: ['positionId', 'positionName', 'employee'],
          properties: { positionId: id, positionName: { type: 'string' }, employee: nullable(schemaRef('Ref')) },
        }),
        positions: { type: 'array', items: schemaRef('Position') },
        children: {
          type: 'array',
          items: { type: 'object', required: ['id', 'code', 'type', 'name'], properties: { id, code: { type: 'string' }, type: unitType, name: { type: 'string' } } },
        },
      },
    },
  },
};
