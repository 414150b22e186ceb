import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { usePortalI18n } from './i18n';
import { describedBy, FieldError } from './notices';
import { navigate, statusHref, useDocumentTitle } from './routing';

/** The characters of a tracking code (server/feedback/tracking-code.ts): no 0/O, 1/I/L. */
const CODE_PATTERN = /^[2-9A-HJKMNP-Z]{12}$/;

/** A code as typed (lower case, grouped with spaces or hyphens) in its stored form, or null when it cannot be one. */
export function normalizeCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  return CODE_PATTERN.test(code) ? code : null;
}

/** Asks for a tracking code and opens its status page. */
export function LookupPage() {
  const { t } = usePortalI18n();
  useDocumentTitle(t('lookup.title'), t('portal.name'));
  return (
    <section className="card">
      <h1 tabIndex={-1}>{t('lookup.title')}</h1>
      <p>{t('lookup.intro')}</p>
      <LookupForm />
    </section>
  );
}

export function LookupForm({ initial = '' }: { initial?: string }) {
  const { t } = usePortalI18n();
  const ids = useId();
  const [code, setCode] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const normalized = normalizeCode(code);
    if (!normalized) {
      setProblem(code.trim() ? t('lookup.invalid') : t('field.missing'));
      document.getElementById(`${ids}-code`)?.focus();
      return;
    }
    setProblem(null);
    navigate(statusHref(normalized));
  }

  return (
    <form className="lookup" onSubmit={handleSubmit} noValidate>
      <div className="field">
        <label htmlFor={`${ids}-code`}>{t('lookup.code')}</label>
        <input
          id={`${ids}-code`}
          name="code"
          type="text"
          className="code-input"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          aria-required="true"
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy(`${ids}-code-hint`, problem && `${ids}-code-error`)}
        />
        <p className="hint" id={`${ids}-code-hint`}>
          {t('lookup.codeHint')}
        </p>
        <FieldError id={`${ids}-code-error`} messages={problem ? [problem] : undefined} />
      </div>
      <button type="submit" className="button-primary">
        {t('lookup.submit')}
      </button>
    </form>
  );
}
