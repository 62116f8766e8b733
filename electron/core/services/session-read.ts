// Read models of one interview: everything the interview screen needs at once, and
// the end-of-session report (coverage of the guide, findings by stage and TERMS).
import { PAIN_KINDS, FINDING_TYPES } from '../../../shared/domain.js';
import type { SessionDetail, SessionReport, SessionSummary } from '../../../shared/api/sessions.js';
import { listSessionFindings } from '../db/repos/findings.js';
import { loadGuideDocument, loadSections, placeOfVersion } from '../db/repos/guides.js';
import { getParticipant } from '../db/repos/participants.js';
import { listNotes, listProgress, listSessions } from '../db/repos/sessions.js';
import { getStudy } from '../db/repos/studies.js';
import type { ServiceContext } from './context.js';
import { notFound } from './errors.js';

export function sessionDetail(ctx: ServiceContext, session: SessionSummary): SessionDetail {
  const participant = getParticipant(ctx.db, session.participantId);
  if (!participant) throw notFound('The participant');
  const place = session.guideVersionId ? placeOfVersion(ctx.db, session.guideVersionId) : undefined;
  const guide = place ? loadGuideDocument(ctx.db, place.guideId, place.versionId) : undefined;
  return {
    session,
    participant: { id: participant.id, code: participant.code, source: participant.source },
    guide: guide ? { versionId: guide.version.id, number: guide.version.number, title: guide.title, sections: guide.sections } : null,
    progress: listProgress(ctx.db, session.id),
    notes: listNotes(ctx.db, session.id),
    findings: listSessionFindings(ctx.db, session.id),
  };
}

export function sessionReport(ctx: ServiceContext, session: SessionSummary): SessionReport {
  const questions = session.guideVersionId ? loadSections(ctx.db, session.guideVersionId).flatMap((s) => s.questions) : [];
  const progress = listProgress(ctx.db, session.id);
  const findings = listSessionFindings(ctx.db, session.id);
  const count = <K>(keys: readonly K[], of: (k: K) => number) => keys.map((k) => ({ k, n: of(k) }));
  const stageIds = [...new Set(findings.map((f) => f.stageId))];
  const pains = findings.filter((f) => f.type === 'pain_point' || f.terms.length > 0);
  const study = getStudy(ctx.db, session.studyId);
  return {
    durationMs: session.elapsedMs,
    questions: questions.length,
    asked: progress.filter((p) => p.state === 'asked').length,
    skipped: progress.filter((p) => p.state === 'skipped').length,
    findings: findings.length,
    byStage: count(stageIds, (s) => findings.filter((f) => f.stageId === s).length).map(({ k, n }) => ({ stageId: k, count: n })),
    byTerms: count(PAIN_KINDS, (k) => findings.filter((f) => f.terms.includes(k)).length).map(({ k, n }) => ({ kind: k, count: n })),
    byType: count(FINDING_TYPES, (t) => findings.filter((f) => f.type === t).length)
      .filter(({ n }) => n > 0)
      .map(({ k, n }) => ({ type: k, count: n })),
    matrix: stageIds.flatMap((stageId) =>
      PAIN_KINDS.map((kind) => ({
        stageId,
        kind,
        count: pains.filter((f) => f.stageId === stageId && f.terms.includes(kind)).length,
      })),
    ),
    completedInStudy: listSessions(ctx.db, session.studyId).filter((s) => s.status === 'completed').length,
    plannedInStudy: study?.plannedInterviews ?? 0,
  };
}
