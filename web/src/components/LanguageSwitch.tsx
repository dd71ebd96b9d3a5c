import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n/index.js';

/** One button that switches between French and English. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language.startsWith('en') ? 'fr' : 'en';
  return (
    <button
      type="button"
      className="button button--quiet"
      lang={next}
      aria-label={t('language.switchToLabel')}
      onClick={() => void changeLanguage(next)}
    >
      {t('language.switchTo')}
    </button>
  );
}
