// Findings marked during or after an interview: a note paragraph (or selected text)
// typed as touchpoint, influencer, pain point... with a stage, TERMS kinds and tags,
// keeping its link to the paragraph, question, session and participant.
import type { Finding } from '../../../shared/api/sessions.js';
import { scrubResults } from '../db/repos/change-log.js';
import { applyListIntent } from '../../../shared/listIntent.js';
import { PAIN_KINDS } from '../../../shared/domain.js';
import { changeFindingTags, createFinding, deleteFinding, getFinding, setFindingTags, updateFinding } from '../db/repos/findings.js';
import { loadSections } from '../db/repos/guides.js';
import { listStages } from '../db/repos/stages.js';
import { getTag } from '../db/repos/tags.js';
import { touchStudy } from '../db/repos/studies.js';
import type { ServiceContext } from './context.js';
import { notFound } from './errors.js';
import { checkEdit } from './edit-base.js';
import type { HandlerGroup } from './handler-types.js';
import { existingSession } from './sessions.js';

function existing(ctx: ServiceContext, id: string): Finding {
  const finding = getFinding(ctx.db, id);
  if (!finding) throw notFound('The finding');
  return finding;
}

function assertStage(ctx: ServiceContext, studyId: string, stageId: string | null | undefined): void {
  if (stageId && !listStages(ctx.db, studyId).some((s) => s.id === stageId)) throw notFound('The journey stage');
}

function assertTags(ctx: ServiceContext, studyId: string, tagIds: readonly string[] | undefined): void {
  for (const id of tagIds ?? []) {
    const tag = getTag(ctx.db, id);
    if (!tag || tag.studyId !== studyId || tag.deletedAt) throw notFound('The tag');
  }
}

function changed(ctx: ServiceContext, studyId: string): void {
  touchStudy(ctx.db, studyId);
  ctx.events.touch(studyId, 'finding');
}

export const findingHandlers: HandlerGroup<'finding'> = {
  'finding.create': ({ sessionId, questionId, paragraphKey, text, type, fields }, ctx) => {
    const session = existingSession(ctx, sessionId);
    const question = questionId && session.guideVersionId
      ? loadSections(ctx.db, session.guideVersionId).flatMap((s) => s.questions).find((q) => q.id === questionId)
      : undefined;
    if (questionId && !question) throw notFound('The question');
    assertStage(ctx, session.studyId, fields?.stageId);
    assertTags(ctx, session.studyId, fields?.tagIds);
    const note = ctx.db
      .prepare("SELECT id FROM note WHERE session_id = ? AND ifnull(question_id, '') = ifnull(?, '')")
      .get(sessionId, questionId) as { id: string } | undefined;
    const id = createFinding(ctx.db, session.studyId, {
      text: fields?.text ?? text,
      type: fields?.type ?? type,
      // A finding is filed under its question's stage unless the researcher says otherwise.
      stageId: fields?.stageId === undefined ? (question?.stageId ?? null) : fields.stageId,
      terms: fields?.terms ?? [],
      sessionId,
      participantId: session.participantId,
      noteId: note?.id ?? null,
      questionId,
      paragraphKey,
      tagIds: fields?.tagIds ?? [],
    });
    changed(ctx, session.studyId);
    return existing(ctx, id);
  },

  'finding.update': ({ id, fields, basedOn }, ctx) => {
    const finding = existing(ctx, id);
    checkEdit(ctx, { table: 'finding', id }, ['text'], finding, basedOn, fields);
    const { addTerms, removeTerms, addTags, removeTags, ...whole } = fields;
    assertStage(ctx, finding.studyId, whole.stageId);
    assertTags(ctx, finding.studyId, whole.tagIds);
    assertTags(ctx, finding.studyId, addTags);
    // TERMS toggled as intents apply to the finding as it is now, not as the caller last saw it.
    const terms = addTerms || removeTerms ? applyListIntent(whole.terms ?? finding.terms, addTerms, removeTerms, PAIN_KINDS) : whole.terms;
    updateFinding(ctx.db, id, { ...whole, ...(terms ? { terms } : {}) });
    if (whole.tagIds) setFindingTags(ctx.db, id, whole.tagIds);
    if (addTags || removeTags) changeFindingTags(ctx.db, id, addTags ?? [], removeTags ?? []);
    changed(ctx, finding.studyId);
    return existing(ctx, id);
  },

  'finding.delete': ({ id }, ctx) => {
    const finding = existing(ctx, id);
    deleteFinding(ctx.db, id);
    // Answers kept for retried writes may hold its text: forgotten with it.
    scrubResults(ctx.db, finding.studyId);
    changed(ctx, finding.studyId);
    return { id };
  },
};
