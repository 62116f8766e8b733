// Interview guides: a guide has numbered versions; a version has ordered sections of
// ordered questions, each optionally tied to a journey stage, with probes, keywords
// and a time budget. A published version is frozen: sessions point at it, so it must
// never change; further edits go into a new draft version copied from it.
import type Database from 'better-sqlite3';
import type { GuideDocument, GuideQuestion, GuideSection, GuideVersionSummary } from '../../../../shared/api/guide.js';
import { newId, nowIso, positionAfter, positionForMove } from '../ids.js';

export function createGuide(db: Database.Database, studyId: string, title: string): { guideId: string; versionId: string } {
  const guideId = newId();
  const versionId = newId();
  const now = nowIso();
  db.prepare('INSERT INTO guide (id, study_id, title, created_at) VALUES (?, ?, ?, ?)').run(guideId, studyId, title, now);
  db.prepare('INSERT INTO guide_version (id, guide_id, number, created_at) VALUES (?, ?, 1, ?)').run(versionId, guideId, now);
  return { guideId, versionId };
}

export function guideIdForStudy(db: Database.Database, studyId: string): string | undefined {
  const row = db.prepare('SELECT id FROM guide WHERE study_id = ? ORDER BY created_at, id LIMIT 1').get(studyId) as
    | { id: string }
    | undefined;
  return row?.id;
}

export function renameGuide(db: Database.Database, guideId: string, title: string): void {
  db.prepare('UPDATE guide SET title = ? WHERE id = ?').run(title, guideId);
}

export function listVersions(db: Database.Database, guideId: string): GuideVersionSummary[] {
  const rows = db
    .prepare(
      `SELECT v.id, v.number, v.note, v.created_at, v.frozen_at,
         (SELECT count(*) FROM session s WHERE s.guide_version_id = v.id) AS sessions
       FROM guide_version v WHERE v.guide_id = ? ORDER BY v.number`,
    )
    .all(guideId) as Array<{ id: string; number: number; note: string; created_at: string; frozen_at: string | null; sessions: number }>;
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    changeNote: r.note,
    createdAt: r.created_at,
    publishedAt: r.frozen_at,
    sessionCount: r.sessions,
  }));
}

/** Where a version, section or question lives: its guide and version, and whether it is frozen. */
export interface GuidePlace {
  guideId: string;
  studyId: string;
  versionId: string;
  frozen: boolean;
}

const PLACE_SQL = `SELECT g.id AS guideId, g.study_id AS studyId, v.id AS versionId, v.frozen_at IS NOT NULL AS frozen
  FROM guide_version v JOIN guide g ON g.id = v.guide_id`;

function toPlace(row: { guideId: string; studyId: string; versionId: string; frozen: number } | undefined): GuidePlace | undefined {
  return row && { ...row, frozen: row.frozen === 1 };
}

export function placeOfVersion(db: Database.Database, versionId: string): GuidePlace | undefined {
  return toPlace(db.prepare(`${PLACE_SQL} WHERE v.id = ?`).get(versionId) as never);
}

export function placeOfSection(db: Database.Database, sectionId: string): GuidePlace | undefined {
  return toPlace(
    db.prepare(`${PLACE_SQL} JOIN guide_section s ON s.guide_version_id = v.id WHERE s.id = ?`).get(sectionId) as never,
  );
}

export function placeOfQuestion(db: Database.Database, questionId: string): GuidePlace | undefined {
  return toPlace(
    db
      .prepare(
        `${PLACE_SQL} JOIN guide_section s ON s.guide_version_id = v.id JOIN guide_question q ON q.section_id = s.id WHERE q.id = ?`,
      )
      .get(questionId) as never,
  );
}

interface QuestionRow {
  id: string;
  section_id: string;
  text: string;
  purpose: string;
  stage_id: string | null;
  keywords: string;
  probes: string;
  time_budget_sec: number;
  position: string;
  revision: number;
}

