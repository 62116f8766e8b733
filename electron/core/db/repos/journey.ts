// Journey maps: per stage an emotion score and items in lanes, each citing findings.
import type Database from 'better-sqlite3';
import type { JourneyItem } from '../../../../shared/api/journey.js';
import { PAIN_KINDS, type JourneyLane, type PainKind } from '../../../../shared/domain.js';
import { newId, nowIso, positionAfter, positionForMove } from '../ids.js';
import { linkEvidence, loadEvidence } from './evidence.js';
import { termsToColumn } from './findings.js';

export interface JourneyMapRow {
  id: string;
  study_id: string;
  persona_id: string | null;
  title: string;
  created_at: string;
  updated_at: string;
  revision: number;
}

export function createJourneyMap(db: Database.Database, studyId: string, title: string, personaId: string | null): string {
  const id = newId();
  const now = nowIso();
  db.prepare(
    'INSERT INTO journey_map (id, study_id, persona_id, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(id, studyId, personaId, title, now, now);
  return id;
}

export function getJourneyMapRow(db: Database.Database, mapId: string): JourneyMapRow | undefined {
  return db.prepare('SELECT * FROM journey_map WHERE id = ?').get(mapId) as JourneyMapRow | undefined;
}

/** The study's journey map: the first one made, as a study has one. */
export function studyJourneyMapRow(db: Database.Database, studyId: string): JourneyMapRow | undefined {
  return db.prepare('SELECT * FROM journey_map WHERE study_id = ? ORDER BY created_at, id LIMIT 1').get(studyId) as JourneyMapRow | undefined;
}

export function updateJourneyMap(db: Database.Database, mapId: string, f: { title?: string | undefined; personaId?: string | null | undefined }): void {
  db.prepare(
    `UPDATE journey_map SET title = coalesce(?, title), persona_id = CASE WHEN ? THEN ? ELSE persona_id END, updated_at = ? WHERE id = ?`,
  ).run(f.title ?? null, f.personaId === undefined ? 0 : 1, f.personaId ?? null, nowIso(), mapId);
}

export function touchJourneyMap(db: Database.Database, mapId: string): void {
  db.prepare('UPDATE journey_map SET updated_at = ? WHERE id = ?').run(nowIso(), mapId);
}

export function setEmotion(db: Database.Database, mapId: string, stageId: string, score: number): void {
  db.prepare(
    `INSERT INTO journey_emotion (map_id, stage_id, score) VALUES (?, ?, ?)
     ON CONFLICT (map_id, stage_id) DO UPDATE SET score = excluded.score`,
  ).run(mapId, stageId, score);
}

export function clearEmotion(db: Database.Database, mapId: string, stageId: string): void {
  db.prepare('DELETE FROM journey_emotion WHERE map_id = ? AND stage_id = ?').run(mapId, stageId);
}

export function listEmotions(db: Database.Database, mapId: string): Array<{ stageId: string; score: number; revision: number }> {
  return db.prepare('SELECT stage_id AS stageId, score, revision FROM journey_emotion WHERE map_id = ?').all(mapId) as Array<{
    stageId: string;
    score: number;
    revision: number;
  }>;
}

export interface NewJourneyItem {
  stageId: string;
  lane: JourneyLane;
  text: string;
  terms?: readonly PainKind[];
  evidence?: readonly string[];
}

export function addJourneyItem(db: Database.Database, mapId: string, item: NewJourneyItem): string {
  const last = db
    .prepare('SELECT max(position) AS p FROM journey_item WHERE map_id = ? AND stage_id = ? AND lane = ?')
    .get(mapId, item.stageId, item.lane) as { p: string | null };
  const id = newId();
  db.prepare(
    'INSERT INTO journey_item (id, map_id, stage_id, lane, text, terms, position) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(id, mapId, item.stageId, item.lane, item.text, termsToColumn(item.terms ?? []), positionAfter(last.p));
  linkEvidence(db, 'journey_item_evidence', id, item.evidence ?? []);
  return id;
}

interface ItemRow {
  id: string;
  map_id: string;
  stage_id: string;
  lane: JourneyLane;
  text: string;
  terms: string;
  position: string;
  revision: number;
}

const toItem = (r: ItemRow, evidence: JourneyItem['evidence']): JourneyItem => ({
  id: r.id,
  stageId: r.stage_id,
  lane: r.lane,
  text: r.text,
  terms: PAIN_KINDS.filter((k) => r.terms.includes(k)),
  position: r.position,
  evidence,
  revision: r.revision,
});

export function listJourneyItems(db: Database.Database, mapId: string): JourneyItem[] {
  const rows = db.prepare('SELECT * FROM journey_item WHERE map_id = ? ORDER BY stage_id, lane, position, id').all(mapId) as ItemRow[];
  const evidence = loadEvidence(db, 'journey_item_evidence', rows.map((r) => r.id));
  return rows.map((r) => toItem(r, evidence.get(r.id) ?? []));
}

/** The map (and study) an item belongs to. */
export function journeyItemPlace(db: Database.Database, itemId: string): { mapId: string; studyId: string; lane: JourneyLane } | undefined {
  return db
    .prepare('SELECT i.map_id AS mapId, m.study_id AS studyId, i.lane FROM journey_item i JOIN journey_map m ON m.id = i.map_id WHERE i.id = ?')
    .get(itemId) as { mapId: string; studyId: string; lane: JourneyLane } | undefined;
}

/** An item's TERMS as stored now. */
export function journeyItemTerms(db: Database.Database, itemId: string): PainKind[] {
  const stored = (db.prepare('SELECT terms FROM journey_item WHERE id = ?').pluck().get(itemId) as string | undefined) ?? '';
  return PAIN_KINDS.filter((k) => stored.includes(k));
}

export function updateJourneyItem(db: Database.Database, itemId: string, f: { text?: string | undefined; terms?: readonly PainKind[] | undefined }): void {
  db.prepare('UPDATE journey_item SET text = coalesce(?, text), terms = coalesce(?, terms) WHERE id = ?').run(
    f.text ?? null,
    f.terms === undefined ? null : termsToColumn(f.terms),
    itemId,
  );
}

/** Moves an item into a cell before `beforeId` (null: last); TERMS stay only on pain points. */
export function moveJourneyItem(db: Database.Database, itemId: string, mapId: string, stageId: string, lane: JourneyLane, beforeId: string | null): boolean {
  const siblings = db
    .prepare('SELECT id, position FROM journey_item WHERE map_id = ? AND stage_id = ? AND lane = ? ORDER BY position, id')
    .all(mapId, stageId, lane) as Array<{ id: string; position: string }>;
  const position = positionForMove(siblings, itemId, beforeId);
  if (position === null) return false;
  db.prepare(`UPDATE journey_item SET stage_id = ?, lane = ?, position = ?, terms = CASE WHEN ? = 'pain_points' THEN terms ELSE '' END WHERE id = ?`).run(
    stageId,
    lane,
    position,
    lane,
    itemId,
  );
  return true;
}

export function deleteJourneyItem(db: Database.Database, itemId: string): void {
  db.prepare('DELETE FROM journey_item WHERE id = ?').run(itemId);
}
