import { HttpError } from '../../server/errors';
import { MAX_PERIOD_DAYS, parseDashboardPeriod } from '../../server/dashboard/dashboard-period';

/** 2026-07-15 10:00 WIB. */
const NOW = new Date('2026-07-15T03:00:00Z');

function refusal(from: unknown, to: unknown): { code: string; details: unknown } {
  try {
    parseDashboardPeriod(from, to, NOW);
  } catch (err) {
    if (err instanceof HttpError) return { code: err.code, details: err.details };
    throw err;
  }
  throw new Error('the period was accepted');
}

describe('the dashboard period', () => {
  test('when no dates are given, then it is the year to date in WIB, as instants from 00:00 WIB to the next midnight', () => {
    expect(parseDashboardPeriod(undefined, undefined, NOW)).toEqual({
      from: '2026-01-01', to: '2026-07-15', start: new Date('2025-12-31T17:00:00Z'), end: new Date('2026-07-15T17:00:00Z'),
    });
    // 23:30 UTC on 31 December is already 1 January in WIB.
    expect(parseDashboardPeriod('', '', new Date('2026-12-31T23:30:00Z'))).toMatchObject({ from: '2027-01-01', to: '2027-01-01' });
  });

  test('when only `to` is given, then the period starts on the first of January of its year; one day is a period', () => {
    expect(parseDashboardPeriod(undefined, '2025-03-31', NOW)).toMatchObject({ from: '2025-01-01', to: '2025-03-31' });
    const day = parseDashboardPeriod('2026-02-28', '2026-02-28', NOW);
    expect(day.end.getTime() - day.start.getTime()).toBe(86_400_000);
  });

  test('when a date is not a real YYYY-MM-DD date from 2000 to 2100, then DASHBOARD_INVALID_DATE names the parameter', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '26-01-01', '2026-1-1', '1999-12-31', '2101-01-01', 'kemarin', ['2026-01-01']]) {
      expect([bad, refusal(bad, undefined)]).toEqual([bad, { code: 'DASHBOARD_INVALID_DATE', details: { parameter: 'from', value: typeof bad === 'string' ? bad : null } }]);
    }
    expect(refusal(undefined, '2026-04-31').details).toEqual({ parameter: 'to', value: '2026-04-31' });
    expect(parseDashboardPeriod('2024-02-29', '2024-03-01', NOW).from).toBe('2024-02-29');
  });

  test('when `from` is after `to`, or the period is longer than the limit, then it is refused', () => {
    expect(refusal('2026-03-02', '2026-03-01').code).toBe('DASHBOARD_PERIOD_REVERSED');
    expect(refusal('2020-01-01', '2026-01-01')).toEqual({ code: 'DASHBOARD_PERIOD_TOO_LONG', details: { from: '2020-01-01', to: '2026-01-01', maxDays: MAX_PERIOD_DAYS } });
    expect(parseDashboardPeriod('2021-01-01', '2025-12-31', NOW).from).toBe('2021-01-01');
  });
});
