// The search index's view of text: CJK bigrams and unigrams, lowercased words, queries
// as FTS5 expressions, and snippets whose highlight ranges point at the matches.
import { describe, expect, it } from 'vitest';
import { GAP_TOKEN, indexTokens, matchExpression, queryParts } from '../../shared/search/fts-text.js';
import { makeSnippet, matchRanges } from '../../shared/search/snippet.js';
import { textUnits } from '../../shared/search/text-units.js';

const slices = (text: string, ranges: ReadonlyArray<{ start: number; end: number }>) => ranges.map((r) => text.slice(r.start, r.end));

describe('index tokens', () => {
  it('indexes Chinese as overlapping pairs, a gap between runs, then every character alone', () => {
    expect(indexTokens('价格很高，太贵')).toBe(`价格 格很 很高 ${GAP_TOKEN} 太贵 ${GAP_TOKEN} 价 格 很 高 太 贵`);
  });

  it('keeps other words whole and lowercased, and folds full-width Latin to ASCII', () => {
    expect(indexTokens('The iPhone15 ｉＰｈｏｎｅ app')).toBe('the iphone15 iphone app');
  });

  it('splits mixed text where the script changes, keeping each character\'s offset', () => {
    const units = textUnits('买iPhone价格');
    expect(units).toEqual([
      { kind: 'cjk', chars: ['买'], offsets: [0, 1] },
      { kind: 'word', text: 'iphone', start: 1, end: 7 },
      { kind: 'cjk', chars: ['价', '格'], offsets: [7, 8, 9] },
    ]);
  });

  it('treats kana and Hangul like Han, and keeps characters outside the BMP whole', () => {
    expect(indexTokens('カタ한국')).toBe(`カタ タ한 한국 ${GAP_TOKEN} カ タ 한 국`);
    expect(textUnits('𠮷野')[0]).toEqual({ kind: 'cjk', chars: ['𠮷', '野'], offsets: [0, 2, 3] });
  });
});

describe('queries', () => {
  it('makes 1 character a term, 2+ characters a phrase of pairs, and words prefixes, all ANDed', () => {
    expect(matchExpression(queryParts('价'))).toBe('"价"');
    expect(matchExpression(queryParts('价格'))).toBe('"价格"');
    expect(matchExpression(queryParts('试驾路线'))).toBe('"试驾 驾路 路线"');
    expect(matchExpression(queryParts('iPhone 价格 iphone'))).toBe('"iphone"* AND "价格"');
  });

  it('has nothing to search for in punctuation and spaces', () => {
    expect(matchExpression(queryParts(' ，。"* AND ( '))).toBe('"and"*');
    expect(matchExpression(queryParts(' ，。"*( '))).toBeNull();
  });

  it('keeps at most twelve parts', () => {
    expect(queryParts(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))).toHaveLength(12);
  });
});

describe('snippets', () => {
  it('highlights Chinese substrings and English words by prefix, in any case', () => {
    const text = 'Pricing: 价格太贵, the PRICE 价格!';
    const ranges = matchRanges(text, queryParts('pric 价格'));
    expect(slices(text, ranges)).toEqual(['Pricing', '价格', 'PRICE', '价格']);
  });

  it('merges overlapping matches', () => {
    expect(slices('报价单', matchRanges('报价单', queryParts('报价 价单')))).toEqual(['报价单']);
  });

  it('cuts long text around the first match, and shifts the ranges with it', () => {
    const text = `${'前言'.repeat(100)}关键的报价出现在这里${'后记'.repeat(100)}`;
    const snippet = makeSnippet(text, matchRanges(text, queryParts('报价')));
    expect(snippet.text.length).toBeLessThanOrEqual(162);
    expect(snippet.text.startsWith('…') && snippet.text.endsWith('…')).toBe(true);
    expect(slices(snippet.text, snippet.highlights)).toEqual(['报价']);
  });

  it('never splits a character outside the BMP, and puts line breaks on one line', () => {
    const text = `${'𠮷'.repeat(200)}报价`;
    const snippet = makeSnippet(text, matchRanges(text, queryParts('报价')), 41);
    expect(snippet.text).not.toMatch(/^…[\uDC00-\uDFFF]/);
    expect(slices(snippet.text, snippet.highlights)).toEqual(['报价']);
    expect(makeSnippet('a\nb', []).text).toBe('a b');
  });
});
