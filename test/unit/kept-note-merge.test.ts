// A note kept in the browser and a newer version of it in the library: merged so
// that every paragraph of both survives, in an order that reads as typed.
import { describe, expect, it } from 'vitest';
import type { EditorState } from '../../shared/api/sessions.js';
import { noteFromParagraphs, noteParagraphs, type NoteParagraph } from '../../shared/notes.js';
import { mergeKeptNote } from '../../renderer/api/keptNoteMerge.js';
import { reconcileKeptNote, sameContent } from '../../renderer/api/unsentNotes.js';

const doc = (...paragraphs: Array<[string, string]>) =>
  noteFromParagraphs(paragraphs.map(([pid, text], i): NoteParagraph => ({ pid, atMs: i * 1000, text }))) as unknown as EditorState;
const read = (state: EditorState) => noteParagraphs(state).map((p) => [p.pid, p.text]);

describe('merging a kept note into a newer library version', () => {
  it('puts each kept paragraph the library lacks after the one it followed', () => {
    const library = doc(['a', 'Went to two dealers.'], ['c', 'Written later elsewhere.']);
    const kept = doc(['a', 'Went to two dealers.'], ['b', 'Typed while the disk was full.']);
    expect(read(mergeKeptNote(library, kept))).toEqual([
      ['a', 'Went to two dealers.'],
      ['b', 'Typed while the disk was full.'],
      ['c', 'Written later elsewhere.'],
    ]);
  });

  it('takes the kept wording of a paragraph when it contains the library’s, and keeps both when they differ', () => {
    const library = doc(['a', 'Quote took days'], ['b', 'Price was clear.']);
    const kept = doc(['a', 'Quote took days, nobody called.'], ['b', 'Price was hidden.']);
    const merged = read(mergeKeptNote(library, kept));
    expect(merged.slice(0, 2)).toEqual([
      ['a', 'Quote took days, nobody called.'],
      ['b', 'Price was clear.'],
    ]);
    expect(merged[2]![1]).toBe('Price was hidden.');
    expect(merged[2]![0]).not.toBe('b'); // its own key: findings on the library's paragraph still point at it
  });

  it('decides by revision, not by when the copy was kept', () => {
    const kept = { sessionId: 's', questionId: null, content: doc(['a', 'More typed.']), keptAt: 0, baseRevision: 4 };
    expect(reconcileKeptNote(kept, { content: doc(['a', 'Less']), revision: 4 })).toEqual({ content: kept.content, merged: false });
    expect(reconcileKeptNote(kept, { content: doc(['a', 'More typed.']), revision: 9 })).toBeNull();
    expect(reconcileKeptNote(kept, { content: doc(['z', 'Other window.']), revision: 5 })).toMatchObject({ merged: true });
    expect(reconcileKeptNote(kept, undefined)).toEqual({ content: kept.content, merged: false });
  });
});

describe('telling an opened note from an edited one', () => {
  it('takes the editor’s copy of a note, with keys left undefined, for the same note the library holds', () => {
    const library = doc(['a', 'Compared three quotes online.'], ['b', 'Called the cheapest one.']);
    // What the editor hands back for the document it loaded: the same text, with keys it leaves undefined.
    const inEditor = structuredClone(library) as unknown as { root: { children: Array<Record<string, unknown>> } };
    for (const paragraph of inEditor.root.children) paragraph['textFormatOfSelection'] = undefined;
    expect(sameContent(library, inEditor as unknown as EditorState)).toBe(true);
    const typed = doc(['a', 'Compared three quotes online.'], ['b', 'Called the cheapest one. Then waited.']);
    expect(sameContent(library, typed)).toBe(false);
  });
});
