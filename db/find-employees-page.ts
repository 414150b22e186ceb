import { sql, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { Employee } from './entities/employee';
import { unitSubtreeIds } from './unit-subtree';

export interface EmployeePageQuery {
  /** Part of the name (any case), or the first digits of a NIP. */
  search?: string;
  /** This unit and every unit below it. */
  unitId?: number;
  /** Only employees of these units (a reader's unit scope); none when empty. */
  withinUnits?: readonly number[];
  /** The nextCursor of the previous page. */
  after?: string | null;
  limit: number;
}

export interface EmployeePage {
  items: Employee[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** A cursor that was not made by findEmployeesPage (or was tampered with). */
export class InvalidCursorError extends Error {
  constructor() {
    super('Invalid page cursor');
    this.name = 'InvalidCursorError';
  }
}

/**
 * Employees ordered by (name, id), a page at a time. The cursor holds the last row's (name, id), so
 * rows inserted or removed before it never shift later pages (unlike offset paging), and the
 * (name, id) and (unit_id, name, id) indexes serve the query.
 */
export async function findEmployeesPage(em: EntityManager, query: EmployeePageQuery): Promise<EmployeePage> {
  const limit = Math.max(1, Math.min(Math.trunc(query.limit), 500));
  if (query.withinUnits && query.withinUnits.length === 0) return { items: [], nextCursor: null };
  const conditions: Array<FilterQuery<Employee>> = [];

  // LIKE wildcards in a search are taken literally by dropping them: names and NIPs never contain them.
  const search = query.search?.replace(/[%_\\]/g, '').trim();
  // A NIP is often written in groups (19710414 200005 1 002).
  const digits = search?.replace(/\s+/g, '');
  if (search && digits) {
    conditions.push(/^\d+$/.test(digits)
      ? { nip: { $like: `${digits}%` } }
      // lower() on both sides: SQLite's LIKE ignores ASCII case but PostgreSQL's does not.
      : { [sql.lower('name')]: { $like: `%${search.toLowerCase()}%` } });
  }
  if (query.unitId !== undefined) conditions.push({ unitId: { $in: await unitSubtreeIds(em, query.unitId) } });
  if (query.withinUnits) conditions.push({ unitId: { $in: [...query.withinUnits] } });
  if (query.after) {
    const [name, id] = decodeCursor(query.after);
    conditions.push({ $or: [{ name: { $gt: name } }, { name, id: { $gt: id } }] });
  }

  const rows = await em.find(Employee, conditions.length > 0 ? { $and: conditions } : {}, {
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    limit: limit + 1,
  });
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.name, last.id) : null };
}

function encodeCursor(name: string, id: number): string {
  return Buffer.from(JSON.stringify([name, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, number] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && Number.isInteger(value[1])) {
      return [value[0], value[1] as number];
    }
  } catch {
    // falls through to the error below
  }
  throw new InvalidCursorError();
}
