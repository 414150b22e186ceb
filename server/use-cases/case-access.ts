import type { EntityManager, Knex } from '@mikro-orm/knex';
import { booleanFromRow, CaseRecord, CaseTask, columnOf, knexStatements, tableOf, type Database } from '../../db';

/** What every action reads of a case before anything else: one row, without the case's state. */
export interface CaseAccessRow {
  version: number;
  process: string;
  initiator: string | null;
  processVersion: number | null;
  /** Whether the user holds or held a task on the case. */
  involved: boolean;
}

/**
 * The statement behind {@link readCaseAccess}: the case's version, process and initiator, the
 * process version from inside the stored state, and whether `login` holds or held a task on it
 * (answered by the case_tasks (case_id, user_id) index, not by walking the user's tasks).
 * Built with the ORM's knex: the entity query builder's criteria processing cost more than the query.
 */
export function caseAccessQuery(db: Database, caseId: string, login: string, em: EntityManager = db.em()): Knex.QueryBuilder {
  const knex = em.getKnex();
  const c = (property: keyof CaseRecord & string) => `c.${columnOf(em, CaseRecord, property)}`;
  const t = (property: keyof CaseTask & string) => `t.${columnOf(em, CaseTask, property)}`;
  const processVersion = db.kind === 'sqlite' ? `json_extract(${c('state')}, '$.process.version')` : `(${c('state')}->'process'->>'version')::int`;
  return knex({ c: tableOf(em, CaseRecord) })
    .select({ version: c('version'), process: c('process'), initiator: c('initiator') })
    .select(knex.raw(`${processVersion} as process_version`))
    .select(knex.raw(`exists (select 1 from ${tableOf(em, CaseTask)} t where ${t('caseId')} = ${c('id')} and ${t('userId')} = ?) as involved`, [login]))
    .where(c('id'), caseId)
    .limit(1);
}

/** The case as projected, as far as access needs it; undefined when it is not projected (yet). */
export async function readCaseAccess(db: Database, caseId: string, login: string): Promise<CaseAccessRow | undefined> {
  type Row = { version: number | string; process: string; initiator: string | null; process_version: number | string | null; involved: unknown };
  const em = db.em();
  const [row] = await knexStatements(em).all<Row>(caseAccessQuery(db, caseId, login, em));
  if (!row) return undefined;
  return {
    version: Number(row.version),
    process: row.process,
    initiator: row.initiator,
    processVersion: row.process_version === null ? null : Number(row.process_version),
    involved: booleanFromRow(row.involved),
  };
}
