import { isCalendarDate } from './is-calendar-date';

/** Why a NIP is not valid; each has a message in messages.ts. */
export type NipProblem =
  | 'NIP_REQUIRED'
  | 'NIP_LENGTH'
  | 'NIP_NOT_DIGITS'
  | 'NIP_BIRTH_DATE'
  | 'NIP_TMT_CPNS'
  | 'NIP_GENDER'
  | 'NIP_TMT_BEFORE_AGE_18'
  | 'NIP_TMT_IN_FUTURE';

export type NipValidation = { ok: true } | { ok: false; reason: NipProblem };

export interface NipOptions {
  /** The day to judge "not in the future" against, YYYY-MM-DD; defaults to today (UTC). */
  today?: string;
}

/** The minimum age at appointment as CPNS. */
const MIN_AGE_AT_CPNS = 18;

/**
 * A PNS NIP: 18 digits = birth date YYYYMMDD + TMT CPNS YYYYMM + gender (1 male, 2 female) + a
 * 3-digit sequence. Both dates must be real; TMT CPNS at least 18 years after birth, not in the future.
 */
export function validateNip(nip: unknown, options: NipOptions = {}): NipValidation {
  if (nip === undefined || nip === null || nip === '') return { ok: false, reason: 'NIP_REQUIRED' };
  if (typeof nip !== 'string' || !/^\d+$/.test(nip)) return { ok: false, reason: 'NIP_NOT_DIGITS' };
  if (nip.length !== 18) return { ok: false, reason: 'NIP_LENGTH' };

  const birthDate = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
  if (!isCalendarDate(birthDate) || Number(nip.slice(0, 4)) < 1900) return { ok: false, reason: 'NIP_BIRTH_DATE' };
  const tmtYear = Number(nip.slice(8, 12));
  const tmtMonth = Number(nip.slice(12, 14));
  if (tmtMonth < 1 || tmtMonth > 12 || tmtYear < 1900) return { ok: false, reason: 'NIP_TMT_CPNS' };
  if (nip[14] !== '1' && nip[14] !== '2') return { ok: false, reason: 'NIP_GENDER' };

  // TMT CPNS is the first day of its month; the person must have turned 18 by then.
  const eighteenth = `${String(Number(nip.slice(0, 4)) + MIN_AGE_AT_CPNS).padStart(4, '0')}${nip.slice(4, 8)}`;
  const tmtFirstDay = `${nip.slice(8, 14)}01`;
  if (tmtFirstDay < eighteenth) return { ok: false, reason: 'NIP_TMT_BEFORE_AGE_18' };

  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (nip.slice(8, 14) > today.slice(0, 4) + today.slice(5, 7)) return { ok: false, reason: 'NIP_TMT_IN_FUTURE' };
  return { ok: true };
}
