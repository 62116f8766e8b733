// Builds the whole-study document from the library for the Markdown export, with the
// document options applied (see document-env.ts): participants by code, real names
// in typed text replaced by codes unless asked for, withdrawn participants absent
// (every read goes through the active_* views or drops them), default stage names in
// the study's language, and the personas and journey map as their own documents.
import type { DocumentOptions } from '../../../shared/api/documents.js';
import type { Attributes } from '../../../shared/api/participants.js';
import { SEGMENT_DIMENSIONS, type SessionStatus } from '../../../shared/domain.js';
import type { StudyDocument, StudyDocumentGuide, StudyDocumentInterview } from '../../../shared/export/study-document.js';
import { msToClock } from '../../../shared/notes.js';
import { stageDisplayName } from '../../../shared/stage-names.js';
import { paragraphsOf } from '../archive/study-rows.js';
import { loadCards, loadGroups, loadLinks, loadThemes } from '../db/repos/board-read.js';
import { guideIdForStudy, loadGuideDocument, loadSections } from '../db/repos/guides.js';
import { studyJourneyMapRow } from '../db/repos/journey.js';
import { listParticipants } from '../db/repos/participants.js';
import { listPersonaRows } from '../db/repos/personas.js';
import { listStages } from '../db/repos/stages.js';
import type { ServiceContext } from './context.js';
import { documentEnv, type DocumentEnv } from './document-env.js';
import { journeyDocument } from './journey-document.js';
import { personaDocument } from './persona-document.js';

function segmentsOf(attributes: Attributes, env: DocumentEnv): string[] {
  return SEGMENT_DIMENSIONS.flatMap((d) => Object.entries(attributes[d] ?? {}).map(([name, value]) => `${env.text(name)}${env.labels.colon}${env.text(value)}`));
}

function guideOf(ctx: ServiceContext, studyId: string, env: DocumentEnv, stageName: (id: string | null) => string | null): StudyDocumentGuide | null {
  const guideId = guideIdForStudy(ctx.db, studyId);
  const doc = guideId ? loadGuideDocument(ctx.db, guideId) : undefined;
  if (!doc) return null;
  return {
    title: env.text(doc.title),
    version: doc.version.number,
    publishedAt: doc.version.publishedAt,
    sections: doc.sections.map((s) => ({
      title: env.text(s.title),
      questions: s.questions.map((q) => ({ text: env.text(q.text), stage: stageName(q.stageId), keywords: q.keywords.map(env.text), probes: q.probes.map(env.text) })),
    })),
  };
}

interface SessionRow {
  id: string;
  code: string;
  interviewer: string;
  status: SessionStatus;
  date: string | null;
  guide_version_id: string | null;
}

function interviewsOf(ctx: ServiceContext, studyId: string, env: DocumentEnv): StudyDocumentInterview[] {
  const { db } = ctx;
  const sessions = db
    .prepare(
      `SELECT s.id, p.code, s.interviewer, s.status, coalesce(s.started_at, s.scheduled_at) AS date, s.guide_version_id
       FROM session s JOIN active_participant p ON p.id = s.participant_id
       WHERE s.study_id = ? ORDER BY coalesce(s.started_at, s.scheduled_at, s.created_at), s.rowid`,
    )
    .all(studyId) as SessionRow[];
  const questionText = new Map(
    (db
      .prepare(
        `SELECT q.id, q.text FROM guide_question q JOIN guide_section sec ON sec.id = q.section_id
         JOIN guide_version v ON v.id = sec.guide_version_id JOIN guide g ON g.id = v.guide_id WHERE g.study_id = ?`,
      )
      .all(studyId) as Array<{ id: string; text: string }>).map((q) => [q.id, q.text]),
  );
  const orderOf = new Map<string, string[]>();
  const questionOrder = (versionId: string | null) => {
    if (versionId === null) return [];
    if (!orderOf.has(versionId)) orderOf.set(versionId, loadSections(db, versionId).flatMap((s) => s.questions.map((q) => q.id)));
    return orderOf.get(versionId)!;
  };
  const notesOf = db.prepare('SELECT question_id AS questionId, content FROM note WHERE session_id = ?');
  return sessions.map((s) => {
    const order = questionOrder(s.guide_version_id);
    // In the order of the guide the interview used; questions from elsewhere after, the free notes last.
    const rank = (q: string | null) => (q === null ? Number.MAX_SAFE_INTEGER : order.indexOf(q) === -1 ? order.length : order.indexOf(q));
    const notes = (notesOf.all(s.id) as Array<{ questionId: string | null; content: string }>)
      .sort((a, b) => rank(a.questionId) - rank(b.questionId))
      .map((n) => {
        let content: unknown = null;
        try {
          content = JSON.parse(n.content);
        } catch {
          // A damaged note shows as empty rather than failing the whole document.
        }
        const paragraphs = paragraphsOf(content)
          .filter((p) => p.text.trim() !== '')
          .map((p) => ({ at: p.atMs === null ? null : msToClock(p.atMs), text: env.text(p.text) }));
        return { question: n.questionId === null ? null : env.text(questionText.get(n.questionId) ?? ''), paragraphs };
      })
      .filter((n) => n.paragraphs.length > 0);
    return { participant: s.code, interviewer: env.text(s.interviewer), status: s.status, date: s.date, notes };
  });
}

