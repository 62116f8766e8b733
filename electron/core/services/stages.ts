// Use cases on the hypothesis journey: add, rename, describe, reorder and remove
// stages, and list each stage's expected touchpoints and influencers.
import { getStage, listStages, moveStage, createStage, deleteStage, stageStudyId, updateStageDetails, addStageItem, removeStageItem } from '../db/repos/stages.js';
import { getStudy, touchStudy } from '../db/repos/studies.js';
import type { ServiceContext } from './context.js';
import { DomainError, notFound } from './errors.js';
import { checkEdit } from './edit-base.js';
import type { HandlerGroup } from './handler-types.js';

function studyOfStage(ctx: ServiceContext, stageId: string): string {
  const studyId = stageStudyId(ctx.db, stageId);
  if (!studyId) throw notFound('The journey stage');
  return studyId;
}

function changed(ctx: ServiceContext, studyId: string): void {
  touchStudy(ctx.db, studyId);
  ctx.events.touch(studyId, 'stage');
}

export const stageHandlers: HandlerGroup<'stage'> = {
  'stage.create': ({ studyId, name }, ctx) => {
    if (!getStudy(ctx.db, studyId)) throw notFound('The study');
    const id = createStage(ctx.db, studyId, name);
    changed(ctx, studyId);
    return getStage(ctx.db, id)!;
  },

  'stage.update': ({ id, basedOn, ...details }, ctx) => {
    const studyId = studyOfStage(ctx, id);
    checkEdit(ctx, { table: 'journey_stage', id }, ['name', 'description', 'informationNeeds'], getStage(ctx.db, id)!, basedOn, details);
    updateStageDetails(ctx.db, id, details);
    changed(ctx, studyId);
    return getStage(ctx.db, id)!;
  },

  'stage.move': ({ id, beforeId }, ctx) => {
    const studyId = studyOfStage(ctx, id);
    if (!moveStage(ctx.db, id, beforeId)) throw notFound('The stage to move before');
    changed(ctx, studyId);
    return listStages(ctx.db, studyId);
  },

  'stage.delete': ({ id, moveTo }, ctx) => {
    const studyId = studyOfStage(ctx, id);
    // Findings, board columns and the journey map are all laid out by stage.
    if (listStages(ctx.db, studyId).length <= 1) {
      throw new DomainError('conflict', 'A study keeps at least one journey stage: add another stage before removing this one.', 'last_stage');
    }
    if (moveTo !== null && (moveTo === id || stageStudyId(ctx.db, moveTo) !== studyId)) {
      throw new DomainError('conflict', 'Findings can only move to another stage of the same study.');
    }
    deleteStage(ctx.db, id, moveTo);
    changed(ctx, studyId);
    return { id };
  },

  'stage.addItem': ({ stageId, kind, name }, ctx) => {
    const studyId = studyOfStage(ctx, stageId);
    addStageItem(ctx.db, kind, studyId, stageId, name);
    changed(ctx, studyId);
    return getStage(ctx.db, stageId)!;
  },

  'stage.removeItem': ({ stageId, kind, itemId }, ctx) => {
    const studyId = studyOfStage(ctx, stageId);
    if (!removeStageItem(ctx.db, kind, stageId, itemId)) throw notFound(kind === 'touchpoint' ? 'The touchpoint' : 'The influencer');
    changed(ctx, studyId);
    return getStage(ctx.db, stageId)!;
  },
};
