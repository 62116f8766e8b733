// The few things about the sample study that no operation of the contract can say,
// because the app records them itself: that the study is the sample, and when things
// happened (an interview's start and end come from the live timer, a withdrawal from
// the moment it is clicked). The seed creates everything through the operations, then
// only these columns are set to the sample's own past. Nothing here creates a row.
import type Database from 'better-sqlite3';

/** Marks the study as the sample (the library list labels it); users never set this. */
export function markAsSample(db: Database.Database, studyId: string): void {
  db.prepare('UPDATE study SET is_sample = 1 WHERE id = ?').run(studyId);
}

/**
 * Moves a held interview's clock to when the sample says it took place. Its time is
 * all accounted (as session.end leaves it), so nothing runs on from here.
 */
export function dateInterview(db: Database.Database, sessionId: string, startedAt: Date, durationMs: number): void {
  db.prepare(
    `UPDATE session SET scheduled_at = @start, started_at = @start, ended_at = @end, elapsed_ms = @duration,
       running_since = NULL, question_entered_ms = @duration WHERE id = @id AND status = 'completed'`,
  ).run({ id: sessionId, start: startedAt.toISOString(), end: new Date(startedAt.getTime() + durationMs).toISOString(), duration: durationMs });
}

/** Dates a withdrawal on the day the sample says it happened. */
export function dateWithdrawal(db: Database.Database, participantId: string, day: string): void {
  db.prepare('UPDATE participant SET withdrawn_at = ? WHERE id = ? AND withdrawn_at IS NOT NULL').run(new Date(`${day}T00:00:00Z`).toISOString(), participantId);
}

/**
 * Forgets how the sample's board was assembled: a newcomer opens a finished board
 * (as an imported study is), where Undo would otherwise take the sample apart.
 */
export function forgetBoardHistory(db: Database.Database, studyId: string): void {
  db.prepare('DELETE FROM board_undo_entry WHERE study_id = ?').run(studyId);
}
