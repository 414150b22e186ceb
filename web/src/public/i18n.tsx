import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { readStoredLang, storeLang } from '../lang-storage';
import { DEFAULT_LANG, translate } from './messages';
import type { Lang, MessageKey, MessageParams } from './messages';

export interface PortalI18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: MessageParams) => string;
  /** A date and time in the citizen's time zone. */
  formatDate: (iso: string) => string;
  /** The text of a `{ id, en }` pair from the API in the chosen language. */
  pick: (text: { id: string; en: string }) => string;
}

const I18nContext = createContext<PortalI18n | null>(null);

export function PortalI18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => readStoredLang(DEFAULT_LANG));

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    storeLang(next);
  }, []);

  const value = useMemo<PortalI18n>(() => {
    const dateFormat = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' });
    return {
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      formatDate: (iso) => {
        const date = new Date(iso);
        return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
      },
      pick: (text) => text[lang] || text.id,
    };
  }, [lang, setLang]);

  return <I18nContext value={value}>{children}</I18nContext>;
}

export function usePortalI18n(): PortalI18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('usePortalI18n must be used inside <PortalI18nProvider>');
  return value;
}
