import type { PortalError } from './api';
import { usePortalI18n } from './i18n';

/** The ids an input's aria-describedby names: its hint and, when it has one, its error. */
export function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id.length > 0);
  return present.length > 0 ? present.join(' ') : undefined;
}

/** Messages for one field; the input names `id` in its aria-describedby. */
export function FieldError({ id, messages }: { id: string; messages: readonly string[] | undefined }) {
  if (!messages || messages.length === 0) return null;
  return (
    <p id={id} className="field-error">
      {messages.join(' ')}
    </p>
  );
}

interface ErrorNoticeProps {
  error: PortalError | null;
  /** Heading for a refusal that is neither a rate limit nor an outage. */
  title: string;
  /** Fields whose messages already sit next to their inputs. */
  inlineFields?: readonly string[];
  /** A sentence added below the message when the request failed on the server's side. */
  afterFailure?: string;
}

/**
 * A live region that is always in the DOM, so screen readers announce an error that appears in
 * it. Too many requests (429) and an outage (503) get their own heading and say what to do.
 */
export function ErrorNotice({ error, title, inlineFields = [], afterFailure }: ErrorNoticeProps) {
  const { t } = usePortalI18n();
  const otherMessages = error
    ? Object.entries(error.fields).filter(([name]) => !inlineFields.includes(name)).flatMap(([, list]) => list)
    : [];
  const heading = error?.status === 429 ? t('error.tooMany') : error?.status === 503 ? t('error.unavailable') : title;
  const hint = error?.status === 429 ? t('error.tooManyHint') : error?.status === 503 ? t('error.unavailableHint') : null;
  // Not a problem with what was entered: the same entries can simply be sent again.
  const failed = error && (error.status === 0 || error.status === 429 || error.status >= 500) && error.code !== 'VALIDATION_FAILED';

  return (
    <div className="notice-region" aria-live="assertive" aria-atomic="true">
      {error && (
        <div className="notice notice-error">
          <p className="notice-title">{heading}</p>
          <p>{error.message}</p>
          {otherMessages.length > 0 && (
            <ul>
              {otherMessages.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
          {hint && <p>{hint}</p>}
          {failed && afterFailure && <p>{afterFailure}</p>}
        </div>
      )}
    </div>
  );
}
