import { isCalendarDate } from './is-calendar-date';

/**
 * The last day of a period of `months` calendar months that starts on `start` (both days
 * counted): 2026-01-15 + 3 months ends 2026-04-14. When the same day does not exist in the
 * final month (31 January + 1 month), the period ends on that month's last day. Null for a
 * date that is not a real YYYY-MM-DD day.
 */
export function latestPeriodEnd(start: string, months: number): string | null {
  if (!isCalendarDate(start)) return null;
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7)) - 1 + months;
  const day = Number(start.slice(8, 10));
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const end = day > lastDay ? new Date(Date.UTC(targetYear, targetMonth, lastDay)) : new Date(Date.UTC(targetYear, targetMonth, day - 1));
  return end.toISOString().slice(0, 10);
}
