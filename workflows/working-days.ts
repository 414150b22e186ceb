/**
 * Working-day (hari kerja) arithmetic on an editable calendar. Runs inside Temporal's workflow
 * sandbox, so it is pure: only arithmetic on the instants it is given, no clock, no Intl, no Node.
 *
 * Days are handled as local day numbers (whole days since 1970-01-01 in the calendar's local
 * time). A fixed UTC offset is enough: Indonesia has no daylight saving time.
 */
import type { DurationSpec } from '../processes/model';

export interface WorkingCalendar {
  /** Minutes east of UTC of the calendar's local time (WIB = 420). */
  utcOffsetMinutes: number;
  /** ISO weekdays that are not working days (6 = Saturday, 7 = Sunday). */
  weekend: number[];
  /** Local dates (YYYY-MM-DD) that are not working days: national holidays and cuti bersama. */
  holidays: string[];
  /**
   * Local dates that are working days although they fall on the weekend (a Saturday worked in
   * exchange for a cuti bersama). Optional: calendars recorded before it existed have none.
   */
  extraWorkingDays?: string[];
}

const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60 * MS_PER_SECOND;
const MS_PER_DAY = 24 * 60 * MS_PER_MINUTE;

/**
 * A calendar with no working day in this many consecutive days is broken (every day a weekend or
 * holiday); searching further would only hang the workflow task.
 */
const MAX_CONSECUTIVE_NON_WORKING_DAYS = 3660;

/** Larger spans are not deadlines but typos; refusing them keeps every loop here short. */
const MAX_DAYS = 3660;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar prepared for arithmetic: numeric offset, weekday and holiday sets. */
interface PreparedCalendar {
  offsetMs: number;
  weekend: ReadonlySet<number>;
  holidays: ReadonlySet<number>;
  extraWorkingDays: ReadonlySet<number>;
}

export function localDate(instant: Date, cal: WorkingCalendar): string {
  return formatDay(dayOf(instant, offsetMs(cal)));
}

export function isWorkingDay(localDate: string, cal: WorkingCalendar): boolean {
  return isWorking(parseDay(localDate, 'date'), prepare(cal));
}

/**
 * The deadline N working days after `from`: the end (local 23:59:59.999) of the Nth working day
 * after the day of `from`. from on a Friday + 1 working day = end of Monday (if Monday is not a
 * holiday). Zero days is `from` itself ("no time at all"), so an escalation `after` of zero lands
 * exactly on the deadline.
 */
export function addWorkingDays(from: Date, days: number, cal: WorkingCalendar): Date {
  checkInstant(from, 'from');
  checkDayCount(days, 'workingDays');
  if (days === 0) return new Date(from.getTime());
  const prepared = prepare(cal);
  let day = dayOf(from, prepared.offsetMs);
  for (let found = 0; found < days; found += 1) {
    day = nextWorkingDay(day, 1, prepared);
  }
  return endOfDay(day, prepared.offsetMs);
}

/**
 * Working days from a to b (whole local days strictly after a's day up to and including b's day),
 * negative when b is before a — used for "due in N working days" badges. Same local day: 0.
 */
export function workingDaysBetween(a: Date, b: Date, cal: WorkingCalendar): number {
  checkInstant(a, 'a');
  checkInstant(b, 'b');
  const prepared = prepare(cal);
  const dayA = dayOf(a, prepared.offsetMs);
  const dayB = dayOf(b, prepared.offsetMs);
  // 0 - n, not -n: a backwards span without working days is 0, never -0.
  return dayB >= dayA ? countWorkingDays(dayA, dayB, prepared) : 0 - countWorkingDays(dayB, dayA, prepared);
}

/**
 * Deadline for a DurationSpec: workingDays → addWorkingDays; calendarDays → end of the local day
 * N days later; seconds → from + N seconds exactly. Any zero duration is `from` itself.
 */
export function deadlineAfter(from: Date, spec: DurationSpec, cal: WorkingCalendar): Date {
  checkInstant(from, 'from');
  const duration = durationOf(spec);
  if (duration.amount === 0) return new Date(from.getTime());
  switch (duration.unit) {
    case 'workingDays':
      return addWorkingDays(from, duration.amount, cal);
    case 'calendarDays': {
      const offset = offsetMs(cal);
      return endOfDay(dayOf(from, offset) + duration.amount, offset);
    }
    case 'seconds':
      return new Date(from.getTime() + duration.amount * MS_PER_SECOND);
  }
}

