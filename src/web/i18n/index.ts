/**
 * Indonesian and English for the app. Each step keeps its own strings next to it (a namespace
 * named after the step) and registers them here; the shell's strings are the `common`
 * namespace. The chosen language is remembered in the browser.
 */
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { common } from './common.js';

export type Language = 'id' | 'en';
export const LANGUAGES: readonly Language[] = ['id', 'en'];

/** Strings of one namespace in both languages; English is the fallback. */
export interface Strings {
  readonly en: Readonly<Record<string, string>>;
  readonly id: Readonly<Record<string, string>>;
}

const STORAGE_KEY = 'lestari.language';

function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (stored === 'id' || stored === 'en') return stored;
  return globalThis.navigator?.language?.toLowerCase().startsWith('en') ? 'en' : 'id';
}

export function setupI18n(namespaces: Readonly<Record<string, Strings>>): typeof i18next {
  const all = { common, ...namespaces };
  const resources = {
    en: Object.fromEntries(Object.entries(all).map(([ns, s]) => [ns, s.en])),
    id: Object.fromEntries(Object.entries(all).map(([ns, s]) => [ns, s.id])),
  };
  void i18next.use(initReactI18next).init({
    resources,
    lng: initialLanguage(),
    fallbackLng: 'en',
    defaultNS: 'common',
    ns: Object.keys(all),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}

export function changeLanguage(language: Language): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

/** The UI language: also the number format shown and typed (id: 1.234,5; en: 1,234.5). */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'id';
}
