// Stored notes: building editor state, reading its plain text, and session clocks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockToMs, msToClock, noteFromParagraphs, noteParagraphs, notePlainText } from '../../shared/notes.js';

describe('notes', () => {
  it('keeps each paragraph\'s key and elapsed time and reads back its text', () => {
    const note = noteFromParagraphs([
      { pid: 'a', atMs: 65_000, text: 'Saw the ad on Douyin.' },
      { pid: 'b', atMs: 130_000, text: '价格不透明，感觉被套路。' },
    ]);
    expect(note.root.children.map((p) => p.$)).toEqual([
      { pid: 'a', at: 65_000 },
      { pid: 'b', at: 130_000 },
    ]);
    expect(notePlainText(note)).toBe('Saw the ad on Douyin.\n价格不透明，感觉被套路。');
  });

  it('reads each paragraph\'s key, time and text, and null where a paragraph carries none', () => {
    const note = noteFromParagraphs([{ pid: 'a', atMs: 5_000, text: '上牌费😡' }]);
    const bare = { root: { children: [{ type: 'paragraph', children: [{ type: 'text', text: 'x' }, { type: 'linebreak' }, { type: 'text', text: 'y' }] }] } };
    expect(noteParagraphs(note)).toEqual([{ pid: 'a', atMs: 5_000, text: '上牌费😡' }]);
    expect(noteParagraphs(bare)).toEqual([{ pid: null, atMs: null, text: 'x\ny' }]);
    expect(noteParagraphs({ root: { children: [{ $: { pid: 7, at: 'soon' } }] } })).toEqual([{ pid: null, atMs: null, text: '' }]);
    expect(noteParagraphs(null)).toEqual([]);
  });

  it('reads nothing from states that are not notes', () => {
    expect(notePlainText(null)).toBe('');
    expect(notePlainText({})).toBe('');
    expect(notePlainText({ root: { children: 'x' } })).toBe('');
  });

  it('converts session clocks both ways', () => {
    expect(clockToMs('02:15')).toBe(135_000);
    expect(clockToMs('75:00')).toBe(4_500_000);
    expect(msToClock(135_400)).toBe('02:15');
    expect(() => clockToMs('2:75')).toThrow();
    fc.assert(fc.property(fc.integer({ min: 0, max: 5 * 3600 }), (s) => clockToMs(msToClock(s * 1000)) === s * 1000));
  });
});
