// Findings: statements pulled out of the notes, typed, staged and TERMS-classified,
// each keeping its link back to the note paragraph it came from.
import type Database from 'better-sqlite3';
import type { Finding } from '../../../../shared/api/sessions.js';
import { PAIN_KINDS, type FindingType, type PainKind } from '../../../../shared/domain.js';
import { newId, nowIso, positionAfter } from '../ids.js';
import { forgetInUndoLog } from './board-log.js';

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

interface FindingRow {
  id: string;
  study_id: string;
  session_id: string | null;
  participant_id: string | null;
  question_id: string | null;
  paragraph_key: string | null;
  text: string;
  type: FindingType;
  stage_id: string | null;
  terms: string;
  group_id: string | null;
  created_at: string;
  updated_at: string;
  revision: number;
  tag_ids: string | null;
}

const FINDING_SELECT = `
  SELECT f.*, (SELECT group_concat(ft.tag_id) FROM finding_tag ft JOIN tag t ON t.id = ft.tag_id
               WHERE ft.finding_id = f.id AND t.deleted_at IS NULL) AS tag_ids
  FROM finding f`;

const toFinding = (r: FindingRow): Finding => ({
  id: r.id,
  studyId: r.study_id,
  sessionId: r.session_id,
  participantId: r.participant_id,
  questionId: r.question_id,
  paragraphKey: r.paragraph_key,
  text: r.text,
  type: r.type,
  stageId: r.stage_id,
  terms: PAIN_KINDS.filter((k) => r.terms.includes(k)),
  tagIds: r.tag_ids ? r.tag_ids.split(',').sort() : [],
  groupId: r.group_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  revision: r.revision,
});

export function getFinding(db: Database.Database, id: string): Finding | undefined {
  const row = db.prepare(`${FINDING_SELECT} WHERE f.id = ?`).get(id) as FindingRow | undefined;
  return row && toFinding(row);
}

export function listSessionFindings(db: Database.Database, sessionId: string): Finding[] {
  const rows = db.prepare(`${FINDING_SELECT} WHERE f.session_id = ? ORDER BY f.created_at, f.id`).all(sessionId) as FindingRow[];
  return rows.map(toFinding);
}

export interface FindingChanges {
  text?: string | undefined;
  type?: FindingType | undefined;
  stageId?: string | null | undefined;
  terms?: readonly PainKind[] | undefined;
}

export function updateFinding(db: Database.Database, id: string, c: FindingChanges): void {
  const current = getFinding(db, id);
  if (!current) return;
  const stageChanged = c.stageId !== undefined && c.stageId !== current.stageId;
  db.prepare(
    `UPDATE finding SET text = ?, type = ?, stage_id = ?, terms = ?,
       -- a finding moved to another stage leaves its board group, which belongs to the old column
       group_id = CASE WHEN ? THEN NULL ELSE group_id END, updated_at = ? WHERE id = ?`,
  ).run(
    c.text ?? current.text,
    c.type ?? current.type,
    c.stageId === undefined ? current.stageId : c.stageId,
    termsToColumn(c.terms ?? current.terms),
    stageChanged ? 1 : 0,
    nowIso(),
    id,
  );
}

/** Adds and removes single tags, leaving the finding's other tags as they are now. */
export function changeFindingTags(db: Database.Database, id: string, add: readonly string[], remove: readonly string[]): void {
  const insert = db.prepare('INSERT OR IGNORE INTO finding_tag (finding_id, tag_id) VALUES (?, ?)');
  const drop = db.prepare('DELETE FROM finding_tag WHERE finding_id = ? AND tag_id = ?');
  for (const tagId of remove) drop.run(id, tagId);
  for (const tagId of add) if (!remove.includes(tagId)) insert.run(id, tagId);
}

export function setFindingTags(db: Database.Database, id: string, tagIds: readonly string[]): void {
  // Links to tags in the trash stay, so restoring a tag brings its uses back.
  db.prepare('DELETE FROM finding_tag WHERE finding_id = ? AND tag_id IN (SELECT id FROM tag WHERE deleted_at IS NULL)').run(id);
  const add = db.prepare('INSERT OR IGNORE INTO finding_tag (finding_id, tag_id) VALUES (?, ?)');
  for (const tagId of tagIds) add.run(id, tagId);
}

/** Deletes a finding and, in the same transaction, every trace of it in the board's undo log. */
export function deleteFinding(db: Database.Database, id: string): void {
  db.prepare('DELETE FROM finding WHERE id = ?').run(id);
  forgetInUndoLog(db, 'finding', [id]);
}