/**
 * The instant `spec` before `deadline` (for reminders).
 *
 * workingDays N: the same local time of day as the deadline, on the latest working day W before
 * the deadline's day such that exactly N working days fall after W's day up to and including the
 * deadline's day. So the assignee still has N whole working days when reminded, and
 * workingDaysBetween(result, deadline) === N. For a deadline made by addWorkingDays(from, D) with
 * D > N this is exactly addWorkingDays(from, D − N): deadline end of Monday, 1 working day before
 * → end of the Friday before. When the deadline's own day is not a working day (a calendar-day
 * deadline on a Saturday), the count starts at the working days before it: 1 working day before
 * the end of Saturday is the end of Thursday (Friday is the one day left).
 *
 * calendarDays N: exactly N × 24 hours earlier (no DST in Indonesia, so the same local time).
 * seconds N: exactly N seconds earlier. Any zero duration is the deadline itself.
 */
export function instantBefore(deadline: Date, spec: DurationSpec, cal: WorkingCalendar): Date {
  checkInstant(deadline, 'deadline');
  const duration = durationOf(spec);
  if (duration.amount === 0) return new Date(deadline.getTime());
  switch (duration.unit) {
    case 'workingDays': {
      const prepared = prepare(cal);
      const deadlineDay = dayOf(deadline, prepared.offsetMs);
      // Walk back over N working days (the deadline's day counts when it is one), then on to the
      // working day before them.
      let day = deadlineDay;
      for (let counted = isWorking(day, prepared) ? 1 : 0; counted < duration.amount; counted += 1) {
        day = nextWorkingDay(day, -1, prepared);
      }
      const reminderDay = nextWorkingDay(day, -1, prepared);
      return new Date(deadline.getTime() - (deadlineDay - reminderDay) * MS_PER_DAY);
    }
    case 'calendarDays':
      return new Date(deadline.getTime() - duration.amount * MS_PER_DAY);
    case 'seconds':
      return new Date(deadline.getTime() - duration.amount * MS_PER_SECOND);
  }
}

/**
 * The first working day strictly after `day` (step 1) or strictly before it (step −1).
 * Throws when the calendar has no working day in a long run of days.
 */
function nextWorkingDay(day: number, step: 1 | -1, cal: PreparedCalendar): number {
  let candidate = day;
  for (let searched = 1; searched <= MAX_CONSECUTIVE_NON_WORKING_DAYS; searched += 1) {
    candidate += step;
    if (isWorking(candidate, cal)) return candidate;
  }
  throw new Error(
    `Working calendar has no working day in the ${MAX_CONSECUTIVE_NON_WORKING_DAYS} days ${step === 1 ? 'after' : 'before'} ` +
      `${formatDay(day)}: check its weekend and holiday lists.`,
  );
}

/** Working days in (fromDay, toDay], without walking the span: whole weeks, the rest, holidays, extra working days. */
function countWorkingDays(fromDay: number, toDay: number, cal: PreparedCalendar): number {
  const span = toDay - fromDay;
  const weeks = Math.floor(span / 7);
  let count = weeks * (7 - cal.weekend.size);
  for (let day = fromDay + weeks * 7 + 1; day <= toDay; day += 1) {
    if (!cal.weekend.has(isoWeekday(day))) count += 1;
  }
  for (const holiday of cal.holidays) {
    if (holiday > fromDay && holiday <= toDay && !cal.weekend.has(isoWeekday(holiday))) count -= 1;
  }
  for (const extra of cal.extraWorkingDays) {
    if (extra > fromDay && extra <= toDay && cal.weekend.has(isoWeekday(extra)) && !cal.holidays.has(extra)) count += 1;
  }
  return count;
}

/** A holiday wins over an extra working day on the same date: nobody is asked to work on it. */
function isWorking(day: number, cal: PreparedCalendar): boolean {
  if (cal.holidays.has(day)) return false;
  return !cal.weekend.has(isoWeekday(day)) || cal.extraWorkingDays.has(day);
}

/**
 * Prepared calendars by the calendar they were prepared from. A case computes a step's deadline,
 * reminders and escalation from one calendar, again on every wake-up, and parsing its holidays
 * (years of them) each time was most of the cost. A kept one is served only while the calendar
 * still holds the same values (compared one by one, far cheaper than parsing), so a calendar edited
 * in place is prepared anew. Pure either way: the answer is the same with or without the cache.
 */
const prepared = new WeakMap<WorkingCalendar, { from: WorkingCalendar; calendar: PreparedCalendar }>();

