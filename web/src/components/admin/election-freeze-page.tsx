import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { asApiError, isAbortError } from '../../api';
import type { ApiError } from '../../api';
import { useI18n } from '../../i18n';
import { useDocumentTitle } from '../../routing';
import { ErrorNotice } from '../error-notice';
import { addFreezePeriod, listFreezePeriods, removeFreezePeriod, updateFreezePeriod } from './admin-api';
import type { FreezePeriod, FreezePeriodInput, FreezePeriodList } from './admin-api';
import { todayInWib, useDayFormat } from './day-format';
import { LastChanged } from './last-changed';
import { TextField } from './text-field';
import './admin.css';

/** The election-freeze periods: in them, replacing officials needs Mendagri's written approval. */
export function ElectionFreezePage() {
  const { t, lang } = useI18n();
  const { day } = useDayFormat();
  useDocumentTitle(t('freeze.title'));
  const [list, setList] = useState<FreezePeriodList | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');
  const [editing, setEditing] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const today = todayInWib();

  useEffect(() => {
    const abort = new AbortController();
    listFreezePeriods(lang, abort.signal)
      .then(setList)
      .catch((caught: unknown) => {
        if (!isAbortError(caught)) setError(asApiError(caught, lang));
      });
    return () => abort.abort();
  }, [lang]);

  const range = (p: { start: string; end: string }) => ({ start: day(p.start), end: day(p.end) });
  const replace = (items: FreezePeriod[]) =>
    setList((l) => (l ? { ...l, items: [...items].sort((a, b) => a.start.localeCompare(b.start)), environment: { ...l.environment, inUse: items.length === 0 && l.environment.windows.length > 0 } } : l));

  async function remove(period: FreezePeriod) {
    setBusy(true);
    setError(null);
    try {
      await removeFreezePeriod(lang, period.id);
      replace((list?.items ?? []).filter((p) => p.id !== period.id));
      setStatus(t('freeze.removed', range(period)));
    } catch (caught) {
      setError(asApiError(caught, lang));
    }
    setBusy(false);
  }

  const env = list?.environment;
  const envWindows = env?.windows.map((w) => t('freeze.period', range(w))).join(', ') ?? '';
  return (
    <>
      <h1>{t('freeze.title')}</h1>
      <p className="muted">{t('freeze.intro')}</p>
      {env?.invalid && <p className="notice notice-error">{t('freeze.envInvalid', { variable: env.variable })}</p>}
      {env && env.windows.length > 0 && (
        <p className="notice notice-info">
          {t(env.inUse ? 'freeze.envInUse' : 'freeze.envIgnored', { variable: env.variable, windows: envWindows })}
        </p>
      )}
      <PeriodForm
        title={t('freeze.addTitle')}
        submitLabel={t('freeze.add')}
        onSubmit={(input) => addFreezePeriod(lang, input)}
        onDone={(period) => {
          replace([...(list?.items ?? []), period]);
          setStatus(t('freeze.added', range(period)));
        }}
        className="card admin-section"
      />
      <ErrorNotice error={error} />
      <p className="admin-status" role="status">{status}</p>
      {!list && !error && <p className="muted" role="status">{t('list.loading')}</p>}
      {list && list.items.length === 0 && <p className="card muted">{t('freeze.none')}</p>}
      {list && list.items.length > 0 && (
        <ul className="admin-list">
          {list.items.map((period) => (
            <li key={period.id} className="card">
              <h2 className="admin-item-title">
                {t('freeze.period', range(period))}
                {period.start <= today && today <= period.end && <span className="badge badge-overdue admin-badge">{t('freeze.current')}</span>}
              </h2>
              <p className="admin-reason">{period.reason}</p>
              <LastChanged who={period.updatedBy} when={period.updatedAt} />
              {editing === period.id ? (
                <PeriodForm
                  title={t('freeze.editTitle', range(period))}
                  submitLabel={t('admin.save')}
                  initial={period}
                  onSubmit={(input) => updateFreezePeriod(lang, period.id, input)}
                  onDone={(saved) => {
                    replace((list.items).map((p) => (p.id === saved.id ? saved : p)));
                    setEditing(null);
                    setStatus(t('freeze.updated', range(saved)));
                  }}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <div className="button-row">
                  <button type="button" className="button-secondary button-small" disabled={busy} aria-label={t('freeze.editPeriod', range(period))} onClick={() => setEditing(period.id)}>
                    {t('admin.edit')}
                  </button>
                  <button type="button" className="button-secondary button-small" disabled={busy} aria-label={t('freeze.removePeriod', range(period))} onClick={() => void remove(period)}>
                    {t('admin.remove')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

const PERIOD_FIELDS = ['start', 'end', 'reason'];

interface PeriodFormProps {
  title: string;
  submitLabel: string;
  initial?: FreezePeriodInput;
  onSubmit: (input: FreezePeriodInput) => Promise<FreezePeriod>;
  onDone: (period: FreezePeriod) => void;
  onCancel?: () => void;
  className?: string;
}

function PeriodForm({ title, submitLabel, initial, onSubmit, onDone, onCancel, className = '' }: PeriodFormProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const [start, setStart] = useState(initial?.start ?? '');
  const [end, setEnd] = useState(initial?.end ?? '');
  const [reason, setReason] = useState(initial?.reason ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const period = await onSubmit({ start, end, reason });
      if (!initial) {
        setStart('');
        setEnd('');
        setReason('');
      }
      setBusy(false);
      onDone(period);
    } catch (caught) {
      setError(asApiError(caught, lang));
      setBusy(false);
    }
  }

  return (
    <form className={`admin-form ${className}`} onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={initial ? 'visually-hidden' : undefined}>{title}</h2>
      <div className="admin-field-row">
        <TextField id={`${id}-start`} name="start" type="date" label={t('freeze.start')} value={start} onChange={setStart} errors={error?.fields.start} />
        <TextField id={`${id}-end`} name="end" type="date" label={t('freeze.end')} value={end} onChange={setEnd} errors={error?.fields.end} />
      </div>
      <TextField id={`${id}-reason`} name="reason" rows={3} label={t('freeze.reason')} hint={t('freeze.reasonHint')} value={reason} onChange={setReason} errors={error?.fields.reason} />
      <ErrorNotice error={error} inlineFields={PERIOD_FIELDS} />
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={busy}>{busy ? t('admin.saving') : submitLabel}</button>
        {onCancel && <button type="button" className="button-secondary" onClick={onCancel}>{t('admin.cancel')}</button>}
      </div>
    </form>
  );
}
