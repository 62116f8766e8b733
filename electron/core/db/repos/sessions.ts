// Interview sessions, their timer and progress through the guide, and their notes
// (one rich-text document per question, so no document grows huge).
import type Database from 'better-sqlite3';
import type { SessionStatus } from '../../../../shared/domain.js';
import type { NoteDoc, QuestionProgress, SessionSummary } from '../../../../shared/api/sessions.js';
import { notePlainText } from '../../../../shared/notes.js';
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
  content: unknown,
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

interface SessionRow {
  id: string;
  study_id: string;
  participant_id: string;
  participant_code: string;
  participant_withdrawn: number;
  guide_version_id: string | null;
  guide_version_number: number | null;
  interviewer: string;
  status: SessionStatus;
  scheduled_at: string | null;
  started_at: string | null;
  ended_at: string | null;
  elapsed_ms: number;
  running_since: string | null;
  current_question_id: string | null;
  question_entered_ms: number;
  finding_count: number;
}

const SESSION_SELECT = `
  SELECT s.*, p.code AS participant_code, p.withdrawn_at IS NOT NULL AS participant_withdrawn,
    v.number AS guide_version_number,
    (SELECT count(*) FROM finding f WHERE f.session_id = s.id) AS finding_count
  FROM session s
  JOIN participant p ON p.id = s.participant_id
  LEFT JOIN guide_version v ON v.id = s.guide_version_id`;

const toSummary = (r: SessionRow): SessionSummary => ({
  id: r.id,
  studyId: r.study_id,
  participantId: r.participant_id,
  participantCode: r.participant_code,
  participantWithdrawn: r.participant_withdrawn === 1,
  guideVersionId: r.guide_version_id,
  guideVersionNumber: r.guide_version_number,
  interviewer: r.interviewer,
  status: r.status,
  scheduledAt: r.scheduled_at,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  elapsedMs: r.elapsed_ms,
  runningSince: r.running_since,
  currentQuestionId: r.current_question_id,
  questionEnteredMs: r.question_entered_ms,
  findingCount: r.finding_count,
});

export function listSessions(db: Database.Database, studyId: string): SessionSummary[] {
  const rows = db
    .prepare(`${SESSION_SELECT} WHERE s.study_id = ? ORDER BY coalesce(s.started_at, s.scheduled_at, s.created_at) DESC, s.id`)
    .all(studyId) as SessionRow[];
  return rows.map(toSummary);
}

export function activeSessions(db: Database.Database): SessionSummary[] {
  const rows = db
    .prepare(
      `${SESSION_SELECT} JOIN study st ON st.id = s.study_id
       WHERE s.status IN ('in_progress', 'paused') AND st.deleted_at IS NULL ORDER BY s.started_at DESC`,
    )
    .all() as SessionRow[];
  return rows.map(toSummary);
}

export function getSession(db: Database.Database, id: string): SessionSummary | undefined {
  const row = db.prepare(`${SESSION_SELECT} WHERE s.id = ?`).get(id) as SessionRow | undefined;
  return row && toSummary(row);
}

/**
 * A question counts as asked when it was marked asked or skipped by hand, or has notes
 * or findings: moving past a question (Alt+↓) is not asking it. The notes and findings
 * are read here, not only when the question is left, because a note may be saved just
 * after the move.
 */
export function listProgress(db: Database.Database, sessionId: string): QuestionProgress[] {
  const rows = db
    .prepare('SELECT question_id, state, time_spent_ms FROM session_question WHERE session_id = ?')
    .all(sessionId) as Array<{ question_id: string; state: 'asked' | 'skipped'; time_spent_ms: number }>;
  const marked = new Set(rows.map((r) => r.question_id));
  const progress: QuestionProgress[] = rows.map((r) => ({ questionId: r.question_id, state: r.state, timeSpentMs: r.time_spent_ms }));
  for (const questionId of questionsWithContent(db, sessionId)) {
    if (!marked.has(questionId)) progress.push({ questionId, state: 'asked', timeSpentMs: 0 });
  }
  return progress;
}

/** The questions of a session with typed notes or with findings. */
function questionsWithContent(db: Database.Database, sessionId: string): string[] {
  const rows = db
    .prepare(
      `SELECT question_id FROM note WHERE session_id = ? AND question_id IS NOT NULL AND trim(plain_text) <> ''
       UNION SELECT question_id FROM finding WHERE session_id = ? AND question_id IS NOT NULL`,
    )
    .all(sessionId, sessionId) as Array<{ question_id: string }>;
  return rows.map((r) => r.question_id);
}

