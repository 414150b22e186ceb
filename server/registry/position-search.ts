import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { OrgUnit, Position, unitSubtreeIds } from '../../db';
import { HttpError } from '../errors';
import { positionViews } from './position-views';
import type { PositionPageView } from './views';

export interface PositionSearch {
  /** This unit and the units below it. */
  unitId?: number;
  /** true: only vacant positions; false: only filled ones. */
  vacant?: boolean;
  cursor?: string;
  limit: number;
}

/**
 * Positions a page at a time, in id order (the seed gives ids depth-first through the tree, so a
 * unit's positions come together). The cursor is the last id seen.
 */
export async function searchPositions(em: EntityManager, query: PositionSearch): Promise<PositionPageView> {
  const conditions: Array<FilterQuery<Position>> = [];
  if (query.unitId !== undefined) {
    if (!(await em.count(OrgUnit, { id: query.unitId }))) throw new HttpError(404, 'UNIT_NOT_FOUND', { unitId: query.unitId });
    conditions.push({ unitId: { $in: await unitSubtreeIds(em, query.unitId) } });
  }
  if (query.vacant !== undefined) conditions.push({ holderEmployeeId: query.vacant ? null : { $ne: null } });
  if (query.cursor !== undefined) conditions.push({ id: { $gt: decodePositionCursor(query.cursor) } });
  const rows = await em.find(Position, conditions.length ? { $and: conditions } : {}, { orderBy: { id: 'asc' }, limit: query.limit + 1 });
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    items: await positionViews(em, items),
    nextCursor: rows.length > query.limit && last ? Buffer.from(JSON.stringify({ after: last.id })).toString('base64url') : null,
  };
}

function decodePositionCursor(cursor: string): number {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const after = typeof value === 'object' && value !== null ? (value as { after?: unknown }).after : undefined;
    if (Number.isSafeInteger(after)) return after as number;
  } catch {
    // falls through to the error below
  }
  throw new HttpError(400, 'INVALID_CURSOR');
}
