// Use cases on the interview guide: create it (blank, from a template in the study's
// language, or as a copy of another study's guide), edit sections and questions,
// reorder them, publish versions with a change note, and export the hand card.
import fs from 'node:fs';
import path from 'node:path';
import type { GuideDocument } from '../../../shared/api/guide.js';
import { DEFAULT_PROBES, GuideTemplate } from '../../../shared/guide-template.js';
import type { StudyLanguage } from '../../../shared/domain.js';
import {
  addQuestion,
  addSection,
  copyVersionContent,
  createGuide,
  createVersion,
  deleteQuestion,
  deleteSection,
  guideIdForStudy,
  listVersions,
  loadGuideDocument,
  moveQuestion,
  moveSection,
  placeOfQuestion,
  placeOfSection,
  placeOfVersion,
  publishVersion,
  renameGuide,
  stageOfSection,
  updateQuestion,
  updateSection,
  type GuidePlace,
} from '../db/repos/guides.js';
import { listStages } from '../db/repos/stages.js';
import { getStudy, touchStudy } from '../db/repos/studies.js';
import type { ServiceContext } from './context.js';
import { DomainError, notFound } from './errors.js';
import { checkEdit } from './edit-base.js';
import { exportGuide } from './guide-export.js';
import type { HandlerGroup } from './handler-types.js';

const BLANK_TITLE: Record<StudyLanguage, string> = { en: 'Interview guide', 'zh-Hans': '访谈提纲', 'zh-Hant': '訪談大綱' };

