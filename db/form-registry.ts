import type { EntityManager } from '@mikro-orm/knex';
import { checkFormSchema, type SchemaProblem } from '../forms';
import { FormVersion } from './entities/form-version';
import { rememberVersion } from './immutable-versions';
import { ProcessDefinitionVersion } from './entities/process-definition-version';
import type { ProcessDefinition } from '../processes';

export class FormSchemaInvalidError extends Error {
  constructor(readonly problems: SchemaProblem[]) {
    super(`The form schema cannot be saved: ${problems.map((p) => `${p.pointer || '/'}: ${p.message.en}`).join('; ')}`);
    this.name = 'FormSchemaInvalidError';
  }
}

export class FormNotFoundError extends Error {
  constructor(readonly key: string, readonly version?: number) {
    super(version === undefined ? `No form "${key}"` : `No version ${version} of form "${key}"`);
    this.name = 'FormNotFoundError';
  }
}

/** A published or archived version cannot change; only drafts can. */
export class FormFrozenError extends Error {
  constructor(readonly key: string, readonly version: number, readonly status: string) {
    super(`Version ${version} of form "${key}" is ${status} and cannot change`);
    this.name = 'FormFrozenError';
  }
}

export interface FormDraftInput {
  key: string;
  title: { id: string; en: string };
  schema: unknown;
  uiSchema?: Record<string, unknown>;
  translations?: Record<string, unknown>;
  changeNote?: string;
}

function guard(schema: unknown): Record<string, unknown> {
  const checked = checkFormSchema(schema);
  if (!checked.ok) throw new FormSchemaInvalidError(checked.problems);
  return schema as Record<string, unknown>;
}

/** A new draft: the next version number of the key. */
export async function createFormDraft(em: EntityManager, input: FormDraftInput, author: string): Promise<FormVersion> {
  const schema = guard(input.schema);
  return em.transactional(async (tx) => {
    const latest = await tx.findOne(FormVersion, { key: input.key }, { orderBy: { version: 'desc' } });
    const now = new Date();
    return tx.create(FormVersion, {
      key: input.key,
      version: (latest?.version ?? 0) + 1,
      status: 'draft',
      title: input.title,
      schema,
      uiSchema: input.uiSchema ?? {},
      translations: input.translations ?? {},
      author,
      changeNote: input.changeNote ?? null,
      createdAt: now,
      updatedAt: now,
      publishedAt: null,
    });
  });
}

export async function updateFormDraft(em: EntityManager, key: string, version: number, input: Omit<FormDraftInput, 'key'>): Promise<FormVersion> {
  const schema = guard(input.schema);
  const row = await findFormVersion(em, key, version);
  if (row.status !== 'draft') throw new FormFrozenError(key, version, row.status);
  em.assign(row, {
    title: input.title, schema, uiSchema: input.uiSchema ?? {}, translations: input.translations ?? {},
    changeNote: input.changeNote ?? row.changeNote, updatedAt: new Date(),
  });
  await em.flush();
  return row;
}

export async function publishFormVersion(em: EntityManager, key: string, version: number, changeNote?: string): Promise<FormVersion> {
  const row = await findFormVersion(em, key, version);
  if (row.status !== 'draft') throw new FormFrozenError(key, version, row.status);
  guard(row.schema);
  const now = new Date();
  em.assign(row, { status: 'published', publishedAt: now, updatedAt: now, ...(changeNote ? { changeNote } : {}) });
  await em.flush();
  return row;
}

export async function archiveFormVersion(em: EntityManager, key: string, version: number): Promise<FormVersion> {
  const row = await findFormVersion(em, key, version);
  if (row.status === 'archived') return row;
  em.assign(row, { status: 'archived', updatedAt: new Date() });
  await em.flush();
  return row;
}

/** A given version, or with no version the newest published one. */
export async function findFormVersion(em: EntityManager, key: string, version?: number): Promise<FormVersion> {
  const row = await em.findOne(FormVersion, version === undefined ? { key, status: 'published' } : { key, version }, { orderBy: { version: 'desc' } });
  if (!row) throw new FormNotFoundError(key, version);
  return row;
}

/** The schema a submission is checked against: a form version's key, version and JSON Schema. */
export interface FormSchemaVersion {
  key: string;
  version: number;
  schema: Record<string, unknown>;
}

/** A given version's schema, kept in memory once published (publishing freezes a form). */
export async function findFormSchema(em: EntityManager, key: string, version: number): Promise<FormSchemaVersion> {
  return rememberVersion(em, `form:${key}@${version}`, async () => {
    const row = await findFormVersion(em, key, version);
    return { value: { key: row.key, version: row.version, schema: row.schema }, released: row.status !== 'draft' };
  });
}

/** Whether a published version exists: a process definition may reference only those. */
export async function publishedFormExists(em: EntityManager, key: string, version: number): Promise<boolean> {
  return (await em.count(FormVersion, { key, version, status: 'published' })) > 0;
}

/** Every process version whose start form or steps reference the form (any version). */
export async function whereFormUsed(em: EntityManager, key: string): Promise<Array<{ process: string; processVersion: number; stepId: string | null; formVersion: number }>> {
  const rows = await em.find(ProcessDefinitionVersion, {}, { orderBy: { key: 'asc', version: 'asc' } });
  const uses: Array<{ process: string; processVersion: number; stepId: string | null; formVersion: number }> = [];
  for (const row of rows) {
    const definition = row.definition as unknown as ProcessDefinition;
    if (definition.startForm?.key === key) uses.push({ process: row.key, processVersion: row.version, stepId: null, formVersion: definition.startForm.version });
    for (const step of definition.steps) {
      if ('form' in step && step.form?.key === key) uses.push({ process: row.key, processVersion: row.version, stepId: step.id, formVersion: step.form.version });
    }
  }
  return uses;
}
