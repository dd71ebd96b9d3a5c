import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import fr from './fr.json';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'tessera.language';
const FETCHED_MESSAGES: Record<Exclude<Language, 'fr'>, () => Promise<{ default: typeof fr }>> = { en: () => import('./en.json') };

/** The saved language, French by default (the users are French local governments). */
function initialLanguage(): Language {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'fr') return saved;
  } catch {
    // Storage may be disabled (private mode): French it is.
  }
  return 'fr';
}

/**
 * Adds a language's messages unless they are there. French comes with the app (most users read it,
 * and it is the fallback); English is a chunk of its own, fetched by those who choose it.
 */
async function loadMessages(language: Language): Promise<void> {
  if (language === 'fr' || i18next.hasResourceBundle(language, 'translation')) return;
  const { default: messages } = await FETCHED_MESSAGES[language]();
  i18next.addResourceBundle(language, 'translation', messages);
}

/** Switches the interface language (once its messages are there), remembers it, and tells assistive tech via <html lang>. */
export async function changeLanguage(language: Language): Promise<void> {
  await loadMessages(language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered; still switched.
  }
}

/**
 * Initialises i18next in French at once (no network request); resolves once the saved language is
 * shown, which for English takes its chunk (French stays if it cannot be fetched).
 */
export async function initI18n(): Promise<typeof i18next> {
  const language = initialLanguage();
  document.documentElement.lang = 'fr';
  void i18next.use(initReactI18next).init({
    resources: { fr: { translation: fr } },
    lng: 'fr',
    fallbackLng: 'fr',
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  });
  if (language !== 'fr') await changeLanguage(language).catch((error: unknown) => console.error('The saved language could not be loaded', error));
  return i18next;
}