export function readTemplate(resourcesDir: string, language: StudyLanguage): GuideTemplate {
  const file = path.join(resourcesDir, 'guide-templates', `customer-journey.${language}.json`);
  return GuideTemplate.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

function documentOf(ctx: ServiceContext, guideId: string, versionId?: string): GuideDocument {
  const doc = loadGuideDocument(ctx.db, guideId, versionId);
  if (!doc) throw notFound('The guide');
  return doc;
}

/** Edits are allowed only on a draft: a published version is what sessions used. */
function editable(place: GuidePlace | undefined, what: string): GuidePlace {
  if (!place) throw notFound(what);
  if (place.frozen) {
    throw new DomainError('conflict', 'This version is published and stays as it was; start a new version to change the guide.', 'version_published');
  }
  return place;
}

function changed(ctx: ServiceContext, place: { studyId: string; guideId: string; versionId: string }): GuideDocument {
  touchStudy(ctx.db, place.studyId);
  ctx.events.touch(place.studyId, 'guide');
  return documentOf(ctx, place.guideId, place.versionId);
}

/** Fills a fresh version from a template, tying questions to the study's stages by their default key. */
/**
 * Freezes a draft version. v1 is the starting point; every later version must say what
 * changed, so the team can tell which interviews were asked what. Also used when an
 * interview is planned on a draft, which publishes it.
 */
export function publishWithChangeNote(ctx: ServiceContext, place: GuidePlace, versionId: string, changeNote: string): void {
  const note = changeNote.trim();
  const number = listVersions(ctx.db, place.guideId).find((v) => v.id === versionId)?.number ?? 1;
  if (number > 1 && note === '') {
    throw new DomainError('conflict', `Publishing v${number} needs a change note: say what changed since the previous version, and why.`, 'change_note_required');
  }
  publishVersion(ctx.db, versionId, note);
}

function fillFromTemplate(ctx: ServiceContext, studyId: string, versionId: string, template: GuideTemplate): void {
  const stageByKey = new Map(listStages(ctx.db, studyId).flatMap((s) => (s.defaultKey ? [[s.defaultKey, s.id] as const] : [])));
  for (const section of template.sections) {
    const sectionId = addSection(ctx.db, versionId, section.title);
    for (const q of section.questions) {
      addQuestion(ctx.db, sectionId, {
        text: q.text,
        purpose: q.purpose,
        stageId: q.stage ? (stageByKey.get(q.stage) ?? null) : null,
        keywords: q.keywords,
        probes: q.probes,
        timeBudgetSec: q.timeBudgetMinutes * 60,
      });
    }
  }
}

/** Maps another study's stages onto this study's by default key, then by name. */
function stageMapping(ctx: ServiceContext, fromStudyId: string, toStudyId: string): Map<string, string> {
  const target = listStages(ctx.db, toStudyId);
  const map = new Map<string, string>();
  for (const stage of listStages(ctx.db, fromStudyId)) {
    const match =
      target.find((t) => stage.defaultKey && t.defaultKey === stage.defaultKey) ??
      target.find((t) => t.name.toLowerCase() === stage.name.toLowerCase());
    if (match) map.set(stage.id, match.id);
  }
  return map;
}

export const guideHandlers: HandlerGroup<'guide'> = {
  'guide.get': ({ studyId, versionId }, ctx) => {
    const guideId = guideIdForStudy(ctx.db, studyId);
    if (!guideId) return null;
    return documentOf(ctx, guideId, versionId);
  },

  'guide.create': ({ studyId, source }, ctx) => {
    const study = getStudy(ctx.db, studyId);
    if (!study) throw notFound('The study');
    if (guideIdForStudy(ctx.db, studyId)) throw new DomainError('conflict', 'This study already has a guide.', 'guide_exists');
    if (source.kind === 'template') {
      const template = readTemplate(ctx.resourcesDir, source.language);
      const { guideId, versionId } = createGuide(ctx.db, studyId, template.title);
      fillFromTemplate(ctx, studyId, versionId, template);
      return changed(ctx, { studyId, guideId, versionId });
    }
    if (source.kind === 'study') {
      const fromGuide = guideIdForStudy(ctx.db, source.studyId);
      const from = fromGuide && loadGuideDocument(ctx.db, fromGuide);
      if (!from) throw notFound('The other study’s guide');
      const { guideId, versionId } = createGuide(ctx.db, studyId, from.title);
      copyVersionContent(ctx.db, from.version.id, versionId, stageMapping(ctx, source.studyId, studyId));
      return changed(ctx, { studyId, guideId, versionId });
    }
    const { guideId, versionId } = createGuide(ctx.db, studyId, BLANK_TITLE[study.language]);
    return changed(ctx, { studyId, guideId, versionId });
  },

  'guide.rename': ({ guideId, title, basedOn }, ctx) => {
    const doc = documentOf(ctx, guideId);
    checkEdit(ctx, { table: 'guide', id: guideId }, ['title'], doc, basedOn, { title });
    renameGuide(ctx.db, guideId, title);
    return changed(ctx, { studyId: doc.studyId, guideId, versionId: doc.version.id });
  },

  'guide.newVersion': ({ guideId }, ctx) => {
    const latest = documentOf(ctx, guideId);
    if (!latest.version.publishedAt) throw new DomainError('conflict', 'The newest version is still a draft: edit it, or publish it first.', 'draft_exists');
    const versionId = createVersion(ctx.db, guideId);
    copyVersionContent(ctx.db, latest.version.id, versionId);
    return changed(ctx, { studyId: latest.studyId, guideId, versionId });
  },

  'guide.publish': ({ versionId, changeNote }, ctx) => {
    const place = editable(placeOfVersion(ctx.db, versionId), 'The guide version');
    publishWithChangeNote(ctx, place, versionId, changeNote);
    return changed(ctx, place);
  },

  'guide.addSection': ({ versionId, title }, ctx) => {
    const place = editable(placeOfVersion(ctx.db, versionId), 'The guide version');
    addSection(ctx.db, versionId, title);
    return changed(ctx, place);
  },

  'guide.updateSection': ({ sectionId, title, basedOn }, ctx) => {
    const place = editable(placeOfSection(ctx.db, sectionId), 'The section');
    checkEdit(ctx, { table: 'guide_section', id: sectionId }, ['title'], ctx.db.prepare('SELECT title FROM guide_section WHERE id = ?').get(sectionId) as { title: string }, basedOn, { title });
    updateSection(ctx.db, sectionId, title);
    return changed(ctx, place);
  },

  'guide.moveSection': ({ sectionId, beforeId }, ctx) => {
    const place = editable(placeOfSection(ctx.db, sectionId), 'The section');
    if (!moveSection(ctx.db, sectionId, place.versionId, beforeId)) throw notFound('The section to move before');
    return changed(ctx, place);
  },

  'guide.deleteSection': ({ sectionId }, ctx) => {
    const place = editable(placeOfSection(ctx.db, sectionId), 'The section');
    deleteSection(ctx.db, sectionId);
    return changed(ctx, place);
  },

  'guide.addQuestion': ({ sectionId, fields }, ctx) => {
    const place = editable(placeOfSection(ctx.db, sectionId), 'The section');
    assertStage(ctx, place.studyId, fields.stageId);
    // Omitted probes mean the default do/think/feel/why in the study's language; an empty list means none.
    const language = getStudy(ctx.db, place.studyId)?.language ?? 'en';
    // An omitted stage means the stage of the section it is added to (null stays "no stage").
    const stageId = fields.stageId === undefined ? stageOfSection(ctx.db, sectionId) : fields.stageId;
    addQuestion(ctx.db, sectionId, { ...fields, stageId, probes: fields.probes ?? [...DEFAULT_PROBES[language]] });
    return changed(ctx, place);
  },

  'guide.updateQuestion': ({ questionId, fields, basedOn }, ctx) => {
    const place = editable(placeOfQuestion(ctx.db, questionId), 'The question');
    const question = ctx.db.prepare('SELECT text, purpose FROM guide_question WHERE id = ?').get(questionId) as { text: string; purpose: string };
    checkEdit(ctx, { table: 'guide_question', id: questionId }, ['text', 'purpose'], question, basedOn, fields);
    assertStage(ctx, place.studyId, fields.stageId);
    updateQuestion(ctx.db, questionId, fields);
    return changed(ctx, place);
  },

  'guide.moveQuestion': ({ questionId, sectionId, beforeId }, ctx) => {
    const place = editable(placeOfQuestion(ctx.db, questionId), 'The question');
    const target = placeOfSection(ctx.db, sectionId);
    if (!target || target.versionId !== place.versionId) throw notFound('The section to move into');
    if (!moveQuestion(ctx.db, questionId, sectionId, beforeId)) throw notFound('The question to move before');
    return changed(ctx, place);
  },

  'guide.deleteQuestion': ({ questionId }, ctx) => {
    const place = editable(placeOfQuestion(ctx.db, questionId), 'The question');
    deleteQuestion(ctx.db, questionId);
    return changed(ctx, place);
  },

  'guide.export': exportGuide,
};

function assertStage(ctx: ServiceContext, studyId: string, stageId: string | null | undefined): void {
  if (!stageId) return;
  if (!listStages(ctx.db, studyId).some((s) => s.id === stageId)) throw notFound('The journey stage');
}
