// Two note-takers in one interview: editors typing into one note at once through the
// host keep every character of both; an existing note becomes a shared document once
// (two editors opening it at once never double its text); a whole note written by
// note.save reaches the open editors; the update log is compacted when everyone has
// left and when the interview ends; the stored note (search, findings, exports) is
// derived from the shared document.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EditorState } from '../../shared/api/sessions.js';
import { noteFromParagraphs } from '../../shared/notes.js';
import { COMPACT_ON_LOAD_AFTER, noteDocsOf } from '../../electron/core/notes/note-docs.js';
import { noteUpdateCount } from '../../electron/core/db/repos/note-log.js';
import { call } from '../helpers/call.js';
import { openTestLibrary } from '../helpers/library.js';
import { libraryNoteTransport, NoteTypist } from '../helpers/note-typist.js';

async function setUp() {
  const library = await openTestLibrary();
  const study = await call(library, 'study.create', { name: '两人记录' });
  const participant = await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P01' } });
  const session = await call(library, 'session.create', { studyId: study.id, participantId: participant.id, guideVersionId: null, interviewer: 'Interviewer' });
  await call(library, 'session.start', { id: session.id });
  const note = { sessionId: session.id, questionId: null };
  const typist = (transport = libraryNoteTransport(library)) => new NoteTypist(note, transport);
  const stored = async () => (await call(library, 'session.get', { id: session.id })).notes.find((n) => n.questionId === null);
  const storedText = async () => {
    const found = await stored();
    return found ? found.content.root.children.map((p) => ((p as { children?: Array<{ text?: string }> }).children ?? []).map((t) => t.text ?? '').join('')) : [];
  };
  return { library, session, note, typist, stored, storedText };
}

afterEach(() => vi.restoreAllMocks());

