/** WIB (UTC+7), the local time of the demo region; "today" for in-force and current-year questions. */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Today's date in WIB, YYYY-MM-DD. */
export function todayInWib(now: Date = new Date()): string {
  return new Date(now.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}
