// Simplified and Traditional Chinese fold to one script, one character for one
// character, so search finds either form and highlight offsets point at the
// characters as written.
import { describe, expect, it } from 'vitest';
import { chineseFoldTable, foldChinese, foldChineseChar } from '../../shared/search/chinese-fold.js';
import { indexTokens, matchExpression, queryParts } from '../../shared/search/fts-text.js';
import { matchRanges } from '../../shared/search/snippet.js';
import { textUnits } from '../../shared/search/text-units.js';

const slices = (text: string, ranges: ReadonlyArray<{ start: number; end: number }>) => ranges.map((r) => text.slice(r.start, r.end));

describe('folding Traditional to Simplified Chinese', () => {
  it('folds Traditional characters to their Simplified form and leaves Simplified ones as they are', () => {
    expect(foldChinese('客戶覺得價格不透明')).toBe('客户觉得价格不透明');
    expect(foldChinese('客户觉得价格不透明')).toBe('客户觉得价格不透明');
    expect(foldChineseChar('戶')).toBe('户');
    expect(foldChineseChar('價')).toBe('价');
  });

  it('maps every character to exactly one character of the same length, and folding twice equals folding once', () => {
    const table = chineseFoldTable();
    expect(table.size).toBeGreaterThan(2500);
    const broken = [...table].filter(([from, to]) => [...from].length !== 1 || [...to].length !== 1 || to.length !== from.length || table.has(to));
    expect(broken).toEqual([]);
  });

  it('keeps the length of mixed text, leaves Latin, digits, kana and punctuation alone', () => {
    const mixed = '買iPhone 15的價格，說明書在臺灣？カタカナ OK 𠮷野';
    const folded = foldChinese(mixed);
    expect(folded).toBe('买iPhone 15的价格，说明书在台湾？カタカナ OK 𠮷野');
    expect(folded.length).toBe(mixed.length);
  });

  it('leaves regional word variants alone: only characters fold, not words', () => {
    expect(foldChinese('軟體')).toBe('软体');
    expect(foldChinese('软件')).toBe('软件');
  });

  it('indexes and queries both scripts as the same tokens', () => {
    expect(indexTokens('客戶價格')).toBe(indexTokens('客户价格'));
    expect(matchExpression(queryParts('價格'))).toBe('"价格"');
    expect(matchExpression(queryParts('客户'))).toBe(matchExpression(queryParts('客戶')));
  });

  it('keeps each character\'s offset in the original text, so highlights mark the characters as written', () => {
    expect(textUnits('的價格')).toEqual([{ kind: 'cjk', chars: ['的', '价', '格'], offsets: [0, 1, 2, 3] }]);
    const traditional = '這位客戶說價格不透明';
    expect(slices(traditional, matchRanges(traditional, queryParts('客户')))).toEqual(['客戶']);
    const simplified = 'iPhone 的价格太高';
    expect(slices(simplified, matchRanges(simplified, queryParts('價格 iphone')))).toEqual(['iPhone', '价格']);
  });
});
