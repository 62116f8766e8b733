// Folds Traditional Chinese characters to their Simplified form, one character for
// one character, so search finds 客戶 when 客户 is typed and 价格 when 價格 is.
//
// The table is OpenCC's Traditional-to-Simplified character dictionary (opencc-js,
// pure JS). Only its one-character-to-one-character entries are kept, and only those
// whose two characters have the same UTF-16 length: a folded string is exactly as
// long as the original, so offsets found in folded text hold in the original (the
// highlight marks the characters as written). Phrase entries and regional word
// variants (软件/軟體) are left out on purpose: they change lengths and meaning.
//
// Index and query fold through the same function (text-units.ts), so the two always
// agree. The table is built once, on first use, and shared.
import { to as toSimplified } from 'opencc-js/preset/t2cn';
import type { DictLike } from 'opencc-js/core';

let table: ReadonlyMap<string, string> | null = null;

function entries(dict: DictLike): Array<readonly [string, string]> {
  if (typeof dict !== 'string') return dict.map(([from, to]) => [from, to.split(' ')[0] ?? ''] as const);
  return dict.split('|').map((entry) => {
    const [from = '', to = ''] = entry.split(' ');
    return [from, to] as const;
  });
}

const isOneCharacter = (s: string) => s.length > 0 && [...s].length === 1;

function buildTable(): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const group of toSimplified.cn ?? []) {
    for (const dict of group) {
      for (const [from, to] of entries(dict)) {
        if (isOneCharacter(from) && isOneCharacter(to) && from.length === to.length && from !== to) map.set(from, to);
      }
    }
  }
  // A few targets are themselves folded further (薴 -> 苧 -> 苎): resolve to the end,
  // so folding twice gives what folding once does.
  for (const [from, to] of map) {
    let target = to;
    for (let step = 0; step < 4 && map.has(target); step++) target = map.get(target)!;
    map.set(from, target);
  }
  return map;
}

/** The folding table: Traditional character -> Simplified character. Built once. */
export function chineseFoldTable(): ReadonlyMap<string, string> {
  table ??= buildTable();
  return table;
}

/** One character (code point) folded to Simplified; anything else unchanged. */
export function foldChineseChar(c: string): string {
  return chineseFoldTable().get(c) ?? c;
}

/** The text with every Traditional character folded to Simplified; same length. */
export function foldChinese(text: string): string {
  const fold = chineseFoldTable();
  let out = '';
  for (const c of text) out += fold.get(c) ?? c;
  return out;
}
