import type { EntityManager } from '@mikro-orm/knex';
import { ElectionFreezePeriod } from '../db';
import { isCalendarDate } from '../forms';

/**
 * A period in which the regional head may not replace officials without the written approval of
 * the Minister of Home Affairs (UU 10/2016 art. 71 and 162): from 6 months before the candidate
 * pairs are set until the end of the term, and 6 months after a new head's inauguration. Both days
 * count. The dates are configuration, set per region and election.
 */
export interface ElectionFreezeWindow {
  start: string;
  end: string;
  /** Why, and on what legal basis; windows from the environment variable have none. */
  reason?: string;
}

/** The variable that holds the windows: `2029-03-01/2029-12-31,2030-02-20/2030-08-20`. */
export const ELECTION_FREEZE_VARIABLE = 'ALUR_ELECTION_FREEZE';

/**
 * Reads the windows from their configuration text: ranges `start/end` (YYYY-MM-DD), separated by
 * commas or semicolons; empty or unset means no freeze. Throws with a message that says what is
 * expected, so a bad value stops the start instead of letting a rotation through the freeze.
 */
export function parseElectionFreeze(text: string | undefined): ElectionFreezeWindow[] {
  if (text === undefined || text.trim() === '') return [];
  return text.split(/[;,]/).map((part) => part.trim()).filter((part) => part !== '').map((part) => {
    const [start, end, extra] = part.split('/').map((s) => s.trim());
    if (extra !== undefined || !isCalendarDate(start) || !isCalendarDate(end) || end < start) {
      throw new Error(`${ELECTION_FREEZE_VARIABLE} must list date ranges start/end (YYYY-MM-DD/YYYY-MM-DD, end not before start), separated by commas; "${part}" is not one`);
    }
    return { start, end };
  });
}

/** The window a day falls in, if any. */
export function freezeWindowOn(day: string, windows: readonly ElectionFreezeWindow[]): ElectionFreezeWindow | undefined {
  return windows.find((w) => w.start <= day && day <= w.end);
}

/** The windows configured in the environment, read when a check runs (so a worker restart picks up a change). */
export function electionFreezeFromEnv(env: Record<string, string | undefined> = process.env): ElectionFreezeWindow[] {
  return parseElectionFreeze(env[ELECTION_FREEZE_VARIABLE]);
}

/**
 * The windows in force: those administrators keep in the database; while there are none, those of
 * ALUR_ELECTION_FREEZE, so a setup configured before the table existed keeps its freeze.
 */
export async function loadElectionFreeze(
  em: EntityManager, env: Record<string, string | undefined> = process.env,
): Promise<ElectionFreezeWindow[]> {
  const periods = await em.find(ElectionFreezePeriod, {}, { orderBy: { startDate: 'asc', id: 'asc' } });
  if (periods.length === 0) return electionFreezeFromEnv(env);
  return periods.map((p) => ({ start: p.startDate, end: p.endDate, reason: p.reason }));
}
