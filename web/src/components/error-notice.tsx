import type { ApiError } from '../api';
import { useI18n } from '../i18n';

interface ErrorNoticeProps {
  error: ApiError | null;
  /** Short heading shown above the server's message. */
  title?: string;
  /** Fields that are already shown next to their inputs. */
  inlineFields?: readonly string[];
  onRetry?: () => void;
}

/**
 * A live region that is always in the DOM, so screen readers announce
 * errors that appear in it later.
 */
export function ErrorNotice({ error, title, inlineFields = [], onRetry }: ErrorNoticeProps) {
  const { t } = useI18n();
  const otherFieldMessages = error
    ? Object.entries(error.fields)
        .filter(([name]) => !inlineFields.includes(name))
        .flatMap(([, list]) => list)
    : [];

  return (
    <div className="notice-region" aria-live="assertive" aria-atomic="true">
      {error && (
        <div className="notice notice-error">
          <p className="notice-title">{title ?? t('error.title')}</p>
          <p>{error.message}</p>
          {otherFieldMessages.length > 0 && (
            <ul>
              {otherFieldMessages.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
          {onRetry && (
            <button type="button" className="button-secondary" onClick={onRetry}>
              {t('common.retry')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

interface FieldErrorProps {
  id: string;
  messages: readonly string[] | undefined;
}

/** Messages for one input; reference `id` from the input's aria-describedby. */
export function FieldError({ id, messages }: FieldErrorProps) {
  if (!messages || messages.length === 0) return null;
  return (
    <p id={id} className="field-error">
      {messages.join(' ')}
    </p>
  );
}
