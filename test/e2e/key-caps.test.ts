// Key caps are read at a glance during an interview: the digit 0 ("no stage") and the
// letter O (Alt+O, "other notes") must not look alike in any UI language.
import { describe, expect, it } from 'vitest';
import { openApp } from './fixture.js';

describe('key caps', () => {
  for (const locale of ['en-US', 'zh-CN']) {
    it(`draws the digit 0 and the letter O as different shapes on key caps (${locale})`, async () => {
      const { page } = await openApp({ locale });
      await page.getByRole('navigation').first().waitFor();
      const widths = await page.evaluate(() =>
        ['0', 'O'].map((glyph) => {
          const cap = document.createElement('kbd');
          cap.textContent = glyph;
          document.body.append(cap);
          const range = document.createRange();
          range.selectNodeContents(cap);
          const width = range.getBoundingClientRect().width;
          cap.remove();
          return width;
        }),
      );
      const [zero, letter] = widths as [number, number];
      // In a monospace face both are one cell wide and both are plain ovals; the UI face draws O wider.
      expect(letter / zero).toBeGreaterThan(1.15);
    });
  }
});
