/**
 * The UI language a browser remembers, shared by the officers' app and the citizens' portal (one
 * key, so a choice made in one holds in the other). Storage can be unavailable (privacy mode,
 * disabled cookies): then nothing is remembered and the choice lasts for the visit.
 */
const STORAGE_KEY = 'alur.lang';

export type StoredLang = 'id' | 'en';

/** The remembered language, or `fallback` when none (or something else) is stored. */
export function readStoredLang(fallback: StoredLang): StoredLang {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return stored === 'id' || stored === 'en' ? stored : fallback;
  } catch {
    return fallback;
  }
}

export function storeLang(lang: StoredLang): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered; the choice still applies for this visit.
  }
}
