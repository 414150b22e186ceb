import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { asApiError, isAbortError } from '../../api';
import type { ApiError } from '../../api';
import { useI18n } from '../../i18n';
import { useDocumentTitle } from '../../routing';
import { ErrorNotice } from '../error-notice';
import { addCalendarDay, CALENDAR_DAY_KINDS, getCalendarYear, removeCalendarDay } from './admin-api';
import type { CalendarDay, CalendarDayKind, CalendarYear } from './admin-api';
import { todayInWib, useDayFormat } from './day-format';
import { TextField } from './text-field';
import './admin.css';

/** The working-day calendar of one year: the days that differ from an ordinary week, with add and remove. */
export function CalendarPage() {
  const { t, lang, pick } = useI18n();
  const { dayWithWeekday } = useDayFormat();
  useDocumentTitle(t('calendar.title'));
  const [year, setYear] = useState(() => Number(todayInWib().slice(0, 4)));
  const [calendar, setCalendar] = useState<CalendarYear | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState<number | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    setCalendar(null);
    setError(null);
    getCalendarYear(lang, year, abort.signal)
      .then(setCalendar)
      .catch((caught: unknown) => {
        if (!isAbortError(caught)) setError(asApiError(caught, lang));
      });
    return () => abort.abort();
  }, [lang, year]);

  async function remove(day: CalendarDay) {
    setBusy(day.id);
    setError(null);
    try {
      await removeCalendarDay(lang, day.id);
      setCalendar((c) => (c ? { ...c, items: c.items.filter((d) => d.id !== day.id) } : c));
      setStatus(t('calendar.removed', { date: dayWithWeekday(day.date) }));
    } catch (caught) {
      setError(asApiError(caught, lang));
    }
    setBusy(null);
  }

  function added(day: CalendarDay) {
    setStatus(t('calendar.added', { date: dayWithWeekday(day.date) }));
    if (day.date.startsWith(String(year))) {
      setCalendar((c) => (c ? { ...c, items: [...c.items, day].sort((a, b) => a.date.localeCompare(b.date)) } : c));
    } else {
      setYear(Number(day.date.slice(0, 4)));
    }
  }

  return (
    <>
      <h1>{t('calendar.title')}</h1>
      <p className="muted">{t('calendar.intro')}</p>
      <p className="notice notice-info">{t('calendar.weekendNote')}</p>
      <AddDayForm onAdded={added} />
      <div className="admin-year" role="group" aria-label={t('calendar.year')}>
        <button type="button" className="button-secondary button-small" onClick={() => setYear((y) => y - 1)} aria-label={t('calendar.previousYear')}>
          ‹ {year - 1}
        </button>
        <h2 className="admin-year-title">{year}</h2>
        <button type="button" className="button-secondary button-small" onClick={() => setYear((y) => y + 1)} aria-label={t('calendar.nextYear')}>
          {year + 1} ›
        </button>
      </div>
      <ErrorNotice error={error} />
      <p className="admin-status" role="status">{status}</p>
      {!calendar && !error && <p className="muted" role="status">{t('list.loading')}</p>}
      {calendar && calendar.items.length === 0 && <p className="card muted">{t('calendar.none', { year: calendar.year })}</p>}
      {calendar && calendar.items.length > 0 && (
        <>
          <p className="muted">{t('calendar.count', { n: calendar.items.length, year: calendar.year })}</p>
          <ul className="admin-list admin-days">
            {calendar.items.map((day) => {
              const weekend = calendar.weekend.includes(day.weekday);
              return (
                <li key={day.id} className={`card admin-day admin-day-${day.kind.toLowerCase().replaceAll('_', '-')}`}>
                  <div>
                    <p className="admin-day-date">
                      <time dateTime={day.date}>{dayWithWeekday(day.date)}</time>
                      {weekend && day.kind !== 'EXTRA_WORKING_DAY' && <span className="muted"> · {t('calendar.onWeekend')}</span>}
                    </p>
                    <p className="item-meta">
                      <span className="badge admin-kind">{t(`calendar.kind.${day.kind}`)}</span>
                      <span>{pick({ id: day.nameId, en: day.nameEn })}</span>
                    </p>
                  </div>
                  <button
                    type="button"
                    className="button-secondary button-small"
                    disabled={busy !== null}
                    aria-label={t('calendar.removeDay', { date: dayWithWeekday(day.date) })}
                    onClick={() => void remove(day)}
                  >
                    {t('admin.remove')}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}

const DAY_FIELDS = ['date', 'kind', 'nameId', 'nameEn'];

function AddDayForm({ onAdded }: { onAdded: (day: CalendarDay) => void }) {
  const { t, lang } = useI18n();
  const { dayWithWeekday } = useDayFormat();
  const id = useId();
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<CalendarDayKind>('NATIONAL_HOLIDAY');
  const [nameId, setNameId] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const day = await addCalendarDay(lang, { date, kind, nameId, ...(nameEn.trim() ? { nameEn } : {}) });
      setDate('');
      setNameId('');
      setNameEn('');
      onAdded(day);
    } catch (caught) {
      setError(asApiError(caught, lang));
    }
    setBusy(false);
  }

  return (
    <form className="card admin-section admin-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('calendar.addTitle')}</h2>
      <div className="admin-field-row">
        <TextField
          id={`${id}-date`} name="date" type="date" label={t('calendar.date')} value={date} onChange={setDate} errors={error?.fields.date}
          hint={/^\d{4}-\d{2}-\d{2}$/.test(date) ? dayWithWeekday(date) : undefined}
        />
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('calendar.kind')}</label>
          <select id={`${id}-kind`} name="kind" value={kind} onChange={(e) => setKind(e.target.value as CalendarDayKind)}>
            {CALENDAR_DAY_KINDS.map((k) => <option key={k} value={k}>{t(`calendar.kind.${k}`)}</option>)}
          </select>
        </div>
      </div>
      <TextField id={`${id}-name-id`} name="nameId" label={t('calendar.nameId')} value={nameId} onChange={setNameId} errors={error?.fields.nameId} />
      <TextField
        id={`${id}-name-en`} name="nameEn" label={`${t('calendar.nameEn')} ${t('admin.optional')}`} hint={t('calendar.nameEnHint')}
        value={nameEn} onChange={setNameEn} errors={error?.fields.nameEn}
      />
      <ErrorNotice error={error} inlineFields={DAY_FIELDS} />
      <button type="submit" className="button-primary" disabled={busy}>{busy ? t('admin.saving') : t('calendar.add')}</button>
    </form>
  );
}
