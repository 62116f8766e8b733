// Notes a closing page kept in the browser because it could not be sure they were
// saved: at the next start they are saved into the real library, unless the library
// already has them; when the library moved on past the revision they were based on,
// both versions are kept; while it cannot write they stay kept.
import { describe, expect, it, vi } from 'vitest';
import type { FieldworkApi } from '../../shared/api/client.js';
import type { EditorState } from '../../shared/api/sessions.js';
import { noteFromParagraphs, noteParagraphs } from '../../shared/notes.js';
import { keepUnsentNote, saveUnsentNotes } from '../../renderer/api/unsentNotes.js';
import { call } from '../helpers/call.js';
import { runningInterview } from '../helpers/running-interview.js';
import { MemoryStorage } from '../helpers/memory-storage.js';

const note = (text: string) => noteFromParagraphs([{ pid: 'p', atMs: 0, text }]) as unknown as EditorState;

async function runningSession() {
  const started = await runningInterview();
  const { library, session } = started;
  const questions = started.questions.map((q) => q.id);
  const invoke = library.dispatch as FieldworkApi['invoke'];
  const textOn = async (questionId: string | null) =>
    JSON.stringify((await call(library, 'session.get', { id: session.id })).notes.find((n) => n.questionId === questionId)?.content ?? null);
  return { library, session, questions, invoke, textOn };
}

describe('notes kept by a closing page', () => {
  it('saves kept notes at the next start, each question on its own, and forgets them once saved', async () => {
    const { session, questions, invoke, textOn } = await runningSession();
    const storage = new MemoryStorage();
    keepUnsentNote({ sessionId: session.id, questionId: questions[0]!, content: note('first draft') }, 0, storage);
    keepUnsentNote({ sessionId: session.id, questionId: questions[0]!, content: note('typed just before closing') }, 0, storage);
    keepUnsentNote({ sessionId: session.id, questionId: null, content: note('other notes') }, 0, storage);
    await saveUnsentNotes(invoke, storage);
    expect(await textOn(questions[0]!)).toContain('typed just before closing');
    expect(await textOn(null)).toContain('other notes');
    expect(storage.length).toBe(0);
  });

  it('leaves the library alone when it already has the note, and replaces the version a kept note was based on', async () => {
    const { library, session, questions, invoke, textOn } = await runningSession();
    const storage = new MemoryStorage();
    await call(library, 'note.save', { sessionId: session.id, questionId: questions[0]!, content: note('arrived by keep-alive') });
    keepUnsentNote({ sessionId: session.id, questionId: questions[0]!, content: note('arrived by keep-alive') }, 0, storage);
    await call(library, 'note.save', { sessionId: session.id, questionId: questions[1]!, content: note('saved before the disk filled up') });
    // Typed on revision 1 and kept a minute ago: the clock says nothing, the revision says it is newer.
    keepUnsentNote({ sessionId: session.id, questionId: questions[1]!, content: note('saved before the disk filled up, then more') }, 1, storage, Date.now() - 60_000);
    await saveUnsentNotes(invoke, storage);
    const notes = (await call(library, 'session.get', { id: session.id })).notes;
    expect(notes.map((n) => [n.questionId, n.revision])).toEqual(
      expect.arrayContaining([
        [questions[0]!, 1],
        [questions[1]!, 2],
      ]),
    );
    expect(await textOn(questions[1]!)).toContain('saved before the disk filled up, then more');
    expect(storage.length).toBe(0);
  });

  it('keeps both when the library has a newer version than the one a kept note was based on', async () => {
    const { library, session, questions, invoke } = await runningSession();
    const storage = new MemoryStorage();
    const base = noteFromParagraphs([{ pid: 'a', atMs: 0, text: 'Went to two dealers.' }]) as unknown as EditorState;
    await call(library, 'note.save', { sessionId: session.id, questionId: questions[0]!, content: base });
    const kept = noteFromParagraphs([
      { pid: 'a', atMs: 0, text: 'Went to two dealers.' },
      { pid: 'b', atMs: 9_000, text: 'Typed while the disk was full.' },
    ]) as unknown as EditorState;
    keepUnsentNote({ sessionId: session.id, questionId: questions[0]!, content: kept }, 1, storage);
    // Meanwhile another window wrote revision 2.
    const later = noteFromParagraphs([
      { pid: 'a', atMs: 0, text: 'Went to two dealers.' },
      { pid: 'c', atMs: 12_000, text: 'Written later in another window.' },
    ]) as unknown as EditorState;
    await call(library, 'note.save', { sessionId: session.id, questionId: questions[0]!, content: later });
    await saveUnsentNotes(invoke, storage);
    const saved = (await call(library, 'session.get', { id: session.id })).notes[0]!;
    expect(saved.revision).toBe(3);
    expect(noteParagraphs(saved.content).map((p) => [p.pid, p.text])).toEqual([
      ['a', 'Went to two dealers.'],
      ['b', 'Typed while the disk was full.'],
      ['c', 'Written later in another window.'],
    ]);
    expect(storage.length).toBe(0);
  });

  it('keeps the notes while the library cannot be written, and saves them at a later start', async () => {
    const { library, session, questions, invoke, textOn } = await runningSession();
    const storage = new MemoryStorage();
    keepUnsentNote({ sessionId: session.id, questionId: questions[2]!, content: note('said while the disk was full') }, 0, storage);
    library.context.db.pragma('query_only = ON');
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await saveUnsentNotes(invoke, storage);
    quiet.mockRestore();
    expect(storage.length).toBe(1);

    library.context.db.pragma('query_only = OFF');
    expect(await textOn(questions[2]!)).toBe('null');
    await saveUnsentNotes(invoke, storage);
    expect(await textOn(questions[2]!)).toContain('said while the disk was full');
    expect(storage.length).toBe(0);
  });

  it('drops notes of an interview that no longer exists', async () => {
    const { invoke } = await runningSession();
    const storage = new MemoryStorage();
    keepUnsentNote({ sessionId: '0190e7a2-0000-7000-8000-000000000000', questionId: null, content: note('gone') }, 0, storage);
    await saveUnsentNotes(invoke, storage);
    expect(storage.length).toBe(0);
  });
});
