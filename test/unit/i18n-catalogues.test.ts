// The message catalogues stay complete: English, Simplified and Traditional Chinese
// have the same keys, no empty strings, the same placeholders, and real Chinese text.
import { describe, expect, it } from 'vitest';
import en from '../../shared/i18n/locales/en.json';
import zhHans from '../../shared/i18n/locales/zh-Hans.json';
import zhHant from '../../shared/i18n/locales/zh-Hant.json';
import { languageForLocale } from '../../renderer/i18n/index.js';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

/** Chinese has one plural form: English `x_one` + `x_other` become just `x_other`. */
const chineseKeys = (keys: Iterable<string>) => [...keys].filter((k) => !k.endsWith('_one')).sort();

describe('message catalogues', () => {
  const english = flatten(en as Tree);
  for (const [name, catalogue] of [['zh-Hans', zhHans], ['zh-Hant', zhHant]] as const) {
    it(`${name} has exactly the English keys, with the same placeholders`, () => {
      const translated = flatten(catalogue as Tree);
      expect([...translated.keys()].sort()).toEqual(chineseKeys(english.keys()));
      for (const [key, value] of english) {
        if (key.endsWith('_one')) continue;
        // The count may be written out in Chinese sentences where English says "one".
        const expected = placeholders(value);
        expect(placeholders(translated.get(key)!), key).toEqual(expected);
      }
    });

    it(`${name} has no empty messages and is written in Chinese`, () => {
      const translated = flatten(catalogue as Tree);
      for (const [key, value] of translated) expect(value.trim(), key).not.toBe('');
      const han = [...translated.values()].filter((v) => /\p{Script=Han}/u.test(v)).length;
      expect(han / translated.size).toBeGreaterThan(0.9);
    });
  }

  it('keeps Simplified and Traditional apart', () => {
    expect(flatten(zhHans as Tree).get('nav.search')).toBe('搜索');
    expect(flatten(zhHant as Tree).get('nav.search')).toBe('搜尋');
  });
});

describe('language from the OS locale', () => {
  it('maps Chinese locales by script and region, and everything else to English', () => {
    expect(languageForLocale('zh-CN')).toBe('zh-Hans');
    expect(languageForLocale('zh')).toBe('zh-Hans');
    expect(languageForLocale('zh-Hans-SG')).toBe('zh-Hans');
    expect(languageForLocale('zh-TW')).toBe('zh-Hant');
    expect(languageForLocale('zh-HK')).toBe('zh-Hant');
    expect(languageForLocale('zh-Hant')).toBe('zh-Hant');
    expect(languageForLocale('en-GB')).toBe('en');
    expect(languageForLocale('fr')).toBe('en');
  });
});
