// Journey stages of a study with their hypothesised touchpoints, influencers and
// information needs: the "hypothesis journey" interviews later confirm or adjust.
import type Database from 'better-sqlite3';
import type { JourneyStage } from '../../../../shared/api/entities.js';
import { newId, nowIso, positionAfter, positionForMove, positionsAfter } from '../ids.js';

interface StageRow {
  id: string;
  study_id: string;
  name: string;
  default_key: string | null;
  description: string;
  information_needs: string;
  position: string;
  revision: number;
}

type ItemTable = 'touchpoint' | 'influencer';

function itemsByStage(db: Database.Database, table: ItemTable, studyId: string) {
  const byStage = new Map<string, Array<{ id: string; name: string }>>();
  const items = db
    .prepare(`SELECT id, stage_id, name FROM ${table} WHERE study_id = ? ORDER BY position, id`)
    .all(studyId) as Array<{ id: string; stage_id: string | null; name: string }>;
  for (const item of items) {
    if (!item.stage_id) continue;
    const list = byStage.get(item.stage_id) ?? [];
    list.push({ id: item.id, name: item.name });
    byStage.set(item.stage_id, list);
  }
  return byStage;
}

export function listStages(db: Database.Database, studyId: string): JourneyStage[] {
  const rows = db
    .prepare('SELECT * FROM journey_stage WHERE study_id = ? ORDER BY position, id')
    .all(studyId) as StageRow[];
  const touchpoints = itemsByStage(db, 'touchpoint', studyId);
  const influencers = itemsByStage(db, 'influencer', studyId);
  return rows.map((r) => ({
    id: r.id,
    studyId: r.study_id,
    name: r.name,
    defaultKey: r.default_key,
    description: r.description,
    informationNeeds: r.information_needs,
    position: r.position,
    touchpoints: touchpoints.get(r.id) ?? [],
    influencers: influencers.get(r.id) ?? [],
    revision: r.revision,
  }));
}

export function stageStudyId(db: Database.Database, stageId: string): string | undefined {
  return (db.prepare('SELECT study_id FROM journey_stage WHERE id = ?').get(stageId) as { study_id: string } | undefined)
    ?.study_id;
}

export function getStage(db: Database.Database, stageId: string): JourneyStage | undefined {
  const studyId = stageStudyId(db, stageId);
  return studyId ? listStages(db, studyId).find((s) => s.id === stageId) : undefined;
}

export function createStage(db: Database.Database, studyId: string, name: string): string {
  const last = db.prepare('SELECT max(position) AS p FROM journey_stage WHERE study_id = ?').get(studyId) as {
    p: string | null;
  };
  const id = newId();
  db.prepare(
    'INSERT INTO journey_stage (id, study_id, name, default_key, position, created_at) VALUES (?, ?, ?, NULL, ?, ?)',
  ).run(id, studyId, name, positionAfter(last.p), nowIso());
  return id;
}

export interface StageDetails {
  name?: string | undefined;
  description?: string | undefined;
  informationNeeds?: string | undefined;
}

export function updateStageDetails(db: Database.Database, stageId: string, details: StageDetails): void {
  db.prepare(
    `UPDATE journey_stage SET
       name = coalesce(?, name),
       -- a renamed stage no longer carries its translatable default name
       default_key = CASE WHEN ? IS NOT NULL AND ? <> name THEN NULL ELSE default_key END,
       description = coalesce(?, description),
       information_needs = coalesce(?, information_needs)
     WHERE id = ?`,
  ).run(
    details.name ?? null,
    details.name ?? null,
    details.name ?? null,
    details.description ?? null,
    details.informationNeeds ?? null,
    stageId,
  );
}

/** Moves a stage before another (or to the end); false when `beforeId` is not a stage of the study. */
export function moveStage(db: Database.Database, stageId: string, beforeId: string | null): boolean {
  const studyId = stageStudyId(db, stageId);
  if (!studyId) return false;
  const ordered = db
    .prepare('SELECT id, position FROM journey_stage WHERE study_id = ? ORDER BY position, id')
    .all(studyId) as Array<{ id: string; position: string }>;
  const position = positionForMove(ordered, stageId, beforeId);
  if (position === null) return false;
  db.prepare('UPDATE journey_stage SET position = ? WHERE id = ?').run(position, stageId);
  return true;
}

/**
 * Deletes a stage, first moving its findings, board groups and guide questions to
 * `moveTo` (or to no stage: the board's Unsorted column). Its hypothesised
 * touchpoints and influencers belong to it alone and go with it.
 */
export function deleteStage(db: Database.Database, stageId: string, moveTo: string | null): void {
  const studyId = stageStudyId(db, stageId);
  // Groups and loose cards join the end of the column they move to, in their order, so
  // none takes a position already used there (grouped cards are ordered within their group).
  if (studyId) {
    appendToColumn(db, 'affinity_group', '', studyId, stageId, moveTo);
    appendToColumn(db, 'finding', 'AND group_id IS NULL', studyId, stageId, moveTo);
  }
  for (const table of ['finding', 'affinity_group'] as const) {
    db.prepare(`UPDATE ${table} SET stage_id = ? WHERE stage_id = ?`).run(moveTo, stageId);
  }
  // Only draft guide versions follow; a published version stays as the sessions used it
  // (its questions lose the deleted stage when the row goes).
  db.prepare(
    `UPDATE guide_question SET stage_id = ? WHERE stage_id = ? AND section_id IN
       (SELECT s.id FROM guide_section s JOIN guide_version v ON v.id = s.guide_version_id WHERE v.frozen_at IS NULL)`,
  ).run(moveTo, stageId);
  db.prepare('DELETE FROM touchpoint WHERE stage_id = ?').run(stageId);
  db.prepare('DELETE FROM influencer WHERE stage_id = ?').run(stageId);
  db.prepare('DELETE FROM journey_stage WHERE id = ?').run(stageId);
}

function appendToColumn(db: Database.Database, table: 'finding' | 'affinity_group', scope: string, studyId: string, from: string, to: string | null): void {
  const moving = db.prepare(`SELECT id FROM ${table} WHERE study_id = ? AND stage_id = ? ${scope} ORDER BY position, id`).pluck().all(studyId, from) as string[];
  if (moving.length === 0) return;
  const last = db.prepare(`SELECT max(position) FROM ${table} WHERE study_id = ? AND stage_id IS ? ${scope}`).pluck().get(studyId, to) as string | null;
  const keys = positionsAfter(last, moving.length);
  const update = db.prepare(`UPDATE ${table} SET position = ? WHERE id = ?`);
  moving.forEach((id, i) => update.run(keys[i], id));
}

/** Appends a touchpoint or influencer to a stage's hypothesis. */
export function addStageItem(
  db: Database.Database,
  table: ItemTable,
  studyId: string,
  stageId: string,
  name: string,
): string {
  const last = db
    .prepare(`SELECT max(position) AS p FROM ${table} WHERE study_id = ? AND stage_id = ?`)
    .get(studyId, stageId) as { p: string | null };
  const id = newId();
  db.prepare(`INSERT INTO ${table} (id, study_id, stage_id, name, position) VALUES (?, ?, ?, ?, ?)`).run(
    id,
    studyId,
    stageId,
    name,
    positionAfter(last.p),
  );
  return id;
}

export function removeStageItem(db: Database.Database, table: ItemTable, stageId: string, itemId: string): boolean {
  return db.prepare(`DELETE FROM ${table} WHERE id = ? AND stage_id = ?`).run(itemId, stageId).changes > 0;
}
