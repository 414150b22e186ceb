import type { EntityManager } from '@mikro-orm/knex';
import { ELECTION_FREEZE_VARIABLE, electionFreezeFromEnv } from '../../activities/election-freeze';
import { ElectionFreezePeriod } from '../../db';
import { HttpError } from '../errors';
import { addFieldError, bothLanguages, throwIfInvalid, type FieldErrors } from '../registry/field-errors';
import { isPostgres, type AdminContext } from './admin-context';
import { parseFields, requireFields } from './body-fields';
import type { FreezePeriodList, FreezePeriodView } from './views';

export interface FreezePeriodInput {
  /** YYYY-MM-DD, both days included. */
  start: string;
  end: string;
  /** Why, and the legal basis (e.g. the KPU decision that set the candidate pairs). */
  reason: string;
}

const SHAPES = {
  start: { kind: 'date' },
  end: { kind: 'date' },
  reason: { kind: 'text', min: 10, max: 2000 },
} as const;

/** The periods in date order, and what ALUR_ELECTION_FREEZE holds (it applies only while there are none). */
export async function listFreezePeriods(em: EntityManager, env: Record<string, string | undefined> = process.env): Promise<FreezePeriodList> {
  const periods = await em.find(ElectionFreezePeriod, {}, { orderBy: { startDate: 'asc', id: 'asc' } });
  let windows: Array<{ start: string; end: string }> = [];
  let invalid = false;
  try {
    windows = electionFreezeFromEnv(env).map(({ start, end }) => ({ start, end }));
  } catch {
    invalid = true;
  }
  return {
    items: periods.map(freezePeriodView),
    environment: { variable: ELECTION_FREEZE_VARIABLE, windows, inUse: periods.length === 0 && windows.length > 0, invalid },
  };
}

export async function createFreezePeriod(em: EntityManager, body: Record<string, unknown>, context: AdminContext): Promise<FreezePeriodView> {
  const parsed = parseFields<FreezePeriodInput>(body, SHAPES);
  requireFields(parsed, ['start', 'end', 'reason']);
  const id = await em.transactional(async (tx) => {
    await lockPeriods(tx);
    await checkPeriod(tx, parsed.values, parsed.errors, null);
    throwIfInvalid(parsed.errors, context.language);
    const { start, end, reason } = parsed.values as FreezePeriodInput;
    return tx.insert(ElectionFreezePeriod, {
      startDate: start, endDate: end, reason, createdAt: context.now, createdBy: context.actor.login, updatedAt: context.now, updatedBy: context.actor.login,
    });
  });
  return freezePeriodView(await em.fork().findOneOrFail(ElectionFreezePeriod, { id }));
}

export async function updateFreezePeriod(
  em: EntityManager, id: number, body: Record<string, unknown>, context: AdminContext,
): Promise<FreezePeriodView> {
  const parsed = parseFields<FreezePeriodInput>(body, SHAPES);
  await em.transactional(async (tx) => {
    await lockPeriods(tx);
    const period = await tx.findOne(ElectionFreezePeriod, { id });
    if (!period) throw new HttpError(404, 'FREEZE_PERIOD_NOT_FOUND', { id });
    const record = { start: period.startDate, end: period.endDate, reason: period.reason, ...parsed.values };
    await checkPeriod(tx, record, parsed.errors, id);
    throwIfInvalid(parsed.errors, context.language);
    tx.assign(period, { startDate: record.start, endDate: record.end, reason: record.reason, updatedAt: context.now, updatedBy: context.actor.login });
  });
  return freezePeriodView(await em.fork().findOneOrFail(ElectionFreezePeriod, { id }));
}

export async function deleteFreezePeriod(em: EntityManager, id: number): Promise<void> {
  const removed = await em.nativeDelete(ElectionFreezePeriod, { id });
  if (removed === 0) throw new HttpError(404, 'FREEZE_PERIOD_NOT_FOUND', { id });
}

/** Start not after end, and no overlap with another period (both ends count). */
async function checkPeriod(em: EntityManager, record: Partial<FreezePeriodInput>, errors: FieldErrors, selfId: number | null): Promise<void> {
  const { start, end } = record;
  if (start === undefined || end === undefined || errors.start || errors.end) return;
  if (end < start) {
    addFieldError(errors, 'end', bothLanguages('FIELD_END_BEFORE_START', { start }));
    return;
  }
  const overlapping = await em.findOne(ElectionFreezePeriod, {
    startDate: { $lte: end }, endDate: { $gte: start }, ...(selfId === null ? {} : { id: { $ne: selfId } }),
  }, { orderBy: { startDate: 'asc' } });
  if (overlapping) {
    addFieldError(errors, 'start', bothLanguages('FIELD_FREEZE_OVERLAP', { start: overlapping.startDate, end: overlapping.endDate }));
  }
}

/** Two overlapping periods written at once would each pass the check alone: on PostgreSQL writers take turns. */
async function lockPeriods(em: EntityManager): Promise<void> {
  if (isPostgres(em)) await em.execute('lock table election_freeze_periods in share row exclusive mode');
}

export function freezePeriodView(period: ElectionFreezePeriod): FreezePeriodView {
  return {
    id: period.id,
    start: period.startDate,
    end: period.endDate,
    reason: period.reason,
    createdAt: new Date(period.createdAt).toISOString(),
    createdBy: period.createdBy,
    updatedAt: new Date(period.updatedAt).toISOString(),
    updatedBy: period.updatedBy,
  };
}
