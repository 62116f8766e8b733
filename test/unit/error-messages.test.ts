// Refusals reach the user in the UI's language, whatever language the core wrote its log message in.
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../shared/i18n/locales/en.json';
import zhHans from '../../shared/i18n/locales/zh-Hans.json';
import zhHant from '../../shared/i18n/locales/zh-Hant.json';
import { errorMessage } from '../../renderer/components/errors.js';
import { ApiCallError } from '../../shared/api/result.js';

async function translator(lng: string) {
  const i18n = createInstance();
  await i18n.init({ lng, resources: { en: { translation: en }, 'zh-Hans': { translation: zhHans }, 'zh-Hant': { translation: zhHant } } });
  return i18n.t;
}

describe('refusals in the UI language', () => {
  it('says a read-only library refused a change in English, Simplified and Traditional Chinese', async () => {
    const refused = new ApiCallError({ code: 'read_only', message: 'The library failed its integrity check (page 12). It is open read-only.' });
    expect(errorMessage(await translator('en'), refused)).toBe(en.errors.read_only);
    expect(errorMessage(await translator('zh-Hans'), refused)).toBe('资料库为只读。');
    expect(errorMessage(await translator('zh-Hant'), refused)).toBe(zhHant.errors.read_only);
  });

  it('says a full disk refused a change in the UI language', async () => {
    const full = new ApiCallError({ code: 'storage', message: 'The disk is full, so the library could not be written.', reason: 'snapshots.disk_full' });
    expect(errorMessage(await translator('zh-Hant'), full)).toBe(zhHant.snapshots.reasons.disk_full);
  });
});
