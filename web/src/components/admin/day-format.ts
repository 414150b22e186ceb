import { useMemo } from 'react';
import { useI18n } from '../../i18n';

/**
 * Formats calendar dates (YYYY-MM-DD) in the UI language. They name a day, not an instant, so
 * they are read and shown in UTC: no time zone can move them to the day before.
 */
export function useDayFormat(): { day: (date: string) => string; dayWithWeekday: (date: string) => string } {
  const { lang } = useI18n();
  return useMemo(() => {
    const locale = lang === 'id' ? 'id-ID' : 'en-GB';
    const plain = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    const long = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
    const format = (formatter: Intl.DateTimeFormat, date: string) => {
      const instant = new Date(`${date}T00:00:00Z`);
      return Number.isNaN(instant.getTime()) ? date : formatter.format(instant);
    };
    return { day: (date) => format(plain, date), dayWithWeekday: (date) => format(long, date) };
  }, [lang]);
}

/** Today in WIB (UTC+7), the calendar the server counts in. */
export function todayInWib(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}
