// Interview guides: a guide has numbered versions; a version has ordered sections of
// ordered questions, each optionally tied to a journey stage, with probes and keywords.
import type Database from 'better-sqlite3';
import { newId, nowIso, positionAfter } from '../ids.js';

export function createGuide(db: Database.Database, studyId: string, title: string): { guideId: string; versionId: string } {
  const guideId = newId();
  const versionId = newId();
  const now = nowIso();
  db.prepare('INSERT INTO guide (id, study_id, title, created_at) VALUES (?, ?, ?, ?)').run(guideId, studyId, title, now);
  db.prepare('INSERT INTO guide_version (id, guide_id, number, created_at) VALUES (?, ?, 1, ?)').run(versionId, guideId, now);
  return { guideId, versionId };
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

export interface NewQuestion {
  text: string;
  purpose?: string;
  stageId?: string | null;
  keywords?: string[];
  probes?: string[];
  timeBudgetSec?: number;
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
    q.text,
    q.purpose ?? '',
    q.stageId ?? null,
    JSON.stringify(q.keywords ?? []),
    JSON.stringify(q.probes ?? []),
    q.timeBudgetSec ?? 300,
    positionAfter(last.p),
  );
  return id;
}

export function freezeVersion(db: Database.Database, versionId: string): void {
  db.prepare('UPDATE guide_version SET frozen_at = coalesce(frozen_at, ?) WHERE id = ?').run(nowIso(), versionId);
}
