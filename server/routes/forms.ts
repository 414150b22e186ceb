import { Router, type Request } from 'express';
import {
  archiveFormVersion, createFormDraft, findFormVersion, FormFrozenError, FormNotFoundError, FormSchemaInvalidError,
  FormVersion, publishFormVersion, updateFormDraft, whereFormUsed, type Database,
} from '../../db';
import { diffFormSchemas, type FormValidators } from '../../forms';
import { currentUser, requireAuth, requireRole } from '../auth/middleware';
import { HttpError, ValidationError } from '../errors';
import { requireValidSubmission } from '../form-submissions';
import { message, requestLanguage, type Language } from '../messages';

const KEY = /^[a-z][a-z0-9-]{1,60}$/;

/** The form registry: versioned JSON-Schema forms that administrators edit without a code change. */
export function formRoutes(deps: { db: Database; formValidators: FormValidators }): Router {
  const router = Router();
  router.use(requireAuth);

  router.get('/', async (_req, res) => {
    const rows = await deps.db.em().find(FormVersion, {}, { orderBy: { key: 'asc', version: 'desc' } });
    const byKey = new Map<string, FormVersion[]>();
    for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
    res.json({
      items: [...byKey.entries()].map(([key, versions]) => ({
        key,
        title: versions[0]!.title,
        latestVersion: versions[0]!.version,
        publishedVersion: versions.find((v) => v.status === 'published')?.version ?? null,
        versions: versions.map((v) => ({ version: v.version, status: v.status, author: v.author, changeNote: v.changeNote, updatedAt: v.updatedAt.toISOString() })),
      })),
    });
  });

  router.get('/:key', async (req, res) => {
    res.json(view(await found(() => findFormVersion(deps.db.em(), String(req.params.key), optionalVersion(req.query.version)))));
  });

  router.get('/:key/where-used', async (req, res) => {
    res.json({ items: await whereFormUsed(deps.db.em(), String(req.params.key)) });
  });

  router.get('/:key/diff', async (req, res) => {
    const from = requiredVersion(req.query.from, 'from', requestLanguage(req));
    const to = requiredVersion(req.query.to, 'to', requestLanguage(req));
    const em = deps.db.em();
    const [a, b] = await Promise.all([found(() => findFormVersion(em, String(req.params.key), from)), found(() => findFormVersion(em, String(req.params.key), to))]);
    res.json({ key: String(req.params.key), from, to, changes: diffFormSchemas(a.schema, b.schema) });
  });

  router.post('/', requireRole('administrator'), async (req, res) => {
    const input = parseDraft(req, true);
    const row = await saving(() => createFormDraft(deps.db.em(), { ...input, key: input.key as string }, currentUser(req).login));
    res.status(201).location(`/api/forms/${row.key}?version=${row.version}`).json(view(row));
  });

  router.put('/:key/versions/:version', requireRole('administrator'), async (req, res) => {
    const version = pathVersion(String(req.params.version));
    const input = parseDraft(req, false);
    res.json(view(await saving(() => updateFormDraft(deps.db.em(), String(req.params.key), version, input))));
  });

  router.post('/:key/versions/:version/publish', requireRole('administrator'), async (req, res) => {
    const note = typeof req.body?.changeNote === 'string' ? req.body.changeNote : undefined;
    res.json(view(await saving(() => publishFormVersion(deps.db.em(), String(req.params.key), pathVersion(String(req.params.version)), note))));
  });

  router.post('/:key/versions/:version/archive', requireRole('administrator'), async (req, res) => {
    res.json(view(await saving(() => archiveFormVersion(deps.db.em(), String(req.params.key), pathVersion(String(req.params.version))))));
  });

  /** "Test submit": validates data exactly as a case step would. */
  router.post('/:key/versions/:version/validate', async (req, res) => {
    const version = pathVersion(String(req.params.version));
    await found(() => findFormVersion(deps.db.em(), String(req.params.key), version));
    await requireValidSubmission(deps.db.em(), deps.formValidators, { key: String(req.params.key), version }, req.body?.data ?? {}, requestLanguage(req));
    res.json({ valid: true });
  });

  return router;
}

function view(row: FormVersion) {
  return {
    key: row.key, version: row.version, status: row.status, title: row.title, schema: row.schema, uiSchema: row.uiSchema,
    translations: row.translations, author: row.author, changeNote: row.changeNote,
    createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(), publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}

function parseDraft(req: Request, withKey: boolean) {
  const language = requestLanguage(req);
  const body = req.body as Record<string, unknown> | undefined;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'BODY_REQUIRED');
  const fields: Record<string, string[]> = {};
  if (withKey && (typeof body.key !== 'string' || !KEY.test(body.key))) fields.key = [message('FORM_KEY_FORMAT', language)];
  const title = body.title as { id?: unknown; en?: unknown } | undefined;
  if (!title || typeof title.id !== 'string' || !title.id.trim() || typeof title.en !== 'string' || !title.en.trim()) {
    fields.title = [message('FORM_TITLE_REQUIRED', language)];
  }
  for (const name of ['uiSchema', 'translations'] as const) {
    const value = body[name];
    if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) fields[name] = [message('FIELD_NOT_OBJECT', language)];
  }
  if (body.schema === undefined) fields.schema = [message('FIELD_REQUIRED', language)];
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  return {
    key: body.key as string | undefined,
    title: { id: (title!.id as string).trim(), en: (title!.en as string).trim() },
    schema: body.schema,
    ...(body.uiSchema ? { uiSchema: body.uiSchema as Record<string, unknown> } : {}),
    ...(body.translations ? { translations: body.translations as Record<string, unknown> } : {}),
    ...(typeof body.changeNote === 'string' ? { changeNote: body.changeNote } : {}),
  };
}

async function found<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (err) {
    if (err instanceof FormNotFoundError) throw new HttpError(404, 'FORM_NOT_FOUND');
    throw err;
  }
}

/** Maps the registry's refusals: a bad schema 422 with JSON pointers, a frozen version 409. */
async function saving<T>(save: () => Promise<T>): Promise<T> {
  try {
    return await found(save);
  } catch (err) {
    if (err instanceof FormSchemaInvalidError) throw new HttpError(422, 'FORM_SCHEMA_INVALID', { problems: err.problems });
    if (err instanceof FormFrozenError) throw new HttpError(409, 'FORM_FROZEN', { status: err.status });
    throw err;
  }
}

function pathVersion(raw: string): number {
  const version = Number(raw);
  if (!Number.isInteger(version) || version < 1) throw new HttpError(400, 'INVALID_VERSION');
  return version;
}

function optionalVersion(raw: unknown): number | undefined {
  return raw === undefined ? undefined : pathVersion(String(raw));
}

function requiredVersion(raw: unknown, field: string, language: Language): number {
  if (raw === undefined) throw new ValidationError({ [field]: [message('FIELD_REQUIRED', language)] });
  return pathVersion(String(raw));
}
