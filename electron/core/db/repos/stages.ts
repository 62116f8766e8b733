// Journey stages of a study with their hypothesised touchpoints and influencers.
import type Database from 'better-sqlite3';
import type { JourneyStage } from '../../../../shared/api/entities.js';
import { newId, positionAfter } from '../ids.js';

interface StageRow {
  id: string;
  study_id: string;
  name: string;
  default_key: string | null;
  description: string;
  information_needs: string;
  position: string;
}

export function listStages(db: Database.Database, studyId: string): JourneyStage[] {
  const rows = db
    .prepare('SELECT * FROM journey_stage WHERE study_id = ? ORDER BY position, id')
    .all(studyId) as StageRow[];
  const names = (table: 'touchpoint' | 'influencer') => {
    const byStage = new Map<string, string[]>();
    const items = db
      .prepare(`SELECT stage_id, name FROM ${table} WHERE study_id = ? ORDER BY position, id`)
      .all(studyId) as Array<{ stage_id: string | null; name: string }>;
    for (const item of items) {
      if (!item.stage_id) continue;
      const list = byStage.get(item.stage_id) ?? [];
      list.push(item.name);
      byStage.set(item.stage_id, list);
    }
    return byStage;
  };
  const touchpoints = names('touchpoint');
  const influencers = names('influencer');
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
  }));
}

export interface StageDetails {
  description?: string;
  informationNeeds?: string;
}

export function updateStageDetails(db: Database.Database, stageId: string, details: StageDetails): void {
  db.prepare(
    `UPDATE journey_stage SET description = coalesce(?, description),
       information_needs = coalesce(?, information_needs) WHERE id = ?`,
  ).run(details.description ?? null, details.informationNeeds ?? null, stageId);
}

/** Appends a touchpoint or influencer to a stage's hypothesis. */
export function addStageItem(
  db: Database.Database,
  table: 'touchpoint' | 'influencer',
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

