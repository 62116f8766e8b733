// The journey-map read model: the study's stages as columns, the emotion score per
// stage, and every item with its evidence, ordered by stage, lane and position.
import type { JourneyMap } from '../../../shared/api/journey.js';
import { JOURNEY_LANES } from '../../../shared/domain.js';
import { getJourneyMapRow, listEmotions, listJourneyItems, type JourneyMapRow } from '../db/repos/journey.js';
import { listStages } from '../db/repos/stages.js';
import type { ServiceContext } from './context.js';
import { notFound } from './errors.js';

export function requireJourneyMap(ctx: ServiceContext, mapId: string): JourneyMapRow {
  const row = getJourneyMapRow(ctx.db, mapId);
  if (!row) throw notFound('The journey map');
  return row;
}

export function loadJourneyMap(ctx: ServiceContext, mapId: string): JourneyMap {
  const row = requireJourneyMap(ctx, mapId);
  const stages = listStages(ctx.db, row.study_id);
  const column = new Map(stages.map((s, i) => [s.id, i]));
  const lane = new Map(JOURNEY_LANES.map((l, i) => [l, i]));
  const items = listJourneyItems(ctx.db, mapId).sort(
    (a, b) =>
      (column.get(a.stageId) ?? 0) - (column.get(b.stageId) ?? 0) ||
      (lane.get(a.lane) ?? 0) - (lane.get(b.lane) ?? 0) ||
      (a.position < b.position ? -1 : a.position > b.position ? 1 : 0),
  );
  return {
    id: row.id,
    studyId: row.study_id,
    personaId: row.persona_id,
    title: row.title,
    stages: stages.map((s) => ({ id: s.id, name: s.name, defaultKey: s.defaultKey })),
    emotions: listEmotions(ctx.db, mapId).sort((a, b) => (column.get(a.stageId) ?? 0) - (column.get(b.stageId) ?? 0)),
    items,
    updatedAt: row.updated_at,
    revision: row.revision,
  };
}
