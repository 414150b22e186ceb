import type { EntityManager } from '@mikro-orm/knex';
import { HttpError } from './errors';
import { parseCursor } from './query-params';

/** A keyset position in a list ordered by (createdAt desc, id desc): cases and tasks. */
export interface TimeCursor {
  createdAt: Date;
  id: string;
}

export function encodeTimeCursor(row: TimeCursor): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');
}

export function decodeTimeCursor(raw: unknown): TimeCursor | undefined {
  const cursor = parseCursor(raw);
  if (cursor === undefined) return undefined;
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const date = new Date(String(createdAt));
    if (typeof id !== 'string' || Number.isNaN(date.getTime())) throw new Error('bad cursor');
    return { createdAt: date, id };
  } catch {
    throw new HttpError(400, 'INVALID_CURSOR');
  }
}

/**
 * "After this cursor" as a row-value comparison on a query builder's `created_at` and `id`, so that
 * a (…, created_at, id) index is walked from the cursor on (PostgreSQL reads and filters every
 * newer row for the equivalent OR, slower the deeper the page). Both databases support row values.
 */
export function afterTimeCursorSql(em: EntityManager, alias: string, cursor: TimeCursor): [string, unknown[]] {
  return [`(${alias}.created_at, ${alias}.id) < (?, ?)`, [em.getPlatform().processDateProperty(cursor.createdAt), cursor.id]];
}