function hasContent(db: Database.Database, sessionId: string, questionId: string): boolean {
  return questionsWithContent(db, sessionId).includes(questionId);
}

/**
 * Adds time to a question of a session as it is left. A question already marked keeps its
 * mark; an unmarked one is marked asked only if it has notes or findings, so stepping
 * through the guide does not count questions as asked.
 */
export function accountQuestion(db: Database.Database, sessionId: string, questionId: string, spentMs: number): void {
  const spent = Math.max(0, Math.round(spentMs));
  const updated = db
    .prepare('UPDATE session_question SET time_spent_ms = time_spent_ms + ? WHERE session_id = ? AND question_id = ?')
    .run(spent, sessionId, questionId);
  if (updated.changes > 0 || !hasContent(db, sessionId, questionId)) return;
  db.prepare("INSERT INTO session_question (session_id, question_id, state, time_spent_ms) VALUES (?, ?, 'asked', ?)").run(sessionId, questionId, spent);
}

export function setQuestionState(db: Database.Database, sessionId: string, questionId: string, state: 'asked' | 'skipped' | 'none'): void {
  if (state === 'none') {
    // A question with notes or findings was asked whatever its mark said; any other mark is cleared.
    if (hasContent(db, sessionId, questionId)) {
      db.prepare("UPDATE session_question SET state = 'asked' WHERE session_id = ? AND question_id = ?").run(sessionId, questionId);
    } else {
      db.prepare('DELETE FROM session_question WHERE session_id = ? AND question_id = ?').run(sessionId, questionId);
    }
    return;
  }
  db.prepare(
    `INSERT INTO session_question (session_id, question_id, state) VALUES (?, ?, ?)
     ON CONFLICT (session_id, question_id) DO UPDATE SET state = excluded.state`,
  ).run(sessionId, questionId, state);
}

export interface TimerFields {
  status?: SessionStatus;
  startedAt?: string | null;
  endedAt?: string | null;
  elapsedMs?: number;
  runningSince?: string | null;
  currentQuestionId?: string | null;
  questionEnteredMs?: number;
}

export function updateTimer(db: Database.Database, id: string, f: TimerFields): void {
  const current = db.prepare('SELECT * FROM session WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  if (!current) return;
  const pick = <T>(value: T | undefined, column: string) => (value === undefined ? current[column] : value);
  db.prepare(
    `UPDATE session SET status = ?, started_at = ?, ended_at = ?, elapsed_ms = ?, running_since = ?,
       current_question_id = ?, question_entered_ms = ? WHERE id = ?`,
  ).run(
    pick(f.status, 'status'),
    pick(f.startedAt, 'started_at'),
    pick(f.endedAt, 'ended_at'),
    pick(f.elapsedMs, 'elapsed_ms'),
    pick(f.runningSince, 'running_since'),
    pick(f.currentQuestionId, 'current_question_id'),
    pick(f.questionEnteredMs, 'question_entered_ms'),
    id,
  );
}

export function updateSessionInfo(db: Database.Database, id: string, f: { interviewer?: string | undefined; scheduledAt?: string | null | undefined }): void {
  if (f.interviewer !== undefined) db.prepare('UPDATE session SET interviewer = ? WHERE id = ?').run(f.interviewer, id);
  if (f.scheduledAt !== undefined) db.prepare('UPDATE session SET scheduled_at = ? WHERE id = ?').run(f.scheduledAt, id);
}

export function deleteSession(db: Database.Database, id: string): void {
  db.prepare('DELETE FROM session WHERE id = ?').run(id);
}

export function listNotes(db: Database.Database, sessionId: string): NoteDoc[] {
  const rows = db
    .prepare('SELECT id, question_id, content, revision, updated_at FROM note WHERE session_id = ?')
    .all(sessionId) as Array<{ id: string; question_id: string | null; content: string; revision: number; updated_at: string }>;
  return rows.map((r) => ({
    id: r.id,
    questionId: r.question_id,
    content: JSON.parse(r.content) as NoteDoc['content'],
    revision: r.revision,
    updatedAt: r.updated_at,
  }));
}

export function noteRevision(db: Database.Database, noteId: string): { revision: number; updatedAt: string } {
  const row = db.prepare('SELECT revision, updated_at FROM note WHERE id = ?').get(noteId) as { revision: number; updated_at: string };
  return { revision: row.revision, updatedAt: row.updated_at };
}
