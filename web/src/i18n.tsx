import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { readStoredLang, storeLang } from './lang-storage';
import { DEFAULT_LANG, translate } from './messages';
import type { Lang, MessageKey, MessageParams } from './messages';

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: MessageParams) => string;
  formatDate: (iso: string) => string;
  formatDay: (iso: string) => string;
  /** The text of a `{ id, en }` pair from the API in the UI language. */
  pick: (text: Partial<Record<Lang, string>> | undefined, fallback?: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => readStoredLang(DEFAULT_LANG));

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    storeLang(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const locale = lang === 'id' ? 'id-ID' : 'en-GB';
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
    const format = (formatter: Intl.DateTimeFormat, iso: string) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : formatter.format(date);
    };
    return {
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      formatDate: (iso) => format(dateFormat, iso),
      formatDay: (iso) => format(dayFormat, iso),
      pick: (text, fallback = '') => text?.[lang] ?? text?.id ?? fallback,
    };
  }, [lang, setLang]);

  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
