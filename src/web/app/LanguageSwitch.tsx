/** Bahasa Indonesia / English: the labels and the number format change together. */
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, useLanguage } from '../i18n/index.js';

const NAMES = { id: 'Bahasa Indonesia', en: 'English' } as const;

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('nav.language')}>
      {LANGUAGES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={language === l}
          title={NAMES[l]}
          onClick={() => changeLanguage(l)}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