describe('two note-takers in one interview', () => {
  it('keeps every character of two editors typing into one paragraph at once', async () => {
    const { typist, storedText } = await setUp();
    const first = typist();
    const second = typist();
    await Promise.all([first.start(), second.start()]);
    const a = '等了三天才拿到报价'.repeat(3);
    const b = 'the dealer never called back '.repeat(2);
    for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
      if (a[i]) first.type(a[i]!);
      if (b[i]) second.type(b[i]!);
      if (i % 7 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await Promise.all([first.client.flush(), second.client.flush()]);
    await expect.poll(() => first.text()).toBe(second.text());
    const merged = first.text();
    expect(merged.length).toBe(a.length + b.length);
    expect([...merged].filter((ch) => /[\u4e00-\u9fff]/.test(ch)).join('')).toBe(a);
    expect([...merged].filter((ch) => !/[\u4e00-\u9fff]/.test(ch)).join('')).toBe(b);
    expect(await storedText()).toEqual([merged]);
  });

  it('keeps each writer’s order when both type into one paragraph while the other’s keys are still on their way', async () => {
    const { library, typist, storedText } = await setUp();
    // As over a network: each request and each pushed update arrives a few milliseconds late.
    const late = (): ReturnType<typeof libraryNoteTransport> => {
      const direct = libraryNoteTransport(library);
      const delay = () => new Promise((resolve) => setTimeout(resolve, 4));
      return {
        ...direct,
        sync: async (request) => {
          await delay();
          const answer = await direct.sync(request);
          await delay();
          return answer;
        },
        onUpdate: (listener) => direct.onUpdate((event) => void delay().then(() => listener(event))),
      };
    };
    const first = typist(late());
    const second = typist(late());
    await Promise.all([first.start(), second.start()]);
    const a = '等了三天才拿到报价销售一直说今天必须定下来';
    const b = 'thedealernevercalledback';
    for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
      if (a[i]) first.type(a[i]!);
      if (b[i]) second.type(b[i]!);
      await new Promise((resolve) => setTimeout(resolve, 6));
    }
    await Promise.all([first.client.flush(), second.client.flush()]);
    await expect.poll(() => first.text()).toBe(second.text());
    const merged = first.text();
    expect([...merged].filter((ch) => /[\u4e00-\u9fff]/.test(ch)).join('')).toBe(a);
    expect([...merged].filter((ch) => /[a-z]/.test(ch)).join('')).toBe(b);
    expect(await storedText()).toEqual([merged]);
  });

  it('shows each editor what the other typed, and a late editor everything so far', async () => {
    const { typist } = await setUp();
    const first = typist();
    const second = typist();
    await Promise.all([first.start(), second.start()]);
    first.type('Compared three quotes online.');
    await expect.poll(() => second.text()).toBe('Compared three quotes online.');
    second.type('Called the cheapest one.', 1);
    await expect.poll(() => first.text()).toBe('Compared three quotes online.\n\nCalled the cheapest one.');
    const late = typist();
    await late.start();
    expect(late.text()).toBe(first.text());
  });

  it('turns a note saved before sharing into one document once, whoever opens it first', async () => {
    const { library, note, typist, storedText } = await setUp();
    const content = noteFromParagraphs([
      { pid: 'a', atMs: 0, text: '先在网上比了三家报价。' },
      { pid: 'b', atMs: 5_000, text: 'Called the cheapest one.' },
    ]) as unknown as EditorState;
    await call(library, 'note.save', { ...note, content });
    const editors = [typist(), typist(), typist()];
    await Promise.all(editors.map((e) => e.start()));
    for (const editor of editors) expect(editor.text()).toBe('先在网上比了三家报价。\n\nCalled the cheapest one.');
    editors[0]!.type(' Then waited.', 1);
    await Promise.all(editors.map((e) => e.client.flush()));
    await expect.poll(() => editors[2]!.text()).toBe('先在网上比了三家报价。\n\nCalled the cheapest one. Then waited.');
    expect(await storedText()).toEqual(['先在网上比了三家报价。', 'Called the cheapest one. Then waited.']);
    // Paragraph keys and times survive the conversion (findings point at the keys).
    const stored = (await call(library, 'session.get', { id: note.sessionId })).notes[0]!.content.root.children;
    expect(stored.map((p) => (p as { $?: unknown }).$)).toEqual([{ pid: 'a', at: 0 }, { pid: 'b', at: 5_000 }]);
  });

  it('brings a whole note written by note.save (a kept copy, a script) into the open editors', async () => {
    const { library, note, typist } = await setUp();
    const editor = typist();
    await editor.start();
    editor.type('typed live');
    await editor.client.flush();
    const content = noteFromParagraphs([{ pid: 'k', atMs: 0, text: 'typed live, and kept while offline' }]) as unknown as EditorState;
    await call(library, 'note.save', { ...note, content });
    await expect.poll(() => editor.text()).toBe('typed live, and kept while offline');
  });

  it('compacts the update log once the last editor has been gone 30 s, and when the interview ends', async () => {
    const { library, session, typist } = await setUp();
    const db = library.context.db;
    const first = typist();
    await first.start();
    for (const word of ['one ', 'two ', 'three ']) {
      first.type(word);
      await first.client.flush();
    }
    const noteId = (await call(library, 'session.get', { id: session.id })).notes[0]!.id;
    expect(noteUpdateCount(db, noteId)).toBeGreaterThan(3);
    const docs = noteDocsOf(db);
    const start = Date.now();
    const clock = vi.spyOn(Date, 'now');
    clock.mockReturnValue(start + 10_000);
    docs.sweep();
    expect(noteUpdateCount(db, noteId)).toBeGreaterThan(3); // still there
    await first.client.stop();
    clock.mockReturnValue(start + 20_000);
    docs.sweep();
    expect(noteUpdateCount(db, noteId)).toBeGreaterThan(3); // left, but not 30 s ago
    clock.mockReturnValue(start + 55_000);
    docs.sweep();
    expect(noteUpdateCount(db, noteId)).toBe(1);
    clock.mockRestore();
    // The compacted document is the same note.
    const again = typist();
    await again.start();
    expect(again.text()).toBe('one two three ');
    again.type('four');
    await again.client.flush();
    expect(noteUpdateCount(db, noteId)).toBe(2);
    await call(library, 'session.end', { id: session.id });
    expect(noteUpdateCount(db, noteId)).toBe(1);
    const late = typist();
    await late.start();
    expect(late.text()).toBe('one two three four');
  });

  it('compacts a long log left by a process that stopped before compacting, as the note is next opened', async () => {
    const { library, typist, storedText } = await setUp();
    const first = typist();
    await first.start();
    for (let i = 0; i < COMPACT_ON_LOAD_AFTER; i += 1) {
      first.type(i % 10 === 0 ? '报' : 'a');
      await first.client.flush();
    }
    const { db } = library.context;
    const stored = await storedText();
    const noteId = db.prepare('SELECT id FROM note').pluck().get() as string;
    expect(noteUpdateCount(db, noteId)).toBeGreaterThanOrEqual(COMPACT_ON_LOAD_AFTER);
    // As after a crash: the note's document is not in memory, its log is all there is.
    noteDocsOf(db).discard(noteId);
    const second = typist();
    await second.start();
    expect(noteUpdateCount(db, noteId)).toBe(1);
    expect(second.text()).toBe(stored.join(''));
    second.type('!');
    await second.client.flush();
    expect(await storedText()).toEqual([`${stored.join('')}!`]);
  });

  it('refuses updates to an interview that does not exist, and keeps the text in the editor', async () => {
    const { library } = await setUp();
    const orphan = new NoteTypist({ sessionId: '00000000-0000-4000-8000-000000000000', questionId: null }, libraryNoteTransport(library));
    await orphan.start();
    orphan.type('nowhere to go');
    await expect(orphan.client.flush()).rejects.toThrow();
    expect(orphan.client.hasUnsaved()).toBe(true);
    expect(orphan.text()).toBe('nowhere to go');
    await orphan.client.stop();
  });
});
