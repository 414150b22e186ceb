import { sql } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { CaseRecord, CaseTask } from '../../db';
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

/**
 * The page's tasks, one more than `limit` to tell whether another page follows. Read with the
 * query builder into plain rows: the inbox only lists, so building and tracking entities (the
 * identity map, change-set snapshots) would cost more than the query itself on a full page.
 */
export function inboxTasksQuery(em: EntityManager, q: InboxQuery) {
  const qb = em.createQueryBuilder(CaseTask, 't')
    .select(['id', 'caseId', 'processKey', 'stepId', 'substituteFor', 'createdAt', 'dueAt'])
    .where({ userId: q.userId, status: 'open', ...(q.processKey !== undefined ? { processKey: q.processKey } : {}) });
  // Walks the inbox index (user, status, created_at, id) from the cursor on.
  if (q.cursor) qb.andWhere(...afterTimeCursorSql(em, 't', q.cursor));
  return qb.orderBy([{ createdAt: 'desc' }, { id: 'desc' }]).limit(q.limit + 1);
}

/** The titles of the given cases; only the title, never a case's state (the whole case with its events). */
export function caseTitlesQuery(em: EntityManager, caseIds: readonly string[]) {
  return em.createQueryBuilder(CaseRecord).select(['id', 'title']).where({ id: { $in: [...new Set(caseIds)] } });
}

/** The two reads behind an inbox page: its tasks, and the titles of their cases. */
export async function readInbox(em: EntityManager, q: InboxQuery): Promise<{ tasks: InboxTaskRow[]; titles: Map<string, string> }> {
  const tasks = await inboxTasksQuery(em, q).execute<InboxTaskRow[]>('all', true);
  const page = tasks.slice(0, q.limit);
  const titles = new Map<string, string>();
  if (page.length > 0) {
    const rows = await caseTitlesQuery(em, page.map((t) => t.caseId)).execute<{ id: string; title: string }[]>('all', true);
    for (const row of rows) titles.set(row.id, row.title);
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
