// Notes a closing page kept in the browser because it could not be sure they were
// saved: at the next start they are saved into the real library, unless the library
// already has them or a newer version; while it cannot write they stay kept.
import { describe, expect, it, vi } from 'vitest';
import type { FieldworkApi } from '../../shared/api/client.js';
import type { EditorState } from '../../shared/api/sessions.js';
import { noteFromParagraphs } from '../../shared/notes.js';
import { keepUnsentNote, saveUnsentNotes } from '../../renderer/api/unsentNotes.js';
import { call } from '../helpers/call.js';
import { runningInterview } from '../helpers/running-interview.js';

/** The browser's localStorage, in memory. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

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
    keepUnsentNote({ sessionId: session.id, questionId: questions[0]!, content: note('first draft') }, storage);
    keepUnsentNote({ sessionId: session.id, questionId: questions[0]!, content: note('typed just before closing') }, storage);
    keepUnsentNote({ sessionId: session.id, questionId: null, content: note('other notes') }, storage);
    await saveUnsentNotes(invoke, storage);
    expect(await textOn(questions[0]!)).toContain('typed just before closing');
    expect(await textOn(null)).toContain('other notes');
    expect(storage.length).toBe(0);
  });

  it('leaves the library alone when it already has the note or a version written after the page closed', async () => {
    const { library, session, questions, invoke, textOn } = await runningSession();
    const storage = new MemoryStorage();
    await call(library, 'note.save', { sessionId: session.id, questionId: questions[0]!, content: note('arrived by keep-alive') });
    keepUnsentNote({ sessionId: session.id, questionId: questions[0]!, content: note('arrived by keep-alive') }, storage);
    keepUnsentNote({ sessionId: session.id, questionId: questions[1]!, content: note('older') }, storage, Date.now() - 60_000);
    await call(library, 'note.save', { sessionId: session.id, questionId: questions[1]!, content: note('edited later in another window') });
    await saveUnsentNotes(invoke, storage);
    const revisions = (await call(library, 'session.get', { id: session.id })).notes.map((n) => n.revision);
    expect(revisions).toEqual([1, 1]);
    expect(await textOn(questions[1]!)).toContain('edited later in another window');
    expect(storage.length).toBe(0);
  });

  it('keeps the notes while the library cannot be written, and saves them at a later start', async () => {
    const { library, session, questions, invoke, textOn } = await runningSession();
    const storage = new MemoryStorage();
    keepUnsentNote({ sessionId: session.id, questionId: questions[2]!, content: note('said while the disk was full') }, storage);
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
    keepUnsentNote({ sessionId: '0190e7a2-0000-7000-8000-000000000000', questionId: null, content: note('gone') }, storage);
    await saveUnsentNotes(invoke, storage);
    expect(storage.length).toBe(0);
  });
});
