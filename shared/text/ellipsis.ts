// Shortening text for display on whole characters: a user-perceived character (a
// grapheme: a Chinese glyph, an emoji with its modifiers, a letter with its accents)
// is never split, so a cut never leaves half a surrogate pair or a stray accent.

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export const ELLIPSIS = '…';

/** The text's user-perceived characters, in order. */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** At most `max` characters (the ellipsis counted), ending with an ellipsis when cut. */
export function truncateChars(text: string, max: number): string {
  const chars = graphemes(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('').trimEnd()}${ELLIPSIS}`;
}

/**
 * The longest start of `text` that fits `width` with an ellipsis after it, measured by
 * `widthOf` (pixels of a string); the text itself when it fits whole.
 */
export function fitWithEllipsis(text: string, width: number, widthOf: (s: string) => number): string {
  if (widthOf(text) <= width) return text;
  const chars = graphemes(text);
  // Binary search on the number of characters kept: widths grow with length.
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (widthOf(`${chars.slice(0, mid).join('')}${ELLIPSIS}`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('').trimEnd()}${ELLIPSIS}`;
}

/** Replaces the last character of a cut line by an ellipsis (a whole character). */
export function endWithEllipsis(line: string): string {
  const chars = graphemes(line);
  return `${chars.slice(0, -1).join('').trimEnd()}${ELLIPSIS}`;
}
