import { wibDay } from '../../activities/wib-day';
import { WIB_OFFSET_MINUTES } from '../../activities/directory';
import { HttpError } from '../errors';

/** A period of whole calendar days in WIB, both ends inclusive. */
export interface DashboardPeriod {
  /** YYYY-MM-DD. */
  from: string;
  /** YYYY-MM-DD, inclusive. */
  to: string;
  /** The instant the first day starts (00:00 WIB). */
  start: Date;
  /** The instant after the last day ends (00:00 WIB of the day after `to`): exclusive. */
  end: Date;
}

/** Longer periods are typos, and would make every aggregate scan the whole audit log. */
export const MAX_PERIOD_DAYS = 1830;

const DAY_MS = 86_400_000;
const WIB_OFFSET_MS = WIB_OFFSET_MINUTES * 60_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The dashboard's period from the `from` and `to` query parameters (YYYY-MM-DD, WIB). `to`
 * defaults to today and `from` to the first of January of `to`'s year, so the default is the
 * year to date: the year the 20-JP right and the satisfaction index are counted in.
 */
export function parseDashboardPeriod(rawFrom: unknown, rawTo: unknown, now: Date = new Date()): DashboardPeriod {
  const to = parseDay(rawTo, 'to') ?? wibDay(now);
  const from = parseDay(rawFrom, 'from') ?? `${to.slice(0, 4)}-01-01`;
  const start = startOfWibDay(from);
  const end = new Date(startOfWibDay(to).getTime() + DAY_MS);
  if (start.getTime() >= end.getTime()) throw new HttpError(400, 'DASHBOARD_PERIOD_REVERSED', { from, to });
  if ((end.getTime() - start.getTime()) / DAY_MS > MAX_PERIOD_DAYS) {
    throw new HttpError(400, 'DASHBOARD_PERIOD_TOO_LONG', { from, to, maxDays: MAX_PERIOD_DAYS }, { maxDays: MAX_PERIOD_DAYS });
  }
  return { from, to, start, end };
}

function parseDay(raw: unknown, parameter: 'from' | 'to'): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  const match = typeof raw === 'string' ? ISO_DAY.exec(raw) : null;
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [NaN, NaN, NaN];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-02-30 over to March: a real date survives the round trip unchanged.
  const real = match !== null && year >= 2000 && year <= 2100 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!real) throw new HttpError(400, 'DASHBOARD_INVALID_DATE', { parameter, value: typeof raw === 'string' ? raw : null }, { parameter });
  return raw as string;
}

function startOfWibDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - WIB_OFFSET_MS);
}
