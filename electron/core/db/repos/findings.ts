// Findings: statements pulled out of the notes, typed, staged and TERMS-classified,
// each keeping its link back to the note paragraph it came from.
import type Database from 'better-sqlite3';
import { PAIN_KINDS, type FindingType, type PainKind } from '../../../../shared/domain.js';
import { newId, nowIso, positionAfter } from '../ids.js';

/** TERMS kinds stored as a canonical string in T-E-R-M-S order, e.g. "TM". */
export const termsToColumn = (terms: readonly PainKind[]): string =>
  PAIN_KINDS.filter((k) => terms.includes(k)).join('');

export interface NewFinding {
  text: string;
  type: FindingType;
  stageId: string | null;
  terms?: readonly PainKind[];
  sessionId?: string | null;
  participantId?: string | null;
  noteId?: string | null;
  questionId?: string | null;
  paragraphKey?: string | null;
  groupId?: string | null;
  tagIds?: readonly string[];
}

export function createFinding(db: Database.Database, studyId: string, f: NewFinding): string {
  const id = newId();
  const now = nowIso();
  const last = db
    .prepare(
      `SELECT max(position) AS p FROM finding WHERE study_id = ? AND stage_id IS ? AND group_id IS ?`,
    )
    .get(studyId, f.stageId, f.groupId ?? null) as { p: string | null };
  db.prepare(
    `INSERT INTO finding (id, study_id, session_id, participant_id, note_id, question_id, paragraph_key,
       text, type, stage_id, terms, group_id, position, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    studyId,
    f.sessionId ?? null,
    f.participantId ?? null,
    f.noteId ?? null,
    f.questionId ?? null,
    f.paragraphKey ?? null,
    f.text,
    f.type,
    f.stageId,
    termsToColumn(f.terms ?? []),
    f.groupId ?? null,
    positionAfter(last.p),
    now,
    now,
  );
  const tag = db.prepare('INSERT OR IGNORE INTO finding_tag (finding_id, tag_id) VALUES (?, ?)');
  for (const tagId of f.tagIds ?? []) tag.run(id, tagId);
  return id;
}
