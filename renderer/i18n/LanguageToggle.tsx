// VI | EN switch: two pressed/unpressed buttons, each named in its own language.
import { LANGUAGES, type Language } from './messages';
import { useLanguage, useT } from './language';

const NAMES: Record<Language, { short: string; full: string }> = {
  vi: { short: 'VI', full: 'Tiếng Việt' },
  en: { short: 'EN', full: 'English' },
};

export function LanguageToggle() {
  const [language, setLanguage] = useLanguage();
  const t = useT();
  return (
    <div className="language-toggle" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          aria-label={NAMES[lang].full}
          aria-pressed={language === lang}
          onClick={() => setLanguage(lang)}
        >
          {NAMES[lang].short}
        </button>
      ))}
    </div>
  );
}
