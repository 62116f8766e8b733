// Use cases on participants: create, edit, consent and its withdrawal, delete.
import type { Participant } from '../../../shared/api/participants.js';
import { scrubResults } from '../db/repos/change-log.js';
import {
  createParticipant,
  deleteParticipant,
  getParticipant,
  listParticipants,
  participantCodes,
  setWithdrawn,
  updateParticipant,
} from '../db/repos/participants.js';
import { getStudy, touchStudy } from '../db/repos/studies.js';
import type { ServiceContext } from './context.js';
import { DomainError, notFound } from './errors.js';
import { checkEdit } from './edit-base.js';
import type { HandlerGroup } from './handler-types.js';
import { importHandlers } from './participant-import.js';

function existing(ctx: ServiceContext, id: string): Participant {
  const participant = getParticipant(ctx.db, id);
  if (!participant) throw notFound('The participant');
  return participant;
}

function assertCodeFree(ctx: ServiceContext, studyId: string, code: string, exceptId: string | null): void {
  if (participantCodes(ctx.db, studyId, exceptId).has(code.toLowerCase())) {
    throw new DomainError('conflict', `The code ${code} is already used by another participant in this study.`, 'code_taken');
  }
}

export function participantsChanged(ctx: ServiceContext, studyId: string): void {
  touchStudy(ctx.db, studyId);
  ctx.events.touch(studyId, 'participant');
}

export const participantHandlers: HandlerGroup<'participant'> = {
  'participant.list': ({ studyId }, ctx) => listParticipants(ctx.db, studyId),

  'participant.create': ({ studyId, fields }, ctx) => {
    if (!getStudy(ctx.db, studyId)) throw notFound('The study');
    assertCodeFree(ctx, studyId, fields.code, null);
    const id = createParticipant(ctx.db, studyId, fields);
    participantsChanged(ctx, studyId);
    return existing(ctx, id);
  },

  'participant.update': ({ id, fields, basedOn }, ctx) => {
    const participant = existing(ctx, id);
    checkEdit(ctx, { table: 'participant', id }, ['code', 'realName', 'contact', 'consentScope', 'source', 'status'], participant, basedOn, fields);
    if (fields.code !== undefined) assertCodeFree(ctx, participant.studyId, fields.code, id);
    updateParticipant(ctx.db, id, fields);
    participantsChanged(ctx, participant.studyId);
    return existing(ctx, id);
  },

  'participant.setWithdrawn': ({ id, withdrawn }, ctx) => {
    const participant = existing(ctx, id);
    setWithdrawn(ctx.db, id, withdrawn);
    // Answers kept for retried writes may quote them: forgotten at once, with the rest.
    if (withdrawn) scrubResults(ctx.db, participant.studyId);
    participantsChanged(ctx, participant.studyId);
    return existing(ctx, id);
  },

  'participant.delete': ({ id }, ctx) => {
    const participant = existing(ctx, id);
    if (participant.sessionCount > 0) {
      throw new DomainError(
        'conflict',
        'This participant has interviews, so deleting would lose their notes. Withdraw their consent instead: their data then leaves every board, analysis and export.',
        'has_interviews',
      );
    }
    deleteParticipant(ctx.db, id);
    scrubResults(ctx.db, participant.studyId);
    participantsChanged(ctx, participant.studyId);
    return { id };
  },

  ...importHandlers,
};
