// The update log of each note's shared document (see migration 11): appended to for
// every batch an editor sends, read back in order to rebuild the document, and
// compacted into one row when no one is editing.
import type Database from 'better-sqlite3';
import { nowIso } from '../ids.js';

export function appendNoteUpdate(db: Database.Database, noteId: string, update: Uint8Array): void {
  db.prepare('INSERT INTO note_update (note_id, data, created_at) VALUES (?, ?, ?)').run(noteId, Buffer.from(update), nowIso());
}

export function noteUpdates(db: Database.Database, noteId: string): Uint8Array[] {
  const rows = db.prepare('SELECT data FROM note_update WHERE note_id = ? ORDER BY seq').all(noteId) as Array<{ data: Buffer }>;
  return rows.map((row) => new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength));
}

export function noteUpdateCount(db: Database.Database, noteId: string): number {
  return (db.prepare('SELECT count(*) AS n FROM note_update WHERE note_id = ?').get(noteId) as { n: number }).n;
}

/** Replaces a note's whole log by one update holding the same document. */
export function compactNoteLog(db: Database.Database, noteId: string, whole: Uint8Array): void {
  db.prepare('DELETE FROM note_update WHERE note_id = ?').run(noteId);
  appendNoteUpdate(db, noteId, whole);
}

export interface NoteRow {
  id: string;
  sessionId: string;
  questionId: string | null;
  content: string;
}

export function findNote(db: Database.Database, sessionId: string, questionId: string | null): NoteRow | undefined {
  return db
    .prepare("SELECT id, session_id AS sessionId, question_id AS questionId, content FROM note WHERE session_id = ? AND ifnull(question_id, '') = ifnull(?, '')")
    .get(sessionId, questionId) as NoteRow | undefined;
}

export function noteById(db: Database.Database, noteId: string): NoteRow | undefined {
  return db.prepare('SELECT id, session_id AS sessionId, question_id AS questionId, content FROM note WHERE id = ?').get(noteId) as NoteRow | undefined;
}

export function notesOfSession(db: Database.Database, sessionId: string): string[] {
  return (db.prepare('SELECT id FROM note WHERE session_id = ?').all(sessionId) as Array<{ id: string }>).map((r) => r.id);
}
