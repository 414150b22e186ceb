import { useI18n } from '../i18n';
import { LANGS, messages } from '../messages';

/** Each language is named in itself, so the labels come from its own catalogue. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {LANGS.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === lang}
          onClick={() => setLang(option)}
        >
          {messages[option][`lang.${option}`]}
        </button>
      ))}
    </div>
  );
}
