import { WIB_OFFSET_MINUTES } from './directory';

/** The calendar day (YYYY-MM-DD) in WIB at an instant: the day a rule or a record speaks of. */
export function wibDay(at: Date): string {
  return new Date(at.getTime() + WIB_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}
