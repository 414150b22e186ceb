import { sql } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/knex';
import { CaseRecord, CaseTask, dateFromRow, tableOf } from '../../db';
import { afterTimeCursorSql, encodeTimeCursor, type TimeCursor } from '../time-cursor';

/** One page of a user's inbox: open tasks, newest first, after an optional keyset cursor. */
export interface InboxQuery {
  userId: string;
  processKey?: string;
  cursor?: TimeCursor;
  limit: number;
}

/** A task as the inbox lists it: plain rows, never managed entities (nothing here is written back). */
export type InboxTaskRow = Pick<CaseTask, 'id' | 'caseId' | 'processKey' | 'stepId' | 'substituteFor' | 'createdAt' | 'dueAt'>;

export interface InboxItem {
  id: string;
  caseId: string;
  process: string;
  title: string | null;
  stepId: string;
  substituteFor: string | null;
  createdAt: string;
  dueAt: string | null;
}

/** Columns of `case_tasks` the inbox lists, by the property each becomes. */
const TASK_COLUMNS = {
  id: 't.id', caseId: 't.case_id', processKey: 't.process_key', stepId: 't.step_id',
  substituteFor: 't.substitute_for', createdAt: 't.created_at', dueAt: 't.due_at',
} as const;

/**
 * The page's tasks, one more than `limit` to tell whether another page follows, built with the
 * ORM's knex (the same connection, dialect and quoting as every other query). Not MikroORM's
 * entity query builder: on this hot read its criteria processing (metadata lookups, criteria
 * nodes, alias maps) cost twice the query itself on SQLite, and the inbox only lists plain rows;
 * nothing here is written back, so there is nothing for the unit of work to track.
 */
export function inboxTasksQuery(em: EntityManager, q: InboxQuery): Knex.QueryBuilder {
  const qb = em.getKnex()
    .from({ t: tableOf(em, CaseTask) })
    .select(TASK_COLUMNS)
    .where('t.user_id', q.userId).andWhere('t.status', 'open');
  if (q.processKey !== undefined) qb.andWhere('t.process_key', q.processKey);
  // Walks the inbox index (user, status, created_at, id) from the cursor on.
  if (q.cursor) {
    const [after, bindings] = afterTimeCursorSql(em, 't', q.cursor);
    qb.andWhereRaw(after, bindings as Knex.RawBinding[]);
  }
  return qb.orderBy([{ column: 't.created_at', order: 'desc' }, { column: 't.id', order: 'desc' }]).limit(q.limit + 1);
}

/** The titles of the given cases; only the title, never a case's state (the whole case with its events). */
export function caseTitlesQuery(em: EntityManager, caseIds: readonly string[]): Knex.QueryBuilder {
  return em.getKnex().from(tableOf(em, CaseRecord)).select('id', 'title').whereIn('id', [...new Set(caseIds)]);
}

/** The two reads behind an inbox page: its tasks, and the titles of their cases. */
export async function readInbox(em: EntityManager, q: InboxQuery): Promise<{ tasks: InboxTaskRow[]; titles: Map<string, string> }> {
  const conn = em.getConnection();
  type Row = Omit<InboxTaskRow, 'createdAt' | 'dueAt'> & { createdAt: Date | number | string; dueAt: Date | number | string | null };
  const rows = await conn.execute<Row[]>(inboxTasksQuery(em, q));
  const tasks = rows.map((row) => ({ ...row, createdAt: dateFromRow(row.createdAt), dueAt: row.dueAt === null ? null : dateFromRow(row.dueAt) }));
  const page = tasks.slice(0, q.limit);
  const titles = new Map<string, string>();
  if (page.length > 0) {
    const found = await conn.execute<{ id: string; title: string }[]>(caseTitlesQuery(em, page.map((t) => t.caseId)));
    for (const row of found) titles.set(row.id, row.title);
  }
  return { tasks, titles };
}

/** GET /api/tasks: one page of the inbox and the cursor of the next, if any. */
export async function inboxPage(em: EntityManager, q: InboxQuery): Promise<{ items: InboxItem[]; nextCursor: string | null }> {
  const { tasks, titles } = await readInbox(em, q);
  const page = tasks.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((task) => ({
      id: task.id,
      caseId: task.caseId,
      process: task.processKey,
      title: titles.get(task.caseId) ?? null,
      stepId: task.stepId,
      substituteFor: task.substituteFor,
      createdAt: task.createdAt.toISOString(),
      dueAt: task.dueAt?.toISOString() ?? null,
    })),
    nextCursor: tasks.length > q.limit && last ? encodeTimeCursor(last) : null,
  };
}

/** GET /api/tasks/counts: the user's open tasks, in all and per process, counted by the database. */
export async function inboxCounts(em: EntityManager, userId: string): Promise<{ total: number; byProcess: Record<string, number> }> {
  const rows = await em.createQueryBuilder(CaseTask)
    .select(['processKey', sql`count(*)`.as('count')])
    .where({ userId, status: 'open' })
    .groupBy('processKey')
    .execute<{ processKey: string; count: number | string }[]>('all', true);
  const byProcess: Record<string, number> = {};
  let total = 0;
  for (const row of rows) {
    const n = Number(row.count);
    byProcess[row.processKey] = n;
    total += n;
  }
  return { total, byProcess };
}
