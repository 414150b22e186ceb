import { MAX_ATTACHMENT_BYTES } from '../routes/attachments';
import { COOKIE_WRITE_SECURITY, jsonResponse, parameterRef, responseRef, schemaRef } from './refs';
import type { JsonObject, OpenApiArea } from './types';

/** The types an upload may have; the route checks the leading bytes of each. */
const MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
const binary = (description: string): JsonObject => ({
  description,
  // OpenAPI 3.1: raw bytes need no schema.
  content: Object.fromEntries(MEDIA_TYPES.map((type) => [type, {}])),
});
const refusal = (description: string): JsonObject => jsonResponse(description, schemaRef('ErrorBody'));
const idPath: JsonObject = {
  name: 'id', in: 'path', required: true, description: 'The attachment id (a UUID, as POST returned it).', schema: { type: 'string', format: 'uuid' },
};
const readAccess = 'Only its uploader, an administrator, or someone who started or holds (or held) a task on a case whose data names its id; others 403 FORBIDDEN.';
const notFound = refusal('ATTACHMENT_NOT_FOUND.');

/** /api/attachments: the files form fields refer to by id. */
export const attachmentsArea: OpenApiArea = {
  tags: [{
    name: 'attachments',
    description: 'Uploaded files (PDF, PNG, JPEG; at most 10 MB) that form fields refer to by id. '
      + 'Mounted only when the server has a data directory (DATA_DIR); without one every route here is 404 NOT_FOUND.',
  }],
  paths: {
    '/api/attachments': {
      post: {
        operationId: 'uploadAttachment',
        summary: 'Upload a file as the raw request body; answers with the id a form field then holds',
        description: 'The body is the file itself, not JSON or multipart. Content-Type must be one of the accepted types and the bytes must '
          + 'really start as that type does (%PDF-, the PNG signature, FF D8 FF). The content is stored under its SHA-256.',
        tags: ['attachments'],
        security: COOKIE_WRITE_SECURITY,
        parameters: [
          {
            name: 'X-File-Name', in: 'header', required: false,
            description: 'The original file name, percent-encoded when it is not ASCII. Stored as its base name, control characters and <>:"|?*\\/ '
              + 'replaced by "_", at most 200 characters; "lampiran" when absent or empty.',
            schema: { type: 'string', examples: ['sk-pelantikan.pdf'] },
          },
          { name: 'name', in: 'query', required: false, description: 'The file name, when X-File-Name is not sent.', schema: { type: 'string' } },
          parameterRef('AcceptLanguage'),
        ],
        requestBody: { required: true, ...binary(`The file's bytes, 1 to ${MAX_ATTACHMENT_BYTES} (10 MiB).`) },
        responses: {
          201: jsonResponse('Stored; Location is where to download it.', schemaRef('AttachmentMeta'), {
            Location: { description: '/api/attachments/{id}', schema: { type: 'string' } },
          }),
          400: refusal('ATTACHMENT_EMPTY: the body has no bytes.'),
          401: responseRef('Unauthenticated'),
          403: responseRef('Forbidden'),
          413: refusal('PAYLOAD_TOO_LARGE: more than 10 MiB.'),
          415: refusal('ATTACHMENT_TYPE: not an accepted Content-Type (`details.accepted` lists them), '
            + 'or ATTACHMENT_CONTENT_MISMATCH: the bytes are not of the declared type (`details.mediaType`).'),
        },
      },
    },
    '/api/attachments/{id}': {
      get: {
        operationId: 'downloadAttachment',
        summary: 'Download the file, as an attachment (never shown inline)',
        description: readAccess,
        tags: ['attachments'],
        parameters: [
          idPath,
          { name: 'If-None-Match', in: 'header', required: false, description: 'The ETag of a copy already held.', schema: { type: 'string' } },
        ],
        responses: {
          200: {
            ...binary('The file, with the Content-Type it was uploaded as.'),
            headers: {
              'Content-Disposition': { description: 'attachment; filename*=UTF-8\'\'{the original name, percent-encoded}', schema: { type: 'string' } },
              ETag: { description: 'The SHA-256 of the content, quoted.', schema: { type: 'string', pattern: '^"[0-9a-f]{64}"$' } },
              'X-Content-Type-Options': { schema: { const: 'nosniff' } },
            },
          },
          304: { description: 'Not Modified: If-None-Match names the current ETag.' },
          401: responseRef('Unauthenticated'),
          403: responseRef('Forbidden'),
          404: refusal('ATTACHMENT_NOT_FOUND, also for an id that is not a UUID.'),
        },
      },
    },
    '/api/attachments/{id}/meta': {
      get: {
        operationId: 'getAttachmentMeta',
        summary: 'What a file is: name, type, size and hash',
        description: readAccess,
        tags: ['attachments'],
        parameters: [idPath],
        responses: {
          200: jsonResponse('The description.', schemaRef('AttachmentMeta')),
          401: responseRef('Unauthenticated'),
          403: responseRef('Forbidden'),
          404: notFound,
        },
      },
    },
  },
  schemas: {
    AttachmentMeta: {
      type: 'object',
      required: ['id', 'name', 'mediaType', 'size', 'sha256', 'createdAt'],
      properties: {
        id: { type: 'string', format: 'uuid' },
        name: { type: 'string', minLength: 1, maxLength: 200, description: 'The original file name, made safe.' },
        mediaType: { type: 'string', enum: [...MEDIA_TYPES] },
        size: { type: 'integer', minimum: 1, maximum: MAX_ATTACHMENT_BYTES, description: 'Bytes.' },
        sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        createdAt: { type: 'string', format: 'date-time' },
      },
    },
  },
};
