import {
  COOKIE_WRITE_SECURITY, jsonBody, jsonResponse, nullable, parameterRef, responseRef, schemaRef,
} from './refs';
import type { JsonObject, OpenApiArea } from './types';

const localized: JsonObject = { type: 'object', required: ['id', 'en'], properties: { id: { type: 'string' }, en: { type: 'string' } } };
const version: JsonObject = { type: 'integer', minimum: 1 };
const dateTime: JsonObject = { type: 'string', format: 'date-time' };
const status: JsonObject = { type: 'string', enum: ['draft', 'published', 'archived'] };
const refusal = (description: string): JsonObject => jsonResponse(description, schemaRef('ErrorBody'));
const optionalJsonBody = (schema: JsonObject): JsonObject => ({ required: false, content: { 'application/json': { schema } } });

const keyPath: JsonObject = { name: 'key', in: 'path', required: true, description: 'The form key, e.g. `rotasi-jabatan-usulan`.', schema: { type: 'string' } };
const versionPath: JsonObject = {
  name: 'version', in: 'path', required: true, description: 'The version number; anything but a whole number from 1 is 400 INVALID_VERSION.', schema: version,
};
const versionQuery = (name: string, required: boolean, description: string): JsonObject => ({ name, in: 'query', required, description, schema: version });

const formNotFound = refusal('FORM_NOT_FOUND: no such key, or no such version of it.');
const schemaRefused: JsonObject = jsonResponse(
  'VALIDATION_FAILED (`details.fields`: key, title, schema, uiSchema, translations) or FORM_SCHEMA_INVALID (`details.problems`: each with a JSON pointer into the schema).',
  { anyOf: [schemaRef('ValidationErrorBody'), schemaRef('FormSchemaInvalidBody')] },
);
const frozen = refusal('FORM_FROZEN: the version is published or archived and cannot change (`details.status`); make a new version.');

/** The fields of a draft; POST also names the key. Unknown fields are ignored. */
const draftFields: Record<string, JsonObject> = {
  title: {
    type: 'object', required: ['id', 'en'], description: 'In Bahasa Indonesia and English, neither blank (trimmed).',
    properties: { id: { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } },
  },
  schema: {
    type: 'object',
    description: 'A JSON Schema (2020-12) object: at most 256 KiB, 24 levels deep, no remote `$ref`, only known keywords and formats; '
      + 'otherwise 422 FORM_SCHEMA_INVALID.',
  },
  uiSchema: { type: 'object', description: 'react-jsonschema-form\'s uiSchema; `{}` when absent.' },
  translations: { type: 'object', description: 'Per language: titles, descriptions and enum labels by field path; `{}` when absent.' },
  changeNote: { type: 'string' },
};

