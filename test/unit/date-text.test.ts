// The app's date fields read and write dates in the UI's language, not the browser's:
// what a field shows can be typed back, in English and in Chinese, with or without time.
import { describe, expect, it } from 'vitest';
import { formatDateValue, parseDateText } from '../../renderer/components/dateText.js';

describe('dates in the UI language', () => {
  it('shows a date and time the way each UI language writes it', () => {
    expect(formatDateValue('2026-12-05T14:30', 'en', true)).toMatch(/^Dec 5, 2026,? 2:30\s?PM$/);
    expect(formatDateValue('2026-12-05T14:30', 'zh-Hans', true)).toBe('2026年12月5日 14:30');
    expect(formatDateValue('2026-12-05', 'zh-Hant', false)).toBe('2026年12月5日');
    expect(formatDateValue('', 'en', false)).toBe('');
  });

  it('reads back what it shows, in every UI language', () => {
    for (const locale of ['en', 'zh-Hans', 'zh-Hant']) {
      for (const value of ['2026-12-05T14:30', '2027-01-31T09:05', '2026-06-01T00:00', '2026-11-30T12:15']) {
        expect(parseDateText(formatDateValue(value, locale, true), locale, true)).toBe(value);
        expect(parseDateText(formatDateValue(value.slice(0, 10), locale, false), locale, false)).toBe(value.slice(0, 10));
      }
    }
  });

  it('reads the forms people type: numbers in the language\'s order, ISO, Chinese with full-width digits', () => {
    expect(parseDateText('12/5/2026 2:30 pm', 'en', true)).toBe('2026-12-05T14:30');
    expect(parseDateText('5 December 2026', 'en', false)).toBe('2026-12-05');
    expect(parseDateText('2026-12-05 14:30', 'en', true)).toBe('2026-12-05T14:30');
    expect(parseDateText('２０２６年１２月５日　下午２点半', 'zh-Hans', true)).toBe('2026-12-05T14:30');
    expect(parseDateText('２０２６年１２月５日 下午2:30', 'zh-Hans', true)).toBe('2026-12-05T14:30');
    expect(parseDateText('2026/12/5 9点', 'zh-Hans', true)).toBe('2026-12-05T09:00');
  });

  it('refuses text that is not a date', () => {
    expect(parseDateText('next week', 'en', false)).toBeNull();
    expect(parseDateText('2026-02-30', 'en', false)).toBeNull();
    expect(parseDateText('2026-12-05 25:00', 'en', true)).toBeNull();
    expect(parseDateText('', 'zh-Hans', true)).toBeNull();
  });
});
