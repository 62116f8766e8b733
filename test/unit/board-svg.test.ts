// The board image: every column, group and card is drawn, text wraps, and user text
// can never become markup.
import { describe, expect, it } from 'vitest';
import { boardSvg, wrapText } from '../../shared/export/board-svg.js';

describe('board SVG', () => {
  it('draws each column, group and card, with Chinese text', () => {
    const svg = boardSvg({
      title: 'New-car buyer journey',
      columns: [
        { title: '认知', groups: [{ name: '价格不透明', color: '#b4443a', cards: [{ text: '等了三天才拿到报价', meta: 'P01 · 痛点', color: '#b4443a' }] }], loose: [{ text: 'Saw the ad', meta: 'P02', color: '#2f5d62' }] },
        { title: 'Decision', groups: [], loose: [] },
      ],
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    for (const text of ['认知', 'Decision', '价格不透明 (1)', '等了三天才拿到报价', 'Saw the ad']) expect(svg).toContain(text);
  });

  it('escapes user text so it stays text', () => {
    const svg = boardSvg({ title: '<script>alert(1)</script>', columns: [{ title: 'A&B', groups: [], loose: [{ text: '<img src=x onerror=alert(1)>', meta: '"x"', color: '#000000' }] }] });
    expect(svg).not.toMatch(/<script|<img/);
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('A&amp;B');
  });

  it('wraps long text by width, counting CJK characters as wide, and marks what is cut', () => {
    expect(wrapText('a'.repeat(30), 66)).toEqual(['aaaaaaaaaa', 'aaaaaaaaaa', 'aaaaaaaaaa']);
    expect(wrapText('汉'.repeat(12), 60)).toEqual(['汉汉汉汉汉', '汉汉汉汉汉', '汉汉']);
    const cut = wrapText('x'.repeat(100), 66, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]!.endsWith('…')).toBe(true);
  });
});
