import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { CALENDAR_DAY_KINDS, CalendarDay, type CalendarDayKind } from '../../db';
import { HttpError } from '../errors';
import { addFieldError, bothLanguages, throwIfInvalid, type FieldErrors } from '../registry/field-errors';
import type { AdminContext } from './admin-context';
import { parseFields, requireFields } from './body-fields';
import type { CalendarDayView, CalendarYearView } from './views';

/** Saturday and Sunday, as loadRegistryCalendar counts them. */
export const WEEKEND: readonly number[] = [6, 7];

export interface CalendarDayInput {
  date: string;
  kind: CalendarDayKind;
  nameId: string;
  /** Defaults to nameId. */
  nameEn: string;
}

const SHAPES = {
  date: { kind: 'date' },
  kind: { kind: 'oneOf', options: CALENDAR_DAY_KINDS },
  nameId: { kind: 'text', max: 200 },
  nameEn: { kind: 'text', max: 200 },
} as const;

/** A year's stored days in date order; ordinary weekends are implied, never listed. */
export async function listCalendarYear(em: EntityManager, year: number): Promise<CalendarYearView> {
  const days = await em.find(CalendarDay, { date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } }, { orderBy: { date: 'asc' } });
  return { year, weekend: [...WEEKEND], items: days.map(calendarDayView) };
}

/** Adds a holiday, a cuti bersama or an extra working day; the next deadline the engine sets counts it. */
export async function createCalendarDay(em: EntityManager, body: Record<string, unknown>, context: AdminContext): Promise<CalendarDayView> {
  const parsed = parseFields<CalendarDayInput>(body, SHAPES);
  requireFields(parsed, ['date', 'kind', 'nameId']);
  const record = { ...parsed.values, nameEn: parsed.values.nameEn ?? parsed.values.nameId } as CalendarDayInput;
  await checkDay(em, record, parsed.errors, null);
  throwIfInvalid(parsed.errors, context.language);
  const id = await saving(record, context, () => em.insert(CalendarDay, { ...record, updatedAt: context.now, updatedBy: context.actor.login }));
  return calendarDayView(await em.fork().findOneOrFail(CalendarDay, { id }));
}

export async function updateCalendarDay(
  em: EntityManager, id: number, body: Record<string, unknown>, context: AdminContext,
): Promise<CalendarDayView> {
  const day = await em.findOne(CalendarDay, { id });
  if (!day) throw new HttpError(404, 'CALENDAR_DAY_NOT_FOUND', { id });
  const parsed = parseFields<CalendarDayInput>(body, SHAPES);
  const record: CalendarDayInput = { date: day.date, kind: day.kind, nameId: day.nameId, nameEn: day.nameEn, ...parsed.values };
  await checkDay(em, record, parsed.errors, id);
  throwIfInvalid(parsed.errors, context.language);
  await saving(record, context, () => em.nativeUpdate(CalendarDay, { id }, { ...record, updatedAt: context.now, updatedBy: context.actor.login }));
  return calendarDayView(await em.fork().findOneOrFail(CalendarDay, { id }));
}

export async function deleteCalendarDay(em: EntityManager, id: number): Promise<void> {
  const removed = await em.nativeDelete(CalendarDay, { id });
  if (removed === 0) throw new HttpError(404, 'CALENDAR_DAY_NOT_FOUND', { id });
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a YYYY-MM-DD date. */
export function isoWeekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * A cuti bersama is leave from a working day, so it cannot fall on a weekend; an extra working day
 * is a weekend day worked, so it must. A national holiday may fall on a weekend (it is still
 * listed as decreed). One entry per date.
 */
async function checkDay(em: EntityManager, record: CalendarDayInput, errors: FieldErrors, selfId: number | null): Promise<void> {
  if (record.date === undefined || errors.date) return;
  const weekend = WEEKEND.includes(isoWeekdayOf(record.date));
  if (!errors.kind && record.kind === 'CUTI_BERSAMA' && weekend) addFieldError(errors, 'date', bothLanguages('FIELD_WEEKEND_CUTI_BERSAMA'));
  if (!errors.kind && record.kind === 'EXTRA_WORKING_DAY' && !weekend) addFieldError(errors, 'date', bothLanguages('FIELD_EXTRA_DAY_ON_WEEKDAY'));
  const other = await em.findOne(CalendarDay, { date: record.date, ...(selfId === null ? {} : { id: { $ne: selfId } }) });
  if (other) addFieldError(errors, 'date', bothLanguages('FIELD_DATE_TAKEN', { name: other.nameId }));
}

/** A concurrent write of the same date passes the check and meets the unique index instead. */
async function saving<T>(record: CalendarDayInput, context: AdminContext, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) {
      const errors: FieldErrors = {};
      addFieldError(errors, 'date', bothLanguages('FIELD_DATE_TAKEN', { name: record.date }));
      throwIfInvalid(errors, context.language);
    }
    throw err;
  }
}

export function calendarDayView(day: CalendarDay): CalendarDayView {
  return {
    id: day.id,
    date: day.date,
    weekday: isoWeekdayOf(day.date),
    kind: day.kind,
    nameId: day.nameId,
    nameEn: day.nameEn,
    updatedAt: day.updatedAt ? new Date(day.updatedAt).toISOString() : null,
    updatedBy: day.updatedBy ?? null,
  };
}
