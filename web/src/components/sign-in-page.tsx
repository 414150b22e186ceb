import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, asApiError } from '../api';
import { useI18n } from '../i18n';
import { useDocumentTitle } from '../routing';
import { useSession } from '../session';
import { ErrorNotice, FieldError } from './error-notice';

const INLINE_FIELDS = ['login', 'password'] as const;

export function SignInPage({ lost, error: sessionError }: { lost: boolean; error: ApiError | null }) {
  const { t, lang } = useI18n();
  const { signIn } = useSession();
  const ids = useId();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ApiError | null>(sessionError);
  useDocumentTitle(t('signIn.title'));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    // Empty fields are caught here; everything else (wrong password, lock-out) comes from the server.
    const missing: Record<string, string[]> = {};
    if (!login.trim()) missing.login = [t('field.missing')];
    if (!password) missing.password = [t('field.missing')];
    if (Object.keys(missing).length > 0) {
      setError(new ApiError(0, 'VALIDATION_FAILED', t('form.fixFields'), missing));
      return;
    }
    setError(null);
    setSubmitting(true);
    try {
      await signIn(login.trim(), password);
    } catch (caught) {
      setError(asApiError(caught, lang));
      setSubmitting(false);
    }
  }

  const loginErrors = error?.fields.login;
  const passwordErrors = error?.fields.password;

  return (
    <div className="sign-in">
      <form className="card" onSubmit={handleSubmit} noValidate aria-labelledby={`${ids}-heading`}>
        <h1 id={`${ids}-heading`}>{t('signIn.title')}</h1>
        <p className="muted">{t('signIn.intro')}</p>
        {lost && (
          <p className="notice notice-info" role="status">
            {t('signIn.sessionLost')}
          </p>
        )}

        <div className="field">
          <label htmlFor={`${ids}-login`}>{t('signIn.login')}</label>
          <input
            id={`${ids}-login`}
            name="login"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={login}
            onChange={(event) => setLogin(event.target.value)}
            aria-required="true"
            aria-invalid={loginErrors ? true : undefined}
            aria-describedby={loginErrors ? `${ids}-login-error` : undefined}
          />
          <FieldError id={`${ids}-login-error`} messages={loginErrors} />
        </div>

        <div className="field">
          <label htmlFor={`${ids}-password`}>{t('signIn.password')}</label>
          <input
            id={`${ids}-password`}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-required="true"
            aria-invalid={passwordErrors ? true : undefined}
            aria-describedby={passwordErrors ? `${ids}-password-error` : undefined}
          />
          <FieldError id={`${ids}-password-error`} messages={passwordErrors} />
        </div>

        <ErrorNotice error={error} title={t('signIn.failed')} inlineFields={INLINE_FIELDS} />

        <button type="submit" className="button-primary button-block" disabled={submitting}>
          {submitting ? t('signIn.submitting') : t('signIn.submit')}
        </button>
        <p className="hint sign-in-demo">{t('signIn.demo')}</p>
      </form>
      {/* Citizens have no account: their feedback portal (web/lapor.html). */}
      <p>
        <a href="/lapor">{t('signIn.publicFeedback')}</a>
      </p>
    </div>
  );
}
