import { isCalendarDate } from './is-calendar-date';

/** Why an NI PPPK is not valid. */
export type NipPppkProblem = 'NIP_PPPK_FORMAT' | 'NIP_PPPK_BIRTH_DATE' | 'NIP_PPPK_YEAR' | 'NIP_PPPK_MARKER' | 'NIP_PPPK_GENDER';

/** The first year PPPK were appointed under UU 5/2014 (PP 49/2018). */
const FIRST_PPPK_YEAR = 2019;
/** The marker digits that tell an NI PPPK from a NIP (verify against BKN's current rule). */
const PPPK_MARKER = '21';

/**
 * An NI PPPK: 18 digits = birth date YYYYMMDD + year of appointment YYYY + the PPPK marker "21"
 * + gender (1 male, 2 female) + a 3-digit sequence. Its own format, never read as a NIP.
 */
export function validateNipPppk(value: unknown): { ok: true } | { ok: false; reason: NipPppkProblem } {
  if (typeof value !== 'string' || !/^\d{18}$/.test(value)) return { ok: false, reason: 'NIP_PPPK_FORMAT' };
  const birth = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
  if (!isCalendarDate(birth)) return { ok: false, reason: 'NIP_PPPK_BIRTH_DATE' };
  const year = Number(value.slice(8, 12));
  if (year < FIRST_PPPK_YEAR || year < Number(value.slice(0, 4)) + 18) return { ok: false, reason: 'NIP_PPPK_YEAR' };
  if (value.slice(12, 14) !== PPPK_MARKER) return { ok: false, reason: 'NIP_PPPK_MARKER' };
  if (value[14] !== '1' && value[14] !== '2') return { ok: false, reason: 'NIP_PPPK_GENDER' };
  return { ok: true };
}