/** /api/forms: the form registry, versioned JSON-Schema forms that administrators edit without a code change. */
export const formsArea: OpenApiArea = {
  tags: [{
    name: 'forms',
    description: 'Versioned JSON-Schema forms. A draft can change; publishing freezes it, and a process step names (key, version), '
      + 'so a new version never changes what a running case asks.',
  }],
  paths: {
    '/api/forms': {
      get: {
        operationId: 'listForms',
        summary: 'Every form with all its versions, newest first',
        tags: ['forms'],
        responses: {
          200: jsonResponse('The forms, by key.', { type: 'object', required: ['items'], properties: { items: { type: 'array', items: schemaRef('FormSummary') } } }),
          401: responseRef('Unauthenticated'),
        },
      },
      post: {
        operationId: 'createFormDraft',
        summary: 'Create a draft: the next version of a key, or version 1 of a new one (administrators)',
        tags: ['forms'],
        security: COOKIE_WRITE_SECURITY,
        parameters: [parameterRef('AcceptLanguage')],
        requestBody: jsonBody({
          type: 'object',
          required: ['key', 'title', 'schema'],
          properties: {
            key: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,60}$', description: 'Lower case letters, digits and hyphens, starting with a letter.' },
            ...draftFields,
          },
        }),
        responses: {
          201: jsonResponse('Created as a draft; Location names the version.', schemaRef('FormVersion'), {
            Location: { description: '/api/forms/{key}?version={version}', schema: { type: 'string' } },
          }),
          400: responseRef('BadRequest'),
          401: responseRef('Unauthenticated'),
          403: responseRef('Forbidden'),
          422: schemaRefused,
        },
      },
    },
    '/api/forms/{key}': {
      get: {
        operationId: 'getForm',
        summary: 'A form version: the newest published one, or ?version=N in any status',
        tags: ['forms'],
        parameters: [keyPath, versionQuery('version', false, 'Any version, drafts included; without it the newest published version.')],
        responses: {
          200: jsonResponse('The version.', schemaRef('FormVersion')),
          400: responseRef('BadRequest'),
          401: responseRef('Unauthenticated'),
          404: formNotFound,
        },
      },
    },
    '/api/forms/{key}/where-used': {
      get: {
        operationId: 'getFormUses',
        summary: 'Every process version whose start form or steps use the form (any version)',
        description: 'An unknown key has no uses: an empty list, not 404.',
        tags: ['forms'],
        parameters: [keyPath],
        responses: {
          200: jsonResponse('The uses, by process and version.', {
            type: 'object',
            required: ['items'],
            properties: {
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['process', 'processVersion', 'stepId', 'formVersion'],
                  properties: {
                    process: { type: 'string' },
                    processVersion: version,
                    stepId: { type: ['string', 'null'], description: 'Null for the process\'s start form.' },
                    formVersion: version,
                  },
                },
              },
            },
          }),
          401: responseRef('Unauthenticated'),
        },
      },
    },
    '/api/forms/{key}/diff': {
      get: {
        operationId: 'diffFormVersions',
        summary: 'What changed between two versions, field by field',
        tags: ['forms'],
        parameters: [
          keyPath,
          versionQuery('from', true, 'The earlier version; missing is 422.'),
          versionQuery('to', true, 'The later version; missing is 422.'),
          parameterRef('AcceptLanguage'),
        ],
        responses: {
          200: jsonResponse('The changes.', schemaRef('FormDiff')),
          400: responseRef('BadRequest'),
          401: responseRef('Unauthenticated'),
          404: formNotFound,
          422: responseRef('ValidationFailed'),
        },
      },
    },
    '/api/forms/{key}/versions/{version}': {
      put: {
        operationId: 'updateFormDraft',
        summary: 'Replace a draft\'s title, schema, uiSchema and translations (administrators)',
        description: 'Only a draft can change. An absent uiSchema or translations becomes `{}`; an absent changeNote keeps the old one.',
        tags: ['forms'],
        security: COOKIE_WRITE_SECURITY,
        parameters: [keyPath, versionPath, parameterRef('AcceptLanguage')],
        requestBody: jsonBody({ type: 'object', required: ['title', 'schema'], properties: draftFields }),
        responses: {
          200: jsonResponse('The draft as saved.', schemaRef('FormVersion')),
          400: responseRef('BadRequest'),
          401: responseRef('Unauthenticated'),
          403: responseRef('Forbidden'),
          404: formNotFound,
          409: frozen,
          422: schemaRefused,
        },
      },
    },
    '/api/forms/{key}/versions/{version}/publish': {
      post: {
        operationId: 'publishFormVersion',
        summary: 'Publish a draft, freezing it; process definitions may then reference it (administrators)',
        tags: ['forms'],
        security: COOKIE_WRITE_SECURITY,
        parameters: [keyPath, versionPath],
        requestBody: optionalJsonBody({ type: 'object', properties: { changeNote: { type: 'string', description: 'Replaces the draft\'s note.' } } }),
        responses: {
          200: jsonResponse('Published.', schemaRef('FormVersion')),
          400: responseRef('BadRequest'),
          401: responseRef('Unauthenticated'),
          403: responseRef('Forbidden'),
          404: formNotFound,
          409: frozen,
          422: jsonResponse('FORM_SCHEMA_INVALID: the draft\'s schema is checked again.', schemaRef('FormSchemaInvalidBody')),
        },
      },
    },
    '/api/forms/{key}/versions/{version}/archive': {
      post: {
        operationId: 'archiveFormVersion',
        summary: 'Archive a version, whatever its status (administrators); archiving an archived one changes nothing',
        description: 'Running cases and the definitions that reference the version keep it.',
        tags: ['forms'],
        security: COOKIE_WRITE_SECURITY,
        parameters: [keyPath, versionPath],
        responses: {
          200: jsonResponse('Archived.', schemaRef('FormVersion')),
          400: responseRef('BadRequest'),
          401: responseRef('Unauthenticated'),
          403: responseRef('Forbidden'),
          404: formNotFound,
        },
      },
    },
    '/api/forms/{key}/versions/{version}/validate': {
      post: {
        operationId: 'validateFormData',
        summary: 'Test-submit data: validated exactly as a case step validates it (any signed-in user)',
        tags: ['forms'],
        security: COOKIE_WRITE_SECURITY,
        parameters: [keyPath, versionPath, parameterRef('AcceptLanguage')],
        requestBody: optionalJsonBody({ type: 'object', properties: { data: { description: 'The form data; `{}` when absent.' } } }),
        responses: {
          200: jsonResponse('The data fits the form.', { type: 'object', required: ['valid'], properties: { valid: { const: true } } }),
          400: responseRef('BadRequest'),
          401: responseRef('Unauthenticated'),
          403: responseRef('Forbidden'),
          404: formNotFound,
          422: jsonResponse('FORM_INVALID: the errors in the language asked for.', schemaRef('FormInvalidBody')),
        },
      },
    },
  },
  schemas: {
    FormSummary: {
      type: 'object',
      required: ['key', 'title', 'latestVersion', 'publishedVersion', 'versions'],
      properties: {
        key: { type: 'string' },
        title: { ...localized, description: 'The newest version\'s.' },
        latestVersion: version,
        publishedVersion: { type: ['integer', 'null'], minimum: 1, description: 'The newest published version; null when none is.' },
        versions: {
          type: 'array',
          description: 'Newest first.',
          items: {
            type: 'object',
            required: ['version', 'status', 'author', 'changeNote', 'updatedAt'],
            properties: { version, status, author: { type: ['string', 'null'] }, changeNote: { type: ['string', 'null'] }, updatedAt: dateTime },
          },
        },
      },
    },
    FormVersion: {
      type: 'object',
      required: ['key', 'version', 'status', 'title', 'schema', 'uiSchema', 'translations', 'author', 'changeNote', 'createdAt', 'updatedAt', 'publishedAt'],
      properties: {
        key: { type: 'string' },
        version,
        status,
        title: localized,
        schema: { type: 'object', description: 'The JSON Schema (2020-12) of the data.' },
        uiSchema: { type: 'object' },
        translations: { type: 'object' },
        author: { type: ['string', 'null'], description: 'Login of the administrator who created the version.' },
        changeNote: { type: ['string', 'null'] },
        createdAt: dateTime,
        updatedAt: dateTime,
        publishedAt: nullable(dateTime),
      },
    },
    FormDiff: {
      type: 'object',
      required: ['key', 'from', 'to', 'changes'],
      properties: {
        key: { type: 'string' },
        from: version,
        to: version,
        changes: {
          type: 'array',
          items: {
            type: 'object',
            required: ['field', 'change'],
            properties: {
              field: { type: 'string', description: 'Dot path of the field, e.g. "alamat.kota".' },
              change: { type: 'string', enum: ['added', 'removed', 'changed', 'now-required', 'no-longer-required'] },
              before: { description: 'The field\'s schema before (removed, changed).' },
              after: { description: 'The field\'s schema after (added, changed).' },
            },
          },
        },
      },
    },
    FormSchemaInvalidBody: {
      description: '422 FORM_SCHEMA_INVALID: what is wrong with a form schema, and where.',
      allOf: [
        schemaRef('ErrorBody'),
        {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'details'],
              properties: {
                code: { const: 'FORM_SCHEMA_INVALID' },
                details: {
                  type: 'object',
                  required: ['problems'],
                  properties: {
                    problems: {
                      type: 'array',
                      minItems: 1,
                      items: {
                        type: 'object',
                        required: ['pointer', 'message'],
                        properties: { pointer: { type: 'string', description: 'JSON pointer into the submitted schema; "" for the whole.' }, message: localized },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      ],
    },
    FormInvalidBody: {
      description: '422 FORM_INVALID: submitted data does not fit a form version; the errors as react-jsonschema-form shows them.',
      allOf: [
        schemaRef('ErrorBody'),
        {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'details'],
              properties: {
                code: { const: 'FORM_INVALID' },
                details: {
                  type: 'object',
                  required: ['form', 'errors', 'errorSchema', 'fields'],
                  properties: {
                    form: { type: 'object', required: ['key', 'version'], properties: { key: { type: 'string' }, version } },
                    errors: {
                      type: 'array',
                      description: 'RJSF\'s transformed errors.',
                      items: {
                        type: 'object',
                        required: ['name', 'property', 'message', 'params', 'stack', 'schemaPath'],
                        properties: {
                          name: { type: 'string', description: 'The JSON Schema keyword.' },
                          property: { type: 'string', examples: ['.nip'] },
                          message: { type: 'string' },
                          params: { type: 'object' },
                          stack: { type: 'string' },
                          schemaPath: { type: 'string' },
                        },
                      },
                    },
                    errorSchema: { type: 'object', description: 'Field path → nested objects with `__errors` lists.' },
                    fields: {
                      type: 'object',
                      description: 'Dot path of each field (`_form` for the whole) → messages.',
                      additionalProperties: { type: 'array', items: { type: 'string' } },
                    },
                  },
                },
              },
            },
          },
        },
      ],
    },
  },
};
