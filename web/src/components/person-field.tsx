import { useEffect, useId, useState } from 'react';
import { isAbortError } from '../api';
import { useI18n } from '../i18n';
import { substituteCandidates } from './admin/admin-api';
import type { SubstituteCandidate } from './admin/admin-api';
import { FieldError } from './error-notice';

interface PersonFieldProps {
  name: string;
  label: string;
  /** The chosen login, as the action's request sends it. */
  value: string;
  onChange: (login: string) => void;
  errors: readonly string[] | undefined;
}

/**
 * A login typed or picked by name: the suggestions follow what is typed (active people, by name or
 * login), and the chosen person's name shows under the field so nobody has to know logins.
 */
export function PersonField({ name, label, value, onChange, errors }: PersonFieldProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const [suggestions, setSuggestions] = useState<SubstituteCandidate[]>([]);
  const login = value.trim();
  // The search by the typed text finds the person it names, if any: no request per keystroke for names.
  const picked = login ? suggestions.find((s) => s.login === login) : undefined;

  // The list follows the text, a moment after typing stops; a failed search just suggests nothing.
  useEffect(() => {
    if (!login) return;
    const abort = new AbortController();
    const timer = window.setTimeout(() => {
      substituteCandidates(lang, login, abort.signal).then(setSuggestions, (caught: unknown) => {
        if (!isAbortError(caught)) setSuggestions([]);
      });
    }, 250);
    return () => {
      window.clearTimeout(timer);
      abort.abort();
    };
  }, [lang, login]);

  const invalid = errors !== undefined && errors.length > 0;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label} <span className="hint">{t('field.required')}</span>
      </label>
      <input
        id={id}
        name={name}
        type="text"
        autoComplete="off"
        list={`${id}-people`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-required
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint${invalid ? ` ${id}-error` : ''}`}
      />
      <datalist id={`${id}-people`}>
        {suggestions.map((s) => (
          <option key={s.login} value={s.login} label={s.displayName} />
        ))}
      </datalist>
      <p id={`${id}-hint`} className="hint" aria-live="polite">
        {picked ? t('people.chosen', { name: `${picked.displayName} (${picked.login})` }) : t('people.pickerHint')}
      </p>
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}
