// The interface's message catalogues, readable outside the interface. Documents and
// data exports are written in the study's language whatever language the app shows,
// so the core builds their labels from the same catalogues the renderer uses: one
// translation of every word, not a second table that drifts.
import { createInstance, type TFunction } from 'i18next';
import type { StudyLanguage } from '../domain.js';
import en from './locales/en.json';
import zhHans from './locales/zh-Hans.json';
import zhHant from './locales/zh-Hant.json';

const CATALOGUES = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant } as const;

/** Raised when a label is not in the catalogue: an export must never print a key. */
export class MissingLabelError extends Error {
  constructor(language: string, key: string) {
    super(`The ${language} catalogue has no message "${key}".`);
    this.name = 'MissingLabelError';
  }
}

const translators = new Map<StudyLanguage, TFunction>();

/**
 * A translator for one study language, initialised synchronously, with no fallback
 * language: `labelsUnder` turns a missing key into an error.
 */
export function catalogueFor(language: StudyLanguage): TFunction {
  const cached = translators.get(language);
  if (cached) return cached;
  const instance = createInstance();
  void instance.init({
    resources: { [language]: { translation: CATALOGUES[language] } },
    lng: language,
    fallbackLng: false,
    initAsync: false,
    interpolation: { escapeValue: false }, // every exporter escapes for its own format
    returnNull: false,
    returnEmptyString: false,
  });
  const t = instance.t;
  translators.set(language, t);
  return t;
}

/** A message by key, with optional values; `count` picks the plural form. */
export type Label = (key: string, values?: Record<string, string | number>) => string;

/** `t` narrowed to one sub-tree of the catalogue: `labelsUnder('exports.study', lang)('goal')`. */
export function labelsUnder(prefix: string, language: StudyLanguage): Label {
  const t = catalogueFor(language);
  return (key, values) => {
    const full = prefix ? `${prefix}.${key}` : key;
    const text = values ? t(full, values) : t(full);
    if (typeof text !== 'string' || text === full) throw new MissingLabelError(language, full);
    return text;
  };
}

/** Each key of `keys` mapped to its message under `prefix`. */
export function labelRecord<K extends string>(label: Label, prefix: string, keys: readonly K[], suffix = ''): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, label(`${prefix}.${k}${suffix}`)])) as Record<K, string>;
}
