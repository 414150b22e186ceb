import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { asApiError, isAbortError } from '../../api';
import type { ApiError } from '../../api';
import { useI18n } from '../../i18n';
import { ErrorNotice, FieldError } from '../error-notice';
import { clearMyAbsence, clearUserAbsence, setMyAbsence, setUserAbsence, substituteCandidates } from './admin-api';
import type { Absence, AbsenceInput, AbsenceState, SubstituteCandidate, UserRef } from './admin-api';
import { todayInWib, useDayFormat } from './day-format';
import { TextField } from './text-field';

interface AbsenceEditorProps {
  /** Whose absence: null for the signed-in user's own, or a user id (administrators). */
  userId: number | null;
  /** The absent person, never offered as their own substitute. */
  absentLogin: string;
  absence: Absence | null;
  onSaved: (state: AbsenceState) => void;
}

const FIELDS = ['absenceStart', 'absenceEnd', 'substituteUserId'];

/** Dates of an absence and the substitute who receives new tasks meanwhile; the server checks every rule. */
export function AbsenceEditor({ userId, absentLogin, absence, onSaved }: AbsenceEditorProps) {
  const { t, lang } = useI18n();
  const { day } = useDayFormat();
  const id = useId();
  const [start, setStart] = useState(absence?.start ?? todayInWib());
  const [end, setEnd] = useState(absence?.end ?? '');
  const [substituteId, setSubstituteId] = useState(absence?.substitute ? String(absence.substitute.id) : '');
  // The chosen person stays in the list while the search shows others.
  const [picked, setPicked] = useState<UserRef | null>(absence?.substitute ?? null);
  const [search, setSearch] = useState('');
  const [candidates, setCandidates] = useState<SubstituteCandidate[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  // The list follows the search text, a moment after typing stops.
  useEffect(() => {
    const abort = new AbortController();
    const timer = window.setTimeout(() => {
      substituteCandidates(lang, search.trim(), abort.signal)
        .then((items) => setCandidates(items.filter((c) => c.login !== absentLogin)))
        .catch((caught: unknown) => {
          if (!isAbortError(caught)) setError(asApiError(caught, lang));
        });
    }, search ? 250 : 0);
    return () => {
      window.clearTimeout(timer);
      abort.abort();
    };
  }, [lang, search, absentLogin]);

  const options: Array<UserRef & { absence?: SubstituteCandidate['absence'] }> =
    picked && !candidates.some((c) => c.id === picked.id) ? [picked, ...candidates] : candidates;

  function choose(value: string) {
    setSubstituteId(value);
    setPicked(options.find((o) => String(o.id) === value) ?? null);
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setStatus('');
    const input: AbsenceInput = { absenceStart: start, absenceEnd: end, substituteUserId: substituteId ? Number(substituteId) : null };
    try {
      const saved = userId === null ? await setMyAbsence(lang, input) : await setUserAbsence(lang, userId, input);
      setStatus(t('absence.saved'));
      onSaved(saved);
    } catch (caught) {
      setError(asApiError(caught, lang));
    }
    setBusy(false);
  }

  async function clear() {
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      const saved = userId === null ? await clearMyAbsence(lang) : await clearUserAbsence(lang, userId);
      setEnd('');
      setSubstituteId('');
      setPicked(null);
      setStatus(t('absence.cleared'));
      onSaved(saved);
    } catch (caught) {
      setError(asApiError(caught, lang));
    }
    setBusy(false);
  }

  const substituteErrors = error?.fields.substituteUserId;
  return (
    <form className="admin-form" onSubmit={(e) => void save(e)} noValidate>
      <div className="admin-field-row">
        <TextField id={`${id}-start`} name="absenceStart" type="date" label={t('absence.start')} value={start} onChange={setStart} errors={error?.fields.absenceStart} />
        <TextField id={`${id}-end`} name="absenceEnd" type="date" label={t('absence.end')} value={end} onChange={setEnd} errors={error?.fields.absenceEnd} />
      </div>
      <TextField id={`${id}-search`} name="substituteSearch" type="search" label={t('absence.substituteSearch')} value={search} onChange={setSearch} />
      <div className="field">
        <label htmlFor={`${id}-substitute`}>{t('absence.substitute')}</label>
        <select
          id={`${id}-substitute`}
          name="substituteUserId"
          value={substituteId}
          onChange={(e) => choose(e.target.value)}
          aria-invalid={substituteErrors ? true : undefined}
          aria-describedby={substituteErrors ? `${id}-substitute-error` : undefined}
        >
          <option value="">{t('absence.chooseSubstitute')}</option>
          {options.map((c) => (
            <option key={c.id} value={String(c.id)}>
              {c.absence
                ? t('absence.candidateAway', { name: `${c.displayName} (${c.login})`, start: day(c.absence.start), end: day(c.absence.end) })
                : `${c.displayName} (${c.login})`}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-substitute-error`} messages={substituteErrors} />
      </div>
      <ErrorNotice error={error} inlineFields={FIELDS} />
      <p className="admin-status" role="status">{status}</p>
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={busy}>{busy ? t('admin.saving') : t('absence.save')}</button>
        {absence && (
          <button type="button" className="button-secondary" disabled={busy} onClick={() => void clear()}>{t('absence.clear')}</button>
        )}
      </div>
    </form>
  );
}

/** One line on an absence: when, and who stands in. */
export function AbsenceSummary({ absence }: { absence: Absence | null }) {
  const { t } = useI18n();
  const { day } = useDayFormat();
  if (!absence) return <p className="muted">{t('absence.none')}</p>;
  return (
    <p className="notice notice-info">
      {t('absence.current', { start: day(absence.start), end: day(absence.end), name: absence.substitute?.displayName ?? '—' })}
    </p>
  );
}
