// Saving live notes when the library stops accepting writes while it is open: the
// save answers with a typed storage error the interview screen can show, nothing of
// the refused save reaches the note or the search index, and the same save succeeds
// once writing works again.
import { describe, expect, it, vi } from 'vitest';
import type { Library } from '../../electron/core/library.js';
import { noteFromParagraphs } from '../../shared/notes.js';
import { call } from '../helpers/call.js';
import { totalChanges } from '../helpers/library.js';
import { runningInterview } from '../helpers/running-interview.js';
import { fillDisk, freeDisk } from '../helpers/full-disk.js';


interface NoteRow {
  content: string;
  plain_text: string;
  revision: number;
}

const noteRows = (library: Library) => library.context.db.prepare('SELECT question_id, content, plain_text, revision FROM note ORDER BY question_id').all() as NoteRow[];
const indexedNoteText = (library: Library) =>
  (library.context.db.prepare("SELECT body FROM search_doc WHERE kind = 'note' ORDER BY source_id, seq").all() as Array<{ body: string }>).map((r) => r.body);

/** Runs a call that is expected to fail on storage, keeping the core's log of it out of the test output. */
async function refusedSave(library: Library, input: unknown) {
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    return await library.dispatch('note.save', input);
  } finally {
    quiet.mockRestore();
  }
}

describe('saving notes when the library stops accepting writes', () => {
  it('answers a typed storage error while the open library is read-only, writes nothing, and saves once it is writable again', async () => {
    const { library, session, questions } = await runningInterview();
    const q1 = questions[0]!.id;
    const q2 = questions[1]!.id;
    const first = noteFromParagraphs([{ pid: 'a', atMs: 1_000, text: 'Saw the ad on the metro.' }]);
    await call(library, 'note.save', { sessionId: session.id, questionId: q1, content: first });
    const rowsBefore = noteRows(library);
    const indexBefore = indexedNoteText(library);

    // From here on the connection gets SQLITE_READONLY for every write, as when the file is locked under the app.
    library.context.db.pragma('query_only = ON');
    const changesBefore = totalChanges(library);
    const longer = noteFromParagraphs([
      { pid: 'a', atMs: 1_000, text: 'Saw the ad on the metro.' },
      { pid: 'b', atMs: 9_000, text: 'No price anywhere, so I called.' },
    ]);
    const onExisting = await refusedSave(library, { sessionId: session.id, questionId: q1, content: longer });
    const onNew = await refusedSave(library, { sessionId: session.id, questionId: q2, content: longer });
    for (const result of [onExisting, onNew]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'storage', reason: 'snapshots.read_only_folder' } });
    }
    expect(totalChanges(library)).toBe(changesBefore);
    expect(noteRows(library)).toEqual(rowsBefore);
    expect(indexedNoteText(library)).toEqual(indexBefore);

    library.context.db.pragma('query_only = OFF');
    expect(await call(library, 'note.save', { sessionId: session.id, questionId: q1, content: longer })).toMatchObject({ revision: 2 });
    expect(await call(library, 'note.save', { sessionId: session.id, questionId: q2, content: longer })).toMatchObject({ revision: 1 });
    const notes = (await call(library, 'session.get', { id: session.id })).notes;
    expect(notes.map((n) => [n.questionId, n.revision])).toEqual(
      expect.arrayContaining([
        [q1, 2],
        [q2, 1],
      ]),
    );
    expect(indexedNoteText(library)).toContain('No price anywhere, so I called.');
    expect(library.context.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('keeps the earlier version of a note whole when the disk fills up during its save', async () => {
    const { library, session, questions } = await runningInterview();
    const q1 = questions[0]!.id;
    const { db } = library.context;
    await call(library, 'note.save', { sessionId: session.id, questionId: q1, content: noteFromParagraphs([{ pid: 'a', atMs: 0, text: 'Waited three days for a quote.' }]) });
    const rowsBefore = noteRows(library);
    const indexBefore = indexedNoteText(library);

    fillDisk(db); // no room for one more page
    const grown = noteFromParagraphs(Array.from({ length: 300 }, (_, i) => ({ pid: `p${i}`, atMs: i * 1000, text: `Paragraph ${i}: waited three days, then called again. `.repeat(3) })));
    const refused = await refusedSave(library, { sessionId: session.id, questionId: q1, content: grown });
    expect(refused).toMatchObject({ ok: false, error: { code: 'storage', reason: 'snapshots.disk_full' } });
    expect(noteRows(library)).toEqual(rowsBefore);
    expect(indexedNoteText(library)).toEqual(indexBefore);

    freeDisk(db);
    expect(await call(library, 'note.save', { sessionId: session.id, questionId: q1, content: grown })).toMatchObject({ revision: 2 });
    expect(indexedNoteText(library)).toHaveLength(300);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