const toQuestion = (r: QuestionRow): GuideQuestion => ({
  id: r.id,
  sectionId: r.section_id,
  text: r.text,
  purpose: r.purpose,
  stageId: r.stage_id,
  keywords: JSON.parse(r.keywords) as string[],
  probes: JSON.parse(r.probes) as string[],
  timeBudgetSec: r.time_budget_sec,
  position: r.position,
  revision: r.revision,
});

export function loadSections(db: Database.Database, versionId: string): GuideSection[] {
  const sections = db
    .prepare('SELECT id, title, position, revision FROM guide_section WHERE guide_version_id = ? ORDER BY position, id')
    .all(versionId) as Array<{ id: string; title: string; position: string; revision: number }>;
  const questions = db
    .prepare(
      `SELECT q.* FROM guide_question q JOIN guide_section s ON s.id = q.section_id
       WHERE s.guide_version_id = ? ORDER BY q.position, q.id`,
    )
    .all(versionId) as QuestionRow[];
  return sections.map((s) => ({ ...s, questions: questions.filter((q) => q.section_id === s.id).map(toQuestion) }));
}

export function loadGuideDocument(db: Database.Database, guideId: string, versionId?: string): GuideDocument | undefined {
  const guide = db.prepare('SELECT id, study_id, title, revision FROM guide WHERE id = ?').get(guideId) as
    | { id: string; study_id: string; title: string; revision: number }
    | undefined;
  if (!guide) return undefined;
  const versions = listVersions(db, guideId);
  const version = versionId ? versions.find((v) => v.id === versionId) : versions.at(-1);
  if (!version) return undefined;
  return {
    guideId: guide.id,
    studyId: guide.study_id,
    title: guide.title,
    revision: guide.revision,
    version,
    versions,
    sections: loadSections(db, version.id),
  };
}

export function addSection(db: Database.Database, versionId: string, title: string): string {
  const last = db
    .prepare('SELECT max(position) AS p FROM guide_section WHERE guide_version_id = ?')
    .get(versionId) as { p: string | null };
  const id = newId();
  db.prepare('INSERT INTO guide_section (id, guide_version_id, title, position) VALUES (?, ?, ?, ?)').run(
    id,
    versionId,
    title,
    positionAfter(last.p),
  );
  return id;
}

export function updateSection(db: Database.Database, sectionId: string, title: string): void {
  db.prepare('UPDATE guide_section SET title = ? WHERE id = ?').run(title, sectionId);
}

export function moveSection(db: Database.Database, sectionId: string, versionId: string, beforeId: string | null): boolean {
  const ordered = db
    .prepare('SELECT id, position FROM guide_section WHERE guide_version_id = ? ORDER BY position, id')
    .all(versionId) as Array<{ id: string; position: string }>;
  const position = positionForMove(ordered, sectionId, beforeId);
  if (position === null) return false;
  db.prepare('UPDATE guide_section SET position = ? WHERE id = ?').run(position, sectionId);
  return true;
}

export function deleteSection(db: Database.Database, sectionId: string): void {
  db.prepare('DELETE FROM guide_section WHERE id = ?').run(sectionId);
}

export interface NewQuestion {
  text?: string | undefined;
  purpose?: string | undefined;
  stageId?: string | null | undefined;
  keywords?: string[] | undefined;
  probes?: string[] | undefined;
  timeBudgetSec?: number | undefined;
}

/** The journey stage a section is about: that of its last question tied to a stage (null when none is). */
export function stageOfSection(db: Database.Database, sectionId: string): string | null {
  const row = db
    .prepare('SELECT stage_id AS stageId FROM guide_question WHERE section_id = ? AND stage_id IS NOT NULL ORDER BY position DESC LIMIT 1')
    .get(sectionId) as { stageId: string } | undefined;
  return row?.stageId ?? null;
}

