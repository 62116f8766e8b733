// Use cases on personas: create one for a segment or for hand-picked participants,
// fill its fields and lists, cite findings as evidence, and suggest evidence from
// the board. Every change marks the persona updated (the PERSONAL "long-lived" check).
import type { PersonaMembers, SegmentFilter } from '../../../shared/api/personas.js';
import { inSegment } from '../../../shared/segment.js';
import { linkEvidence, unlinkEvidence } from '../db/repos/evidence.js';
import { listParticipants } from '../db/repos/participants.js';
import { deletePersonaItem, itemPlace, movePersonaItem, updatePersonaItemText } from '../db/repos/persona-items.js';
import {
  addPersonaItem,
  createPersona,
  deletePersona,
  movePersona,
  setPersonaMembers,
  touchPersona,
  updatePersonaFields,
} from '../db/repos/personas.js';
import { getStudy, touchStudy } from '../db/repos/studies.js';
import { assertCitable } from './citable.js';
import type { ServiceContext } from './context.js';
import { DomainError, notFound } from './errors.js';
import { checkEdit } from './edit-base.js';
import type { HandlerGroup } from './handler-types.js';
import { listPersonaSummaries, loadPersona, requirePersona } from './persona-read.js';
import { suggestEvidence } from './persona-suggest.js';

function changed(ctx: ServiceContext, studyId: string): void {
  touchStudy(ctx.db, studyId);
  ctx.events.touch(studyId, 'persona');
}

/** The participants a persona will stand for; only the study's participants who have not withdrawn. */
function resolveMembers(ctx: ServiceContext, studyId: string, members: PersonaMembers): { segment: SegmentFilter | null; ids: string[] } {
  const active = listParticipants(ctx.db, studyId).filter((p) => p.withdrawnAt === null);
  if (members.kind === 'segment') {
    return { segment: members.segment, ids: active.filter((p) => inSegment(p, members.segment)).map((p) => p.id) };
  }
  const known = new Set(active.map((p) => p.id));
  const ids = [...new Set(members.participantIds)];
  if (ids.some((id) => !known.has(id))) {
    throw new DomainError('not_found', 'A participant was not found in this study, or has withdrawn consent.', 'participant_unavailable');
  }
  return { segment: null, ids };
}

function requireItem(ctx: ServiceContext, itemId: string) {
  const place = itemPlace(ctx.db, itemId);
  if (!place) throw notFound('The persona statement');
  return place;
}

/** Records a change to a persona's content, then answers with the persona as it is now. */
function afterItemChange(ctx: ServiceContext, place: { personaId: string; studyId: string }) {
  touchPersona(ctx.db, place.personaId);
  changed(ctx, place.studyId);
  return loadPersona(ctx, place.personaId);
}

export const personaHandlers: Omit<HandlerGroup<'persona'>, 'persona.export' | 'persona.exportAll'> = {
  'persona.list': ({ studyId }, ctx) => {
    if (!getStudy(ctx.db, studyId)) throw notFound('The study');
    return listPersonaSummaries(ctx, studyId);
  },

  'persona.get': ({ id }, ctx) => loadPersona(ctx, id),

  'persona.create': ({ studyId, name, members, fields }, ctx) => {
    if (!getStudy(ctx.db, studyId)) throw notFound('The study');
    const { segment, ids } = resolveMembers(ctx, studyId, members);
    const id = createPersona(ctx.db, studyId, { ...fields, name, segment, participantIds: ids });
    changed(ctx, studyId);
    return loadPersona(ctx, id);
  },

  'persona.update': ({ id, fields, members, basedOn }, ctx) => {
    const row = requirePersona(ctx, id);
    checkEdit(ctx, { table: 'persona', id }, ['name', 'age', 'occupation', 'income', 'description'], row, basedOn, fields ?? {});
    if (fields) updatePersonaFields(ctx.db, id, fields);
    if (members) {
      const { segment, ids } = resolveMembers(ctx, row.study_id, members);
      setPersonaMembers(ctx.db, id, segment, ids);
    }
    changed(ctx, row.study_id);
    return loadPersona(ctx, id);
  },

  'persona.move': ({ id, beforeId }, ctx) => {
    const row = requirePersona(ctx, id);
    if (!movePersona(ctx.db, id, row.study_id, beforeId)) throw notFound('The persona to place before');
    changed(ctx, row.study_id);
    return listPersonaSummaries(ctx, row.study_id);
  },

  'persona.delete': ({ id }, ctx) => {
    const row = requirePersona(ctx, id);
    deletePersona(ctx.db, id);
    changed(ctx, row.study_id);
    return { id };
  },

  'persona.addItem': ({ personaId, list, text, evidence }, ctx) => {
    const row = requirePersona(ctx, personaId);
    assertCitable(ctx, row.study_id, evidence ?? []);
    addPersonaItem(ctx.db, personaId, list, text, evidence ?? []);
    return afterItemChange(ctx, { personaId, studyId: row.study_id });
  },

  'persona.updateItem': ({ itemId, text, basedOn }, ctx) => {
    const place = requireItem(ctx, itemId);
    checkEdit(ctx, { table: 'persona_item', id: itemId }, ['text'], ctx.db.prepare('SELECT text FROM persona_item WHERE id = ?').get(itemId) as { text: string }, basedOn, { text });
    updatePersonaItemText(ctx.db, itemId, text);
    return afterItemChange(ctx, place);
  },

  'persona.moveItem': ({ itemId, list, beforeId }, ctx) => {
    const place = requireItem(ctx, itemId);
    if (!movePersonaItem(ctx.db, itemId, place.personaId, list, beforeId)) throw notFound('The statement to place before');
    return afterItemChange(ctx, place);
  },

  'persona.deleteItem': ({ itemId }, ctx) => {
    const place = requireItem(ctx, itemId);
    deletePersonaItem(ctx.db, itemId);
    return afterItemChange(ctx, place);
  },

  'persona.linkEvidence': ({ itemId, findingIds }, ctx) => {
    const place = requireItem(ctx, itemId);
    assertCitable(ctx, place.studyId, findingIds);
    linkEvidence(ctx.db, 'persona_item_evidence', itemId, findingIds);
    return afterItemChange(ctx, place);
  },

  'persona.unlinkEvidence': ({ itemId, findingId }, ctx) => {
    const place = requireItem(ctx, itemId);
    if (!unlinkEvidence(ctx.db, 'persona_item_evidence', itemId, findingId)) throw notFound('The cited finding');
    return afterItemChange(ctx, place);
  },

  'persona.suggest': ({ personaId, list, limit }, ctx) => {
    requirePersona(ctx, personaId);
    return suggestEvidence(ctx.db, personaId, list, limit);
  },
};
