import type { EntityManager } from '@mikro-orm/knex';
import { FormVersion } from './entities/form-version';
import { rememberVersion } from './immutable-versions';
import { ProcessDefinitionVersion } from './entities/process-definition-version';
import { validateDefinition, type DefinitionProblem, type ProcessDefinition } from '../processes';

export class DefinitionInvalidError extends Error {
  constructor(readonly problems: DefinitionProblem[]) {
    super(`The process definition is not valid: ${problems.map((p) => `${p.path}: ${p.message.en}`).join('; ')}`);
    this.name = 'DefinitionInvalidError';
  }
}

export class DefinitionNotFoundError extends Error {
  constructor(readonly key: string, readonly version?: number) {
    super(version === undefined ? `No published process "${key}"` : `No version ${version} of process "${key}"`);
    this.name = 'DefinitionNotFoundError';
  }
}

/**
 * Validates and publishes a definition as the next version of its key. Published versions are
 * never changed; running cases keep the snapshot they started with.
 */
export async function publishDefinition(
  em: EntityManager, input: unknown, meta: { author?: string; changeNote?: string } = {},
): Promise<ProcessDefinition> {
  const checked = await checkDefinition(em, input);
  return em.transactional(async (tx) => {
    const latest = await tx.findOne(ProcessDefinitionVersion, { key: checked.key }, { orderBy: { version: 'desc' } });
    const definition: ProcessDefinition = { ...checked, version: (latest?.version ?? 0) + 1 };
    const now = new Date();
    tx.create(ProcessDefinitionVersion, {
      key: definition.key,
      version: definition.version,
      status: 'published',
      definition: definition as unknown as Record<string, unknown>,
      changeNote: meta.changeNote ?? null,
      createdBy: meta.author ?? null,
      createdAt: now,
      publishedAt: now,
    });
    return definition;
  });
}

/**
 * Validates a definition as publishDefinition would, without publishing it: the checked definition,
 * or DefinitionInvalidError with every problem.
 */
export async function checkDefinition(em: EntityManager, input: unknown): Promise<ProcessDefinition> {
  const candidate = typeof input === 'object' && input !== null ? { ...(input as Record<string, unknown>), version: 1 } : input;
  // Steps may reference only published form versions.
  const published = new Set((await em.find(FormVersion, { status: 'published' }, { fields: ['key', 'version'] })).map((f) => `${f.key}@${f.version}`));
  const checked = validateDefinition(candidate, { formExists: (ref) => published.has(`${ref.key}@${ref.version}`) });
  if (!checked.ok) throw new DefinitionInvalidError(checked.problems);
  return checked.definition;
}

/** The newest published version of a process, or a given version. */
export async function findDefinition(em: EntityManager, key: string, version?: number): Promise<ProcessDefinition> {
  const row = await em.findOne(
    ProcessDefinitionVersion,
    version === undefined ? { key, status: 'published' } : { key, version },
    { orderBy: { version: 'desc' } },
  );
  if (!row) throw new DefinitionNotFoundError(key, version);
  return row.definition as unknown as ProcessDefinition;
}

/**
 * A given version of a process, kept in memory once released (it never changes): the form check
 * of every decision reads its case's version.
 */
export async function findDefinitionVersion(em: EntityManager, key: string, version: number): Promise<ProcessDefinition> {
  return rememberVersion(em, `process:${key}@${version}`, async () => {
    const row = await em.findOne(ProcessDefinitionVersion, { key, version });
    if (!row) throw new DefinitionNotFoundError(key, version);
    return { value: row.definition as unknown as ProcessDefinition, released: row.status !== 'draft' };
  });
}

/** Publishes each default definition whose key has no version yet; returns the keys published. */
export async function ensureDefaultDefinitions(em: EntityManager, defaults: readonly ProcessDefinition[]): Promise<string[]> {
  const published: string[] = [];
  for (const definition of defaults) {
    if (await em.count(ProcessDefinitionVersion, { key: definition.key })) continue;
    await publishDefinition(em, definition, { author: 'system', changeNote: 'Default definition' });
    published.push(definition.key);
  }
  return published;
}

/** The newest published version of every process. */
export async function listDefinitions(em: EntityManager): Promise<ProcessDefinition[]> {
  const rows = await em.find(ProcessDefinitionVersion, { status: 'published' }, { orderBy: { key: 'asc', version: 'desc' } });
  const newest = new Map<string, ProcessDefinition>();
  for (const row of rows) if (!newest.has(row.key)) newest.set(row.key, row.definition as unknown as ProcessDefinition);
  return [...newest.values()];
}