export function studyDocument(ctx: ServiceContext, studyId: string, includeRealNames: boolean): StudyDocument {
  const { db } = ctx;
  const options: DocumentOptions = { footnotes: false, hideRealNames: !includeRealNames };
  const env = documentEnv(ctx, studyId, options);
  const { study } = env;
  const stages = listStages(db, studyId);
  const stageNames = new Map(stages.map((s) => [s.id, env.text(stageDisplayName(s, study.language))]));
  const stageName = (id: string | null) => (id === null ? null : (stageNames.get(id) ?? null));

  const cards = loadCards(db, studyId);
  const tagNames = new Map((db.prepare('SELECT id, name FROM tag WHERE study_id = ?').all(studyId) as Array<{ id: string; name: string }>).map((t) => [t.id, env.text(t.name)]));
  const groups = loadGroups(db, studyId);
  const themes = loadThemes(db, studyId);
  const groupName = new Map(groups.map((g) => [g.id, env.text(g.name)]));
  const themeName = new Map(themes.map((t) => [t.id, env.text(t.name)]));
  const endName = (end: { kind: 'group' | 'theme'; id: string }) => (end.kind === 'group' ? groupName : themeName).get(end.id) ?? '';
  const journeyMap = studyJourneyMapRow(db, studyId);

  return {
    language: study.language,
    name: env.text(study.name),
    goal: env.text(study.goal),
    product: env.text(study.product),
    plannedInterviews: study.plannedInterviews,
    stages: stages.map((s) => ({
      name: stageNames.get(s.id)!,
      description: env.text(s.description),
      informationNeeds: env.text(s.informationNeeds),
      touchpoints: s.touchpoints.map((t) => env.text(t.name)),
      influencers: s.influencers.map((i) => env.text(i.name)),
    })),
    participants: listParticipants(db, studyId)
      .filter((p) => p.withdrawnAt === null)
      .map((p) => ({
        code: p.code,
        realName: includeRealNames && p.realName.trim() ? p.realName : null,
        source: p.source,
        status: p.status,
        segments: segmentsOf(p.attributes, env),
        consentDate: p.consentDate,
      })),
    guide: guideOf(ctx, studyId, env, stageName),
    interviews: interviewsOf(ctx, studyId, env),
    findings: [...stages.map((s) => s.id), null].map((stageId) => ({
      stage: stageName(stageId),
      items: cards
        .filter((c) => c.stageId === stageId)
        .map((c) => ({
          text: env.text(c.text),
          type: c.type,
          terms: c.terms,
          tags: c.tagIds.flatMap((id) => tagNames.get(id) ?? []),
          participant: env.participant(c.participantCode),
        })),
    })),
    board: {
      groups: groups.map((g) => ({ stage: stageName(g.stageId), name: groupName.get(g.id)!, findings: cards.filter((c) => c.groupId === g.id).length, theme: g.themeId ? (themeName.get(g.themeId) ?? null) : null })),
      themes: themes.map((t) => ({ name: themeName.get(t.id)!, groups: groups.filter((g) => g.themeId === t.id).map((g) => groupName.get(g.id)!) })),
      links: loadLinks(db, studyId).map((k) => ({ from: endName(k.from), to: endName(k.to), label: env.text(k.label) })),
    },
    personas: personaDocument(ctx, studyId, listPersonaRows(db, studyId).map((p) => p.id), options),
    journey: journeyMap ? journeyDocument(ctx, journeyMap.id, options) : null,
  };
}
