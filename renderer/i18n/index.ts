// The i18n layer: English, Simplified and Traditional Chinese. Follows the OS
// locale until the user picks a language, then remembers the choice.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../shared/i18n/locales/en.json';
import zhHans from '../../shared/i18n/locales/zh-Hans.json';
import zhHant from '../../shared/i18n/locales/zh-Hant.json';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh-Hans', label: '简体中文' },
  { code: 'zh-Hant', label: '繁體中文' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'fieldwork.language';

/** Maps a BCP 47 tag from the OS to one of our catalogues. */
export function languageForLocale(tag: string): LanguageCode {
  const lower = tag.toLowerCase();
  if (!lower.startsWith('zh')) return 'en';
  if (/hant|-tw|-hk|-mo/.test(lower)) return 'zh-Hant';
  return 'zh-Hans';
}

function initialLanguage(): LanguageCode {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved && LANGUAGES.some((l) => l.code === saved)) return saved as LanguageCode;
  const preferred = navigator.languages.find((tag) => tag.length > 0) ?? navigator.language;
  return languageForLocale(preferred ?? 'en');
}

export function setLanguage(code: LanguageCode): void {
  localStorage.setItem(STORAGE_KEY, code);
  void i18n.changeLanguage(code);
}

export function initI18n(): typeof i18n {
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, 'zh-Hans': { translation: zhHans }, 'zh-Hant': { translation: zhHant } },
    lng: initialLanguage(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  const sync = (lng: string) => {
    document.documentElement.lang = lng;
  };
  sync(i18n.language);
  i18n.on('languageChanged', sync);
  return i18n;
}
