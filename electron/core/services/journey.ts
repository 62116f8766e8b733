// Use cases on the journey map: the study's one map (created on first use), its
// title and persona, the emotion curve, items per stage and lane with TERMS on pain
// points and evidence links, and pre-filling empty cells from the board.
import { PAIN_KINDS, type JourneyLane, type PainKind } from '../../../shared/domain.js';
import { applyListIntent } from '../../../shared/listIntent.js';
import { linkEvidence, unlinkEvidence } from '../db/repos/evidence.js';
import {
  journeyItemTerms,
  addJourneyItem,
  clearEmotion,
  createJourneyMap,
  deleteJourneyItem,
  journeyItemPlace,
  moveJourneyItem,
  setEmotion,
  studyJourneyMapRow,
  touchJourneyMap,
  updateJourneyItem,
  updateJourneyMap,
} from '../db/repos/journey.js';
import { getPersonaRow } from '../db/repos/personas.js';
import { stageStudyId } from '../db/repos/stages.js';
import { getStudy, touchStudy } from '../db/repos/studies.js';
import { documentLabels } from '../../../shared/export/document-labels.js';
import { assertCitable } from './citable.js';
import type { ServiceContext } from './context.js';
import { DomainError, notFound } from './errors.js';
import { checkEdit } from './edit-base.js';
import type { HandlerGroup } from './handler-types.js';
import { prefillJourneyMap } from './journey-prefill.js';
import { loadJourneyMap, requireJourneyMap } from './journey-read.js';

/** Records a change to a map and answers with the map as it is now. */
function changed(ctx: ServiceContext, mapId: string, studyId: string) {
  touchJourneyMap(ctx.db, mapId);
  touchStudy(ctx.db, studyId);
  ctx.events.touch(studyId, 'journey');
  return loadJourneyMap(ctx, mapId);
}

function assertStage(ctx: ServiceContext, studyId: string, stageId: string): void {
  if (stageStudyId(ctx.db, stageId) !== studyId) throw notFound('The journey stage');
}

/** TERMS classify pain points only. */
function assertTerms(lane: JourneyLane, terms: readonly PainKind[] | undefined): void {
  if (terms && terms.length > 0 && lane !== 'pain_points') {
    throw new DomainError('conflict', 'Only pain points carry TERMS kinds.', 'terms_only_on_pain_points');
  }
}

function requireItem(ctx: ServiceContext, itemId: string) {
  const place = journeyItemPlace(ctx.db, itemId);
  if (!place) throw notFound('The journey-map item');
  return place;
}

export const journeyHandlers: Omit<HandlerGroup<'journey'>, 'journey.export'> = {
  'journey.get': ({ studyId }, ctx) => {
    const study = getStudy(ctx.db, studyId);
    if (!study) throw notFound('The study');
    const existing = studyJourneyMapRow(ctx.db, studyId);
    if (existing) return loadJourneyMap(ctx, existing.id);
    const mapId = createJourneyMap(ctx.db, studyId, documentLabels(study.language).journeyMap, null);
    return changed(ctx, mapId, studyId);
  },

  'journey.update': ({ mapId, title, personaId, basedOn }, ctx) => {
    const map = requireJourneyMap(ctx, mapId);
    checkEdit(ctx, { table: 'journey_map', id: mapId }, ['title'], map, basedOn, { title });
    if (personaId && getPersonaRow(ctx.db, personaId)?.study_id !== map.study_id) throw notFound('The persona');
    updateJourneyMap(ctx.db, mapId, { title, personaId });
    return changed(ctx, mapId, map.study_id);
  },

  'journey.setEmotion': ({ mapId, stageId, score }, ctx) => {
    const map = requireJourneyMap(ctx, mapId);
    assertStage(ctx, map.study_id, stageId);
    if (score === null) clearEmotion(ctx.db, mapId, stageId);
    else setEmotion(ctx.db, mapId, stageId, score);
    return changed(ctx, mapId, map.study_id);
  },

  'journey.addItem': ({ mapId, stageId, lane, text, terms, evidence }, ctx) => {
    const map = requireJourneyMap(ctx, mapId);
    assertStage(ctx, map.study_id, stageId);
    assertTerms(lane, terms);
    assertCitable(ctx, map.study_id, evidence ?? []);
    addJourneyItem(ctx.db, mapId, { stageId, lane, text, terms: terms ?? [], evidence: evidence ?? [] });
    return changed(ctx, mapId, map.study_id);
  },

  'journey.updateItem': ({ itemId, text, terms: whole, addTerms, removeTerms, basedOn }, ctx) => {
    const place = requireItem(ctx, itemId);
    checkEdit(ctx, { table: 'journey_item', id: itemId }, ['text'], ctx.db.prepare('SELECT text FROM journey_item WHERE id = ?').get(itemId) as { text: string }, basedOn, { text });
    // Toggles apply to the item as it is now: two people toggling different TERMS both keep theirs.
    const terms = addTerms || removeTerms ? applyListIntent(whole ?? journeyItemTerms(ctx.db, itemId), addTerms, removeTerms, PAIN_KINDS) : whole;
    assertTerms(place.lane, terms);
    updateJourneyItem(ctx.db, itemId, { text, terms });
    return changed(ctx, place.mapId, place.studyId);
  },

  'journey.moveItem': ({ itemId, stageId, lane, beforeId }, ctx) => {
    const place = requireItem(ctx, itemId);
    assertStage(ctx, place.studyId, stageId);
    if (!moveJourneyItem(ctx.db, itemId, place.mapId, stageId, lane, beforeId)) throw notFound('The item to place before');
    return changed(ctx, place.mapId, place.studyId);
  },

  'journey.deleteItem': ({ itemId }, ctx) => {
    const place = requireItem(ctx, itemId);
    deleteJourneyItem(ctx.db, itemId);
    return changed(ctx, place.mapId, place.studyId);
  },

  'journey.linkEvidence': ({ itemId, findingIds }, ctx) => {
    const place = requireItem(ctx, itemId);
    assertCitable(ctx, place.studyId, findingIds);
    linkEvidence(ctx.db, 'journey_item_evidence', itemId, findingIds);
    return changed(ctx, place.mapId, place.studyId);
  },

  'journey.unlinkEvidence': ({ itemId, findingId }, ctx) => {
    const place = requireItem(ctx, itemId);
    if (!unlinkEvidence(ctx.db, 'journey_item_evidence', itemId, findingId)) throw notFound('The cited finding');
    return changed(ctx, place.mapId, place.studyId);
  },

  'journey.prefill': ({ mapId }, ctx) => {
    const map = requireJourneyMap(ctx, mapId);
    const added = prefillJourneyMap(ctx.db, mapId, map.study_id);
    return { map: added > 0 ? changed(ctx, mapId, map.study_id) : loadJourneyMap(ctx, mapId), added };
  },
};