function prepare(cal: WorkingCalendar): PreparedCalendar {
  const kept = prepared.get(cal);
  if (kept && sameValues(kept.from, cal)) return kept.calendar;
  const calendar = prepareAnew(cal);
  prepared.set(cal, {
    from: { utcOffsetMinutes: cal.utcOffsetMinutes, weekend: [...cal.weekend], holidays: [...cal.holidays], extraWorkingDays: [...(cal.extraWorkingDays ?? [])] },
    calendar,
  });
  return calendar;
}

function sameValues(kept: WorkingCalendar, cal: WorkingCalendar): boolean {
  const same = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((value, i) => value === b[i]);
  return kept.utcOffsetMinutes === cal.utcOffsetMinutes && same(kept.weekend, cal.weekend) && same(kept.holidays, cal.holidays)
    && same(kept.extraWorkingDays ?? [], cal.extraWorkingDays ?? []);
}

function prepareAnew(cal: WorkingCalendar): PreparedCalendar {
  const weekend = new Set<number>();
  for (const weekday of cal.weekend) {
    if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
      throw new Error(`Working calendar weekend day ${String(weekday)} is not an ISO weekday (1 = Monday … 7 = Sunday).`);
    }
    weekend.add(weekday);
  }
  const holidays = new Set<number>();
  for (const holiday of cal.holidays) holidays.add(parseDay(holiday, 'holiday'));
  const extraWorkingDays = new Set<number>();
  for (const extra of cal.extraWorkingDays ?? []) extraWorkingDays.add(parseDay(extra, 'extra working day'));
  return { offsetMs: offsetMs(cal), weekend, holidays, extraWorkingDays };
}

function offsetMs(cal: WorkingCalendar): number {
  const minutes = cal.utcOffsetMinutes;
  if (!Number.isInteger(minutes) || Math.abs(minutes) >= 24 * 60) {
    throw new Error(`Working calendar UTC offset ${String(minutes)} is not a whole number of minutes within a day.`);
  }
  return minutes * MS_PER_MINUTE;
}

/** The local day number of an instant. */
function dayOf(instant: Date, offset: number): number {
  return Math.floor((instant.getTime() + offset) / MS_PER_DAY);
}

/** Local 23:59:59.999 of a local day, as an instant. */
function endOfDay(day: number, offset: number): Date {
  return new Date((day + 1) * MS_PER_DAY - offset - 1);
}

/** ISO weekday of a day number: 1970-01-01 (day 0) was a Thursday (4). */
function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

function formatDay(day: number): string {
  // The UTC fields of the day's UTC midnight are the local date's fields.
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function parseDay(text: string, what: 'date' | 'holiday' | 'extra working day'): number {
  const match = LOCAL_DATE.exec(text);
  const millis = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  // Date.UTC rolls 2026-02-30 over to March; a round trip catches dates that do not exist.
  if (Number.isNaN(millis) || formatDay(millis / MS_PER_DAY) !== text) {
    throw new Error(`${what === 'date' ? 'Local date' : `Working calendar ${what}`} "${text}" is not a date in the form YYYY-MM-DD.`);
  }
  return millis / MS_PER_DAY;
}

function checkInstant(instant: Date, name: string): void {
  if (Number.isNaN(instant.getTime())) throw new Error(`${name} is not a valid instant.`);
}

function checkDayCount(days: number, unit: string): void {
  if (!Number.isInteger(days) || days < 0 || days > MAX_DAYS) {
    throw new RangeError(`${unit} must be a whole number from 0 to ${MAX_DAYS}, got ${String(days)}.`);
  }
}

type DurationUnit = 'workingDays' | 'calendarDays' | 'seconds';

/** The unit and amount of a DurationSpec, checked: definitions are data and may be malformed. */
function durationOf(spec: DurationSpec): { unit: DurationUnit; amount: number } {
  const units = (['workingDays', 'calendarDays', 'seconds'] as const).filter((unit) => unit in spec);
  const unit = units[0];
  if (unit === undefined || units.length > 1) {
    throw new Error(`A duration needs exactly one of workingDays, calendarDays or seconds, got ${JSON.stringify(spec)}.`);
  }
  const amount = (spec as Record<DurationUnit, number>)[unit];
  if (unit === 'seconds') {
    if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`seconds must be a number ≥ 0, got ${String(amount)}.`);
  } else {
    checkDayCount(amount, unit);
  }
  return { unit, amount };
}