export function addQuestion(db: Database.Database, sectionId: string, q: NewQuestion): string {
  const last = db
    .prepare('SELECT max(position) AS p FROM guide_question WHERE section_id = ?')
    .get(sectionId) as { p: string | null };
  const id = newId();
  db.prepare(
    `INSERT INTO guide_question (id, section_id, text, purpose, stage_id, keywords, probes, time_budget_sec, position)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    sectionId,
    q.text ?? '',
    q.purpose ?? '',
    q.stageId ?? null,
    JSON.stringify(q.keywords ?? []),
    JSON.stringify(q.probes ?? []),
    q.timeBudgetSec ?? 300,
    positionAfter(last.p),
  );
  return id;
}

export function updateQuestion(db: Database.Database, questionId: string, q: NewQuestion): void {
  const current = db.prepare('SELECT * FROM guide_question WHERE id = ?').get(questionId) as QuestionRow | undefined;
  if (!current) return;
  db.prepare(
    'UPDATE guide_question SET text = ?, purpose = ?, stage_id = ?, keywords = ?, probes = ?, time_budget_sec = ? WHERE id = ?',
  ).run(
    q.text ?? current.text,
    q.purpose ?? current.purpose,
    q.stageId === undefined ? current.stage_id : q.stageId,
    q.keywords ? JSON.stringify(q.keywords) : current.keywords,
    q.probes ? JSON.stringify(q.probes) : current.probes,
    q.timeBudgetSec ?? current.time_budget_sec,
    questionId,
  );
}

/** Moves a question into `sectionId` before `beforeId` (or to its end). */
export function moveQuestion(db: Database.Database, questionId: string, sectionId: string, beforeId: string | null): boolean {
  const ordered = db
    .prepare('SELECT id, position FROM guide_question WHERE section_id = ? ORDER BY position, id')
    .all(sectionId) as Array<{ id: string; position: string }>;
  const position = positionForMove(ordered, questionId, beforeId);
  if (position === null) return false;
  db.prepare('UPDATE guide_question SET section_id = ?, position = ? WHERE id = ?').run(sectionId, position, questionId);
  return true;
}

export function deleteQuestion(db: Database.Database, questionId: string): void {
  db.prepare('DELETE FROM guide_question WHERE id = ?').run(questionId);
}

/** Copies every section and question of one version into another (empty) version. */
export function copyVersionContent(db: Database.Database, fromVersionId: string, toVersionId: string, stageMap?: Map<string, string>): void {
  for (const section of loadSections(db, fromVersionId)) {
    const sectionId = newId();
    db.prepare('INSERT INTO guide_section (id, guide_version_id, title, position) VALUES (?, ?, ?, ?)').run(
      sectionId,
      toVersionId,
      section.title,
      section.position,
    );
    for (const q of section.questions) {
      const stageId = q.stageId === null ? null : stageMap ? (stageMap.get(q.stageId) ?? null) : q.stageId;
      db.prepare(
        `INSERT INTO guide_question (id, section_id, text, purpose, stage_id, keywords, probes, time_budget_sec, position)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(newId(), sectionId, q.text, q.purpose, stageId, JSON.stringify(q.keywords), JSON.stringify(q.probes), q.timeBudgetSec, q.position);
    }
  }
}

/** Creates the next version number as an empty draft; returns its id. */
export function createVersion(db: Database.Database, guideId: string): string {
  const next = (db.prepare('SELECT coalesce(max(number), 0) + 1 AS n FROM guide_version WHERE guide_id = ?').get(guideId) as { n: number }).n;
  const id = newId();
  db.prepare('INSERT INTO guide_version (id, guide_id, number, created_at) VALUES (?, ?, ?, ?)').run(id, guideId, next, nowIso());
  return id;
}

export function publishVersion(db: Database.Database, versionId: string, changeNote: string): void {
  db.prepare('UPDATE guide_version SET frozen_at = ?, note = ? WHERE id = ? AND frozen_at IS NULL').run(nowIso(), changeNote, versionId);
}

export function freezeVersion(db: Database.Database, versionId: string, note = ''): void {
  publishVersion(db, versionId, note);
}
