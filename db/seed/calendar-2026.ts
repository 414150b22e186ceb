import Holidays from 'date-holidays';
import type { CalendarDay } from '../entities/calendar-day';

type CalendarDayRow = Omit<CalendarDay, 'id'>;

/**
 * Names date-holidays gets wrong for Indonesia in 2026. 16 January is Isra Mi'raj (27 Rajab 1447),
 * which the library labels "Maulid Nabi Muhammad"; the real Maulid is 25 August.
 */
const NAME_FIXES: Record<string, { id: string; en: string }> = {
  '2026-01-01': { id: 'Tahun Baru 2026 Masehi', en: "New Year's Day" },
  '2026-01-16': { id: "Isra Mi'raj Nabi Muhammad SAW", en: "Isra and Mi'raj of the Prophet Muhammad" },
  '2026-08-25': { id: 'Maulid Nabi Muhammad SAW', en: 'Birthday of the Prophet Muhammad (Mawlid)' },
};

/**
 * Cuti bersama 2026 from the joint ministerial decree (SKB) as published in the press.
 * To verify against the signed SKB before relying on it; it is data, editable by administrators.
 * (Verify too the Idul Fitri dates date-holidays gives, 20–21 March.)
 */
const CUTI_BERSAMA_2026: ReadonlyArray<{ date: string; id: string; en: string }> = [
  { date: '2026-02-16', id: 'Cuti Bersama Tahun Baru Imlek 2577 Kongzili', en: 'Joint leave: Chinese New Year' },
  { date: '2026-03-18', id: 'Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1948)', en: 'Joint leave: Nyepi' },
  { date: '2026-03-23', id: 'Cuti Bersama Idul Fitri 1447 Hijriah', en: 'Joint leave: Eid al-Fitr' },
  { date: '2026-03-24', id: 'Cuti Bersama Idul Fitri 1447 Hijriah', en: 'Joint leave: Eid al-Fitr' },
  { date: '2026-05-15', id: 'Cuti Bersama Kenaikan Yesus Kristus', en: 'Joint leave: Ascension Day' },
  { date: '2026-05-28', id: 'Cuti Bersama Idul Adha 1447 Hijriah', en: 'Joint leave: Eid al-Adha' },
  { date: '2026-12-24', id: 'Cuti Bersama Kelahiran Yesus Kristus', en: 'Joint leave: Christmas' },
];

/** National holidays (date-holidays, names corrected) and cuti bersama of 2026, by date. */
export function calendar2026(): CalendarDayRow[] {
  const namesId = new Holidays('ID', { languages: 'id' }).getHolidays(2026, 'id');
  const namesEn = new Holidays('ID', { languages: 'en' }).getHolidays(2026, 'en');
  const byDate = new Map<string, CalendarDayRow>();
  namesId.forEach((holiday, i) => {
    if (holiday.type !== 'public') return;
    const date = holiday.date.slice(0, 10);
    const fix = NAME_FIXES[date];
    const nameEn = namesEn.find((h) => h.date.slice(0, 10) === date)?.name ?? namesEn[i]?.name ?? holiday.name;
    const existing = byDate.get(date);
    if (existing) {
      // Two holidays on one day: one row, both names.
      existing.nameId = `${existing.nameId}; ${holiday.name}`;
      existing.nameEn = `${existing.nameEn}; ${nameEn}`;
      return;
    }
    byDate.set(date, { date, kind: 'NATIONAL_HOLIDAY', nameId: fix?.id ?? holiday.name, nameEn: fix?.en ?? nameEn });
  });
  for (const leave of CUTI_BERSAMA_2026) {
    if (!byDate.has(leave.date)) byDate.set(leave.date, { date: leave.date, kind: 'CUTI_BERSAMA', nameId: leave.id, nameEn: leave.en });
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}
