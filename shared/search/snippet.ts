// The matched passage of a search hit: a window of the source text around the first
// match, with the matches as offset ranges (UTF-16 code units, as String.slice uses)
// so the UI highlights by slicing text, never by injecting markup.
import type { QueryPart } from './fts-text.js';
import { foldWord, textUnits } from './text-units.js';

export interface Highlight {
  start: number;
  end: number;
}

export interface Snippet {
  text: string;
  highlights: Highlight[];
}

function sameChars(run: readonly string[], at: number, wanted: readonly string[]): boolean {
  for (let j = 0; j < wanted.length; j++) if (run[at + j] !== wanted[j]) return false;
  return true;
}

/** Where the query's parts occur in `text`, with the index's own rules, merged and in order. */
export function matchRanges(text: string, parts: readonly QueryPart[]): Highlight[] {
  const words = parts.filter((p) => p.kind === 'word').map((p) => foldWord(p.text));
  const runs = parts.flatMap((p) => (p.kind === 'cjk' ? [p.chars] : []));
  const found: Highlight[] = [];
  for (const unit of textUnits(text)) {
    if (unit.kind === 'word') {
      const folded = foldWord(unit.text);
      if (words.some((w) => folded.startsWith(w))) found.push({ start: unit.start, end: unit.end });
      continue;
    }
    for (const wanted of runs) {
      for (let i = 0; i + wanted.length <= unit.chars.length; i++) {
        if (sameChars(unit.chars, i, wanted)) found.push({ start: unit.offsets[i]!, end: unit.offsets[i + wanted.length]! });
      }
    }
  }
  found.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Highlight[] = [];
  for (const range of found) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

export const SNIPPET_LENGTH = 160;
/** Characters of context kept before the first match when the text is cut. */
const CONTEXT_BEFORE = 40;
const ELLIPSIS = '…';

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** A window of at most `length` characters of `text` around its first highlight. */
export function makeSnippet(text: string, ranges: readonly Highlight[], length = SNIPPET_LENGTH): Snippet {
  // One line: line breaks become spaces one for one, so offsets stay valid.
  const flat = text.replace(/[\r\n\t]/g, ' ');
  if (flat.length <= length) return { text: flat, highlights: ranges.map((r) => ({ ...r })) };
  const first = ranges[0]?.start ?? 0;
  let start = Math.max(0, Math.min(first - CONTEXT_BEFORE, flat.length - length));
  // Less context when needed, so the whole first match stays in view (up to the window).
  start = Math.max(start, Math.min(first, (ranges[0]?.end ?? 0) - length));
  if (start > 0) {
    // Begin at a word boundary when one is close, and never inside a surrogate pair.
    const space = flat.indexOf(' ', start);
    if (space >= 0 && space < Math.min(first, start + 15)) start = space + 1;
    if (isLowSurrogate(flat.charCodeAt(start))) start++;
  }
  let end = Math.min(flat.length, start + length);
  if (end < flat.length && isHighSurrogate(flat.charCodeAt(end - 1))) end--;
  const prefix = start > 0 ? ELLIPSIS : '';
  const suffix = end < flat.length ? ELLIPSIS : '';
  const shift = prefix.length - start;
  const highlights = ranges
    .filter((r) => r.end > start && r.start < end)
    .map((r) => ({ start: Math.max(r.start, start) + shift, end: Math.min(r.end, end) + shift }));
  return { text: prefix + flat.slice(start, end) + suffix, highlights };
}
