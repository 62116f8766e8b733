// A note's rich-text state is open-ended JSON from the editor, so its schema checks the
// shape that matters: nodes under the root, plain JSON data, bounded nesting. Hostile
// states (thousands of levels deep, values JSON cannot hold, text where a node belongs)
// are refused as invalid input instead of failing deep inside the save.
import { describe, expect, it } from 'vitest';
import { jsonDataProblem } from '../../shared/api/json-data.js';
import { EditorState } from '../../shared/api/sessions.js';
import { noteFromParagraphs } from '../../shared/notes.js';

const note = (...children: unknown[]) => ({ root: { type: 'root', children } });

function nested(depth: number): unknown {
  let value: unknown = { type: 'text', text: 'bottom' };
  for (let i = 0; i < depth; i++) value = { type: 'list', children: [value] };
  return value;
}

describe('a note\'s rich-text state', () => {
  it('accepts what the editor writes, optional fields left undefined included', () => {
    expect(EditorState.safeParse(noteFromParagraphs([{ pid: 'p1', atMs: 0, text: '价格太贵' }])).success).toBe(true);
    expect(EditorState.safeParse(note({ type: 'paragraph', children: [], format: undefined, indent: 0 })).success).toBe(true);
    expect(EditorState.safeParse(note(nested(20))).success).toBe(true);
  });

  it('refuses nesting deeper than the limit without overflowing the stack', () => {
    expect(EditorState.safeParse(note(nested(100_000))).success).toBe(false);
    expect(jsonDataProblem(nested(100_000), 64)).toMatch(/deeper than 64/);
  });

  it('refuses values JSON cannot hold, which structured-clone IPC would carry', () => {
    for (const value of [10n, new Map([['a', 1]]), new Date(0), Number.NaN, Infinity, () => 1, Symbol('s')]) {
      expect(EditorState.safeParse(note({ type: 'paragraph', children: [], value })).success, String(typeof value)).toBe(false);
    }
  });

  it('refuses text where a node belongs: the search index reads every child as a node', () => {
    expect(EditorState.safeParse(note('{"type":"paragraph"}')).success).toBe(false);
    expect(EditorState.safeParse(note(null)).success).toBe(false);
  });
});
