// Shortened text ends with an ellipsis on a whole character: never half a surrogate
// pair, never an emoji torn from its modifier, never a stray accent.
import { describe, expect, it } from 'vitest';
import { wrapText } from '../../shared/export/board-svg.js';
import { ELLIPSIS, fitWithEllipsis, graphemes, truncateChars } from '../../shared/text/ellipsis.js';

/** A string is well formed when it has no lone surrogate. */
const wellFormed = (s: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
const wide = (s: string) => graphemes(s).reduce((w, ch) => w + (/[\u2e80-\u9fff]|\p{Extended_Pictographic}/u.test(ch) ? 12 : 6), 0);

describe('ellipsis on whole characters', () => {
  it('counts user-perceived characters: a Chinese glyph, an astral glyph, an emoji with its skin tone, a letter with its accent', () => {
    expect(graphemes('价格𠀋👍🏽é')).toEqual(['价', '格', '𠀋', '👍🏽', 'é']);
  });

  it('cuts by characters, never inside a surrogate pair or an emoji sequence', () => {
    expect(truncateChars('价格不透明', 10)).toBe('价格不透明');
    expect(truncateChars('价格不透明让人不放心', 5)).toBe(`价格不透${ELLIPSIS}`);
    const astral = truncateChars('𠀋𠀋𠀋𠀋𠀋𠀋', 4);
    expect(astral).toBe(`𠀋𠀋𠀋${ELLIPSIS}`);
    expect(wellFormed(astral)).toBe(true);
    expect(truncateChars('ok 👨‍👩‍👧 family 👍🏽👍🏽', 5)).toBe(`ok 👨‍👩‍👧${ELLIPSIS}`);
  });

  it('fits a width with the ellipsis included, keeping as many whole characters as fit', () => {
    const fitted = fitWithEllipsis('等了三天才拿到报价𠀋𠀋', 60, wide);
    expect(fitted).toBe(`等了三天${ELLIPSIS}`);
    expect(wide(fitted)).toBeLessThanOrEqual(60);
    expect(fitWithEllipsis('short', 60, wide)).toBe('short');
    for (let width = 6; width < 66; width += 3) {
      const cut = fitWithEllipsis('a👍🏽b𠀋c价👨‍👩‍👧d', width, wide);
      expect(wellFormed(cut)).toBe(true);
      expect(cut.endsWith(ELLIPSIS)).toBe(true);
    }
  });

  it('ends a cut line of the board image on a whole character', () => {
    const [name] = wrapText('𠀋'.repeat(30), 100, 1);
    expect(wellFormed(name!)).toBe(true);
    expect(name!.endsWith(`𠀋${ELLIPSIS}`)).toBe(true);
    const [emoji] = wrapText('👍🏽'.repeat(30), 100, 1);
    expect(emoji!.endsWith(`👍🏽${ELLIPSIS}`)).toBe(true);
  });
});
