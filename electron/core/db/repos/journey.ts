// Journey maps: per stage an emotion score and items in lanes, each citing findings.
import type Database from 'better-sqlite3';
import type { JourneyLane, PainKind } from '../../../../shared/domain.js';
import { newId, nowIso, positionAfter } from '../ids.js';
import { termsToColumn } from './findings.js';

export function createJourneyMap(db: Database.Database, studyId: string, title: string, personaId: string | null): string {
  const id = newId();
  const now = nowIso();
  db.prepare(
    'INSERT INTO journey_map (id, study_id, persona_id, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(id, studyId, personaId, title, now, now);
  return id;
}

export function setEmotion(db: Database.Database, mapId: string, stageId: string, score: number): void {
  db.prepare(
    `INSERT INTO journey_emotion (map_id, stage_id, score) VALUES (?, ?, ?)
     ON CONFLICT (map_id, stage_id) DO UPDATE SET score = excluded.score`,
  ).run(mapId, stageId, score);
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
  const cite = db.prepare('INSERT OR IGNORE INTO journey_item_evidence (item_id, finding_id) VALUES (?, ?)');
  for (const findingId of item.evidence ?? []) cite.run(id, findingId);
  return id;
}
