// Interview sessions and their notes (one rich-text document per question).
import type Database from 'better-sqlite3';
import type { SessionStatus } from '../../../../shared/domain.js';
import { notePlainText, type SerializedNote } from '../../../../shared/notes.js';
import { newId, nowIso } from '../ids.js';

export interface NewSession {
  participantId: string;
  guideVersionId: string | null;
  interviewer: string;
  status?: SessionStatus;
  scheduledAt?: string | null;
  startedAt?: string | null;
  endedAt?: string | null;
  elapsedMs?: number;
}

export function createSession(db: Database.Database, studyId: string, s: NewSession): string {
  const id = newId();
  db.prepare(
    `INSERT INTO session (id, study_id, participant_id, guide_version_id, interviewer, status,
       scheduled_at, started_at, ended_at, elapsed_ms, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    studyId,
    s.participantId,
    s.guideVersionId,
    s.interviewer,
    s.status ?? 'planned',
    s.scheduledAt ?? null,
    s.startedAt ?? null,
    s.endedAt ?? null,
    s.elapsedMs ?? 0,
    nowIso(),
  );
  return id;
}

/** Writes a question's note in a session (creating it on first write); returns the note id. */
export function saveNote(
  db: Database.Database,
  sessionId: string,
  questionId: string | null,
  content: SerializedNote,
): string {
  const existing = db
    .prepare("SELECT id FROM note WHERE session_id = ? AND ifnull(question_id, '') = ifnull(?, '')")
    .get(sessionId, questionId) as { id: string } | undefined;
  const json = JSON.stringify(content);
  const plain = notePlainText(content);
  if (existing) {
    db.prepare('UPDATE note SET content = ?, plain_text = ?, revision = revision + 1, updated_at = ? WHERE id = ?').run(
      json,
      plain,
      nowIso(),
      existing.id,
    );
    return existing.id;
  }
  const id = newId();
  db.prepare(
    'INSERT INTO note (id, session_id, question_id, content, plain_text, revision, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?)',
  ).run(id, sessionId, questionId, json, plain, nowIso());
  return id;
}
