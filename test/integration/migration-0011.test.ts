// Migration 11 (each note's edit log, for several note-takers at once) from a
// version-10 library: the notes are as they were, no log rows exist yet, and the
// first editor to open a note gets its words as a shared document, keys and times kept.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.js';
import { migrations } from '../../electron/core/db/migrations/index.js';
import { noteUpdateCount } from '../../electron/core/db/repos/note-log.js';
import { noteFromParagraphs, noteParagraphs } from '../../shared/notes.js';
import { call } from '../helpers/call.js';
import { openTestLibrary } from '../helpers/library.js';
import { libraryNoteTransport, NoteTypist } from '../helpers/note-typist.js';
import { tempDir } from '../helpers/temp.js';

const STUDY = '0190b5a2-7c1e-7000-8000-000000000001';
const PARTICIPANT = '0190b5a2-7c1e-7000-8000-000000000002';
const SESSION = '0190b5a2-7c1e-7000-8000-000000000003';
const NOTE = '0190b5a2-7c1e-7000-8000-000000000004';

describe('migration 11', () => {
  it('adds an empty note log to a version-10 library, keeps its notes, and opens them as shared documents with their keys and times', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'fieldwork.sqlite');
    const v10 = await openDatabase(file, { migrations: migrations.filter((m) => m.version <= 10) });
    const content = noteFromParagraphs([
      { pid: 'p-quote', atMs: 61_000, text: '报价等了三天，我就去了另一家。' },
      { pid: 'p-next', atMs: 125_000, text: 'Bought elsewhere in the end.' },
    ]);
    v10.db.exec(`
      INSERT INTO study (id, name, created_at, updated_at) VALUES ('${STUDY}', '购车研究', 't', 't');
      INSERT INTO participant (id, study_id, code, source, created_at) VALUES ('${PARTICIPANT}', '${STUDY}', 'P01', 'own', 't');
      INSERT INTO session (id, study_id, participant_id, status, created_at) VALUES ('${SESSION}', '${STUDY}', '${PARTICIPANT}', 'in_progress', 't');
    `);
    v10.db
      .prepare('INSERT INTO note (id, session_id, question_id, content, plain_text, revision, updated_at) VALUES (?, ?, NULL, ?, ?, 3, ?)')
      .run(NOTE, SESSION, JSON.stringify(content), '报价等了三天，我就去了另一家。\nBought elsewhere in the end.', 't');
    const before = v10.db.prepare('SELECT * FROM note').all();
    v10.db.close();

    const v11 = await openDatabase(file, { migrations: migrations.filter((m) => m.version <= 11) });
    expect(v11.db.pragma('user_version', { simple: true })).toBe(11);
    expect(v11.backupFile).not.toBeNull();
    expect(v11.db.prepare('SELECT * FROM note').all()).toEqual(before);
    expect(noteUpdateCount(v11.db, NOTE)).toBe(0);
    v11.db.close();

    const library = await openTestLibrary({ dataDir });
    const typist = new NoteTypist({ sessionId: SESSION, questionId: null }, libraryNoteTransport(library));
    await typist.start();
    expect(typist.text().split(/\n+/)).toEqual(['报价等了三天，我就去了另一家。', 'Bought elsewhere in the end.']);
    expect(noteUpdateCount(library.context.db, NOTE)).toBe(1);
    typist.type(' 后悔吗？不。', 1);
    await typist.client.flush();
    const stored = (await call(library, 'session.get', { id: SESSION })).notes[0]!;
    expect(noteParagraphs(stored.content)).toEqual([
      { pid: 'p-quote', atMs: 61_000, text: '报价等了三天，我就去了另一家。' },
      { pid: 'p-next', atMs: 125_000, text: 'Bought elsewhere in the end. 后悔吗？不。' },
    ]);
  });
});
