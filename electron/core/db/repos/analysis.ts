// What the analysis dashboard reads beyond the board's cards: the interviews held, in
// order, and the register's counts. Participants who withdrew consent are left out.
import type Database from 'better-sqlite3';
import type { SaturationInterview } from '../../../../shared/analysis/saturation.js';
import type { SessionStatus } from '../../../../shared/domain.js';

/** Completed interviews in the order they were held (start time, then end, then creation). */
export function completedInterviews(db: Database.Database, studyId: string): SaturationInterview[] {
  return db
    .prepare(
      `SELECT s.id AS sessionId, s.participant_id AS participantId, p.code AS participantCode,
         coalesce(s.started_at, s.ended_at, s.created_at) AS date
       FROM session s JOIN active_participant p ON p.id = s.participant_id
       WHERE s.study_id = ? AND s.status = 'completed'
       ORDER BY coalesce(s.started_at, s.ended_at, s.created_at), s.created_at, s.id`,
    )
    .all(studyId) as SaturationInterview[];
}

/** Sessions of the study by status. */
export function sessionCounts(db: Database.Database, studyId: string): Record<SessionStatus, number> {
  const rows = db
    .prepare(
      `SELECT s.status, count(*) AS n FROM session s JOIN active_participant p ON p.id = s.participant_id
       WHERE s.study_id = ? GROUP BY s.status`,
    )
    .all(studyId) as Array<{ status: SessionStatus; n: number }>;
  const counts: Record<SessionStatus, number> = { planned: 0, in_progress: 0, paused: 0, completed: 0, missed: 0 };
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}
