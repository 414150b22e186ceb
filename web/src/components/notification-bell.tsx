import { useCallback, useEffect, useId, useState } from 'react';
import {
  asApiError, getNotificationPreferences, listNotifications, markAllNotificationsRead, markNotificationRead, saveNotificationPreferences,
} from '../api';
import type { ApiError, AppNotification, NotificationPreferences } from '../api';
import { useI18n } from '../i18n';
import { isLang, knownKey } from '../messages';
import { caseHref, navigate } from '../routing';
import { ErrorNotice } from './error-notice';

const POLL_MS = 30_000;

/** The header's bell: unread count, the latest notifications, and e-mail preferences. */
export function NotificationBell() {
  const { t, lang } = useI18n();
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [unread, setUnread] = useState(0);
  const [items, setItems] = useState<AppNotification[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [showPreferences, setShowPreferences] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const page = await listNotifications(lang, { limit: 10 });
      setUnread(page.unread);
      setItems(page.items);
      setCursor(page.nextCursor);
      setError(null);
    } catch (caught) {
      setError(asApiError(caught, lang));
    }
  }, [lang]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    window.addEventListener('hashchange', refresh);
    return () => {
      clearInterval(timer);
      window.removeEventListener('hashchange', refresh);
    };
  }, [refresh]);

  async function openItem(item: AppNotification) {
    setOpen(false);
    if (!item.readAt) {
      setUnread((n) => Math.max(0, n - 1));
      await markNotificationRead(lang, item.id).catch(() => undefined);
    }
    if (item.caseId) navigate(caseHref(item.caseId));
    void refresh();
  }

  async function more() {
    if (!cursor) return;
    const page = await listNotifications(lang, { limit: 10, cursor });
    setItems((old) => [...old, ...page.items]);
    setCursor(page.nextCursor);
  }

  const time = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <div className="bell">
      <button
        type="button"
        className="bell-button button-secondary button-small"
        aria-expanded={open}
        aria-controls={`${ids}-panel`}
        onClick={() => {
          setOpen(!open);
          if (!open) void refresh();
        }}
      >
        {t('bell.label')}
        {unread > 0 && (
          <span className="bell-badge" aria-label={t('bell.unread', { n: unread })}>
            {unread}
          </span>
        )}
      </button>
      {open && (
        <div id={`${ids}-panel`} className="bell-panel card" role="region" aria-label={t('bell.label')}>
          <div className="button-row">
            <button
              type="button"
              className="button-secondary button-small"
              disabled={unread === 0}
              onClick={() => void markAllNotificationsRead(lang).then(refresh, (caught: unknown) => setError(asApiError(caught, lang)))}
            >
              {t('bell.markAll')}
            </button>
            <button type="button" className="button-secondary button-small" aria-expanded={showPreferences} onClick={() => setShowPreferences(!showPreferences)}>
              {t('bell.preferences')}
            </button>
          </div>
          <ErrorNotice error={error} />
          {showPreferences && <PreferencesPanel />}
          {items.length === 0 && <p className="muted">{t('bell.none')}</p>}
          <ul className="bell-list">
            {items.map((item) => (
              <li key={item.id} className={item.readAt ? 'bell-item' : 'bell-item bell-item-unread'}>
                <button type="button" className="bell-item-button" onClick={() => void openItem(item)}>
                  <span className="bell-subject">{item.subject}</span>
                  {item.caseTitle && <span className="bell-case">{item.caseTitle}</span>}
                  <time className="bell-time" dateTime={item.createdAt}>{time.format(new Date(item.createdAt))}</time>
                </button>
              </li>
            ))}
          </ul>
          {cursor && (
            <button type="button" className="button-secondary button-small" onClick={() => void more()}>
              {t('bell.more')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function PreferencesPanel() {
  const { t, lang } = useI18n();
  const ids = useId();
  const [preferences, setPreferences] = useState<NotificationPreferences | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    getNotificationPreferences(lang).then(setPreferences, (caught: unknown) => setError(asApiError(caught, lang)));
  }, [lang]);

  if (!preferences) return <ErrorNotice error={error} />;
  const kindLabel = (kind: string) => {
    const key = knownKey(`bell.kind.${kind}`);
    return key ? t(key) : kind;
  };

  return (
    <form
      className="bell-preferences"
      onSubmit={(event) => {
        event.preventDefault();
        setNotice('');
        saveNotificationPreferences(lang, { language: preferences.language, emailOptOut: preferences.emailOptOut }).then(
          (saved) => {
            setPreferences(saved);
            setNotice(t('bell.saved'));
          },
          (caught: unknown) => setError(asApiError(caught, lang)),
        );
      }}
    >
      <div className="field">
        <label htmlFor={`${ids}-lang`}>{t('bell.language')}</label>
        <select
          id={`${ids}-lang`}
          value={preferences.language}
          onChange={(e) => {
            if (isLang(e.target.value)) setPreferences({ ...preferences, language: e.target.value });
          }}
        >
          <option value="id">{t('lang.id')}</option>
          <option value="en">{t('lang.en')}</option>
        </select>
      </div>
      {!preferences.email && <p className="muted">{t('bell.noEmail')}</p>}
      <fieldset>
        <legend>{t('bell.emailKinds')}</legend>
        {preferences.kinds.map((kind) => (
          <div key={kind} className="field field-check">
            <input
              id={`${ids}-${kind}`}
              type="checkbox"
              checked={!preferences.emailOptOut.includes(kind)}
              onChange={(e) =>
                setPreferences({
                  ...preferences,
                  emailOptOut: e.target.checked ? preferences.emailOptOut.filter((k) => k !== kind) : [...preferences.emailOptOut, kind],
                })
              }
            />
            <label htmlFor={`${ids}-${kind}`}>{kindLabel(kind)}</label>
          </div>
        ))}
      </fieldset>
      <ErrorNotice error={error} />
      <p className="muted" role="status">{notice}</p>
      <button type="submit" className="button-primary button-small">{t('bell.save')}</button>
    </form>
  );
}
