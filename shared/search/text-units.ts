// Splits text into the units full-text search works with: runs of CJK characters
// (Chinese has no spaces, so every character counts) and words of other scripts
// (letters and digits, lowercased). Each unit keeps its offsets in the original
// string, so the same split drives indexing, querying and highlighting and the
// three can never disagree. Pure; used by the core only, but free of Node.
// Chinese characters are folded to Simplified here (chinese-fold.ts), so index,
// query and highlight all see 客戶 as 客户 while offsets point at what was written.
import { foldChineseChar } from './chinese-fold.js';

/** Han, kana and Hangul: written without spaces between words. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Letters, digits and combining marks make up words in every other script. */
const WORD = /[\p{L}\p{N}\p{M}]/u;

export interface CjkRun {
  kind: 'cjk';
  /** The run's characters, each normalised (NFKC) so compatibility forms match, Traditional folded to Simplified. */
  chars: string[];
  /** UTF-16 offset in the original text where each character starts, plus the run's end. */
  offsets: number[];
}

export interface Word {
  kind: 'word';
  /** Lowercased and NFKC-normalised (full-width Latin matches ASCII). */
  text: string;
  start: number;
  end: number;
}

export type TextUnit = CjkRun | Word;

const isAscii = (c: string) => c.charCodeAt(0) < 0x80;
const isAsciiWordChar = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** Normalises one code point the way the index stores it. */
function normalise(c: string): string {
  return isAscii(c) ? c.toLowerCase() : c.normalize('NFKC').toLowerCase();
}

type CharClass = 'cjk' | 'word' | 'other';

function classify(c: string): CharClass {
  if (isAscii(c)) return isAsciiWordChar(c.charCodeAt(0)) ? 'word' : 'other';
  if (CJK.test(c)) return 'cjk';
  // Full-width Latin and digits (common in Chinese text) normalise to ASCII word characters.
  return WORD.test(c) || WORD.test(c.normalize('NFKC')) ? 'word' : 'other';
}

/** The text as CJK runs and words, in order; everything else separates them. */
export function textUnits(text: string): TextUnit[] {
  const units: TextUnit[] = [];
  let run: CjkRun | null = null;
  let word: Word | null = null;
  let offset = 0;
  for (const c of text) {
    const kind = classify(c);
    if (kind !== 'cjk' && run) {
      run.offsets.push(offset);
      units.push(run);
      run = null;
    }
    if (kind !== 'word' && word) {
      units.push(word);
      word = null;
    }
    if (kind === 'cjk') {
      run ??= { kind: 'cjk', chars: [], offsets: [] };
      run.chars.push(foldChineseChar(normalise(c)));
      run.offsets.push(offset);
    } else if (kind === 'word') {
      word ??= { kind: 'word', text: '', start: offset, end: offset };
      word.text += normalise(c);
      word.end = offset + c.length;
    }
    offset += c.length;
  }
  if (run) {
    run.offsets.push(offset);
    units.push(run);
  }
  if (word) units.push(word);
  return units;
}

/** Folds a word for comparison the way FTS5's unicode61 (remove_diacritics 2) does. */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
