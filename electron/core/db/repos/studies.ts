// Study rows: the library's top-level aggregate. Deleting moves a study to the trash
// (deleted_at); purging removes it and, by cascade, everything in it.
import type Database from 'better-sqlite3';
import { DEFAULT_STAGE_KEYS, DEFAULT_STAGE_NAMES, type StudyLanguage } from '../../../../shared/domain.js';
import type { Study, StudyCounts, StudySummary } from '../../../../shared/api/entities.js';
import { newId, nowIso, positions } from '../ids.js';

interface StudyRow {
  id: string;
  name: string;
  goal: string;
  product: string;
  planned_interviews: number;
  language: StudyLanguage;
  is_sample: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  revision: number;
}

const toStudy = (r: StudyRow): Study => ({
  id: r.id,
  name: r.name,
  goal: r.goal,
  product: r.product,
  plannedInterviews: r.planned_interviews,
  language: r.language,
  isSample: r.is_sample === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  deletedAt: r.deleted_at,
  revision: r.revision,
});

// Findings of participants who withdrew consent are not counted: they are out of every analysis.
const COUNTS_SQL = `
  (SELECT count(*) FROM participant p WHERE p.study_id = s.id) AS participants,
  (SELECT count(*) FROM session x WHERE x.study_id = s.id) AS sessions,
  (SELECT count(*) FROM active_finding f WHERE f.study_id = s.id) AS findings,
  (SELECT count(*) FROM affinity_group g WHERE g.study_id = s.id) AS groups,
  (SELECT count(*) FROM persona y WHERE y.study_id = s.id) AS personas`;

type CountsRow = StudyCounts;

export function listStudies(db: Database.Database, trash: boolean): StudySummary[] {
  const rows = db
    .prepare(
      `SELECT s.*, ${COUNTS_SQL} FROM study s
       WHERE (s.deleted_at IS NOT NULL) = ?
       ORDER BY ${trash ? 's.deleted_at DESC' : 's.updated_at DESC'}, s.id`,
    )
    .all(trash ? 1 : 0) as Array<StudyRow & CountsRow>;
  return rows.map((r) => ({
    ...toStudy(r),
    counts: {
      participants: r.participants,
      sessions: r.sessions,
      findings: r.findings,
      groups: r.groups,
      personas: r.personas,
    },
  }));
}

export function getStudy(db: Database.Database, id: string): Study | undefined {
  const row = db.prepare('SELECT * FROM study WHERE id = ?').get(id) as StudyRow | undefined;
  return row && toStudy(row);
}

export function studyCounts(db: Database.Database, id: string): StudyCounts {
  return db.prepare(`SELECT ${COUNTS_SQL} FROM study s WHERE s.id = ?`).get(id) as CountsRow;
}

export interface NewStudy {
  name: string;
  goal?: string | undefined;
  product?: string | undefined;
  plannedInterviews?: number | undefined;
  language?: StudyLanguage | undefined;
  isSample?: boolean | undefined;
  /** Journey stages to start with; the six default stages when omitted. */
  stages?: Array<{ name: string; defaultKey: string | null }> | undefined;
}

/** Creates a study with its starting journey stages, in one transaction. */
export function createStudy(db: Database.Database, input: NewStudy): Study {
  const id = newId();
  const now = nowIso();
  const stages =
    input.stages ?? DEFAULT_STAGE_KEYS.map((key) => ({ name: DEFAULT_STAGE_NAMES[key], defaultKey: key }));
  const insertStage = db.prepare(
    `INSERT INTO journey_stage (id, study_id, name, default_key, position, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    db.prepare(
      `INSERT INTO study (id, name, goal, product, planned_interviews, language, is_sample, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      input.name,
      input.goal ?? '',
      input.product ?? '',
      input.plannedInterviews ?? 0,
      input.language ?? 'en',
      input.isSample ? 1 : 0,
      now,
      now,
    );
    const keys = positions(stages.length);
    stages.forEach((stage, i) => insertStage.run(newId(), id, stage.name, stage.defaultKey, keys[i], now));
  })();
  return getStudy(db, id)!;
}

export function renameStudy(db: Database.Database, id: string, name: string): Study | undefined {
  db.prepare('UPDATE study SET name = ?, updated_at = ? WHERE id = ?').run(name, nowIso(), id);
  return getStudy(db, id);
}

export interface StudyChanges {
  goal?: string | undefined;
  product?: string | undefined;
  plannedInterviews?: number | undefined;
  language?: StudyLanguage | undefined;
}

export function updateStudy(db: Database.Database, id: string, changes: StudyChanges): Study | undefined {
  db.prepare(
    `UPDATE study SET goal = coalesce(?, goal), product = coalesce(?, product),
       planned_interviews = coalesce(?, planned_interviews), language = coalesce(?, language), updated_at = ?
     WHERE id = ?`,
  ).run(changes.goal ?? null, changes.product ?? null, changes.plannedInterviews ?? null, changes.language ?? null, nowIso(), id);
  return getStudy(db, id);
}

/** Marks a study as changed, so the library lists recently worked-on studies first. */
export function touchStudy(db: Database.Database, id: string): void {
  db.prepare('UPDATE study SET updated_at = ? WHERE id = ?').run(nowIso(), id);
}

export function setStudyDeleted(db: Database.Database, id: string, deleted: boolean): Study | undefined {
  db.prepare('UPDATE study SET deleted_at = ? WHERE id = ?').run(deleted ? nowIso() : null, id);
  return getStudy(db, id);
}

export function purgeStudy(db: Database.Database, id: string): boolean {
  return db.prepare('DELETE FROM study WHERE id = ? AND deleted_at IS NOT NULL').run(id).changes > 0;
}
