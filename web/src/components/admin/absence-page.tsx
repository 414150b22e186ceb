import { useEffect, useState } from 'react';
import { asApiError, isAbortError } from '../../api';
import type { ApiError } from '../../api';
import { useI18n } from '../../i18n';
import { useDocumentTitle } from '../../routing';
import { useUser } from '../../session';
import { ErrorNotice } from '../error-notice';
import { AbsenceEditor, AbsenceSummary } from './absence-editor';
import { getMyAbsence } from './admin-api';
import type { AbsenceState } from './admin-api';
import { useDayFormat } from './day-format';
import './admin.css';

/** Every signed-in user's own absence and substitute, and whom they stand in for. */
export function AbsencePage() {
  const { t, lang } = useI18n();
  const { day } = useDayFormat();
  const user = useUser();
  useDocumentTitle(t('absence.title'));
  const [state, setState] = useState<AbsenceState | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    getMyAbsence(lang, abort.signal)
      .then(setState)
      .catch((caught: unknown) => {
        if (!isAbortError(caught)) setError(asApiError(caught, lang));
      });
    return () => abort.abort();
  }, [lang]);

  return (
    <>
      <h1>{t('absence.title')}</h1>
      <p className="muted">{t('absence.intro')}</p>
      <ErrorNotice error={error} />
      {!state && !error && <p className="muted" role="status">{t('list.loading')}</p>}
      {state && (
        <section className="card admin-section" aria-labelledby="absence-form-title">
          <h2 id="absence-form-title" className="visually-hidden">{t('absence.title')}</h2>
          <AbsenceSummary absence={state.absence} />
          <AbsenceEditor userId={null} absentLogin={user.login} absence={state.absence} onSaved={setState} />
        </section>
      )}
      {state && state.coveringFor.length > 0 && (
        <section className="card admin-section" aria-labelledby="absence-covering">
          <h2 id="absence-covering">{t('absence.coveringTitle')}</h2>
          <ul className="plain-list">
            {state.coveringFor.map((c) => (
              <li key={c.id}>{t('absence.covering', { name: c.displayName, start: day(c.start), end: day(c.end) })}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
