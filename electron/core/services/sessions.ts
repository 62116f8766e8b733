// Use cases on interviews: the register of sessions, and the live session's timer
// and progress through its guide version. The timer lives in the database
// (accrued time plus the moment it last started), so a crash loses no time.
import { noteDocsOf } from '../notes/note-docs.js';
import { notesOfSession } from '../db/repos/note-log.js';
import type { SessionState, SessionSummary } from '../../../shared/api/sessions.js';
import { getParticipant, updateParticipant } from '../db/repos/participants.js';
import { loadSections, placeOfVersion } from '../db/repos/guides.js';
import { nowIso } from '../db/ids.js';
import { elapsedNow } from '../../../shared/sessionClock.js';
import {
  accountQuestion,
  activeSessions,
  createSession,
  deleteSession,
  getSession,
  listProgress,
  listSessions,
  setQuestionState,
  updateSessionInfo,
  updateTimer,
} from '../db/repos/sessions.js';
import { getStudy, touchStudy } from '../db/repos/studies.js';
import type { ServiceContext } from './context.js';
import { DomainError, notFound } from './errors.js';
import { publishWithChangeNote } from './guide.js';
import type { HandlerGroup } from './handler-types.js';
import { sessionDetail, sessionReport } from './session-read.js';

export function existingSession(ctx: ServiceContext, id: string): SessionSummary {
  const session = getSession(ctx.db, id);
  if (!session) throw notFound('The interview');
  return session;
}

function state(ctx: ServiceContext, id: string): SessionState {
  return { session: existingSession(ctx, id), progress: listProgress(ctx.db, id) };
}

function changed(ctx: ServiceContext, studyId: string): void {
  touchStudy(ctx.db, studyId);
  ctx.events.touch(studyId, 'session');
}

/** Closes the current question's stretch of time at session time `at`. */
function leaveQuestion(ctx: ServiceContext, session: SessionSummary, at: number): void {
  if (session.currentQuestionId) accountQuestion(ctx.db, session.id, session.currentQuestionId, at - session.questionEnteredMs);
}

function firstQuestion(ctx: ServiceContext, session: SessionSummary): string | null {
  if (!session.guideVersionId) return null;
  return loadSections(ctx.db, session.guideVersionId).flatMap((s) => s.questions)[0]?.id ?? null;
}

function assertLive(session: SessionSummary): void {
  if (session.status === 'completed' || session.status === 'missed') {
    throw new DomainError('conflict', 'This interview has ended.', 'session_ended');
  }
}

export const sessionHandlers: HandlerGroup<'session'> = {
  'session.list': ({ studyId }, ctx) => listSessions(ctx.db, studyId),
  'session.active': (_input, ctx) => activeSessions(ctx.db),

  'session.create': ({ studyId, participantId, guideVersionId, interviewer, scheduledAt, changeNote }, ctx) => {
    if (!getStudy(ctx.db, studyId)) throw notFound('The study');
    const participant = getParticipant(ctx.db, participantId);
    if (!participant || participant.studyId !== studyId) throw notFound('The participant');
    if (participant.withdrawnAt) throw new DomainError('conflict', 'This participant withdrew consent.', 'participant_withdrawn');
    if (guideVersionId) {
      const place = placeOfVersion(ctx.db, guideVersionId);
      if (!place || place.studyId !== studyId) throw notFound('The guide version');
      // A session records the exact guide it used, so that version must not change any more:
      // a draft is published here, under the same change-note rule as publishing by hand.
      if (!place.frozen) publishWithChangeNote(ctx, place, guideVersionId, changeNote ?? '');
    }
    const id = createSession(ctx.db, studyId, {
      participantId,
      guideVersionId,
      interviewer,
      status: 'planned',
      scheduledAt: scheduledAt ?? null,
    });
    if (participant.status === 'recruited') updateParticipant(ctx.db, participantId, { status: 'scheduled' });
    changed(ctx, studyId);
    return existingSession(ctx, id);
  },

  'session.update': ({ id, interviewer, scheduledAt, missed }, ctx) => {
    const session = existingSession(ctx, id);
    updateSessionInfo(ctx.db, id, { interviewer, scheduledAt });
    if (missed !== undefined) {
      if (missed && session.status !== 'planned') throw new DomainError('conflict', 'Only a planned interview can be marked as missed.', 'not_planned');
      if (missed || session.status === 'missed') {
        updateTimer(ctx.db, id, { status: missed ? 'missed' : 'planned' });
        // A participant already interviewed in another session stays interviewed.
        if (getParticipant(ctx.db, session.participantId)?.status !== 'interviewed') {
          updateParticipant(ctx.db, session.participantId, { status: missed ? 'no_show' : 'scheduled' });
        }
      }
    }
    changed(ctx, session.studyId);
    return existingSession(ctx, id);
  },

  'session.delete': ({ id }, ctx) => {
    const session = existingSession(ctx, id);
    if (session.status !== 'planned' && session.status !== 'missed') {
      throw new DomainError('conflict', 'An interview that has started keeps its notes; it cannot be deleted.', 'session_started');
    }
    deleteSession(ctx.db, id);
    changed(ctx, session.studyId);
    return { id };
  },

  'session.get': ({ id }, ctx) => sessionDetail(ctx, existingSession(ctx, id)),
  'session.report': ({ id }, ctx) => sessionReport(ctx, existingSession(ctx, id)),

  'session.start': ({ id }, ctx) => {
    const session = existingSession(ctx, id);
    assertLive(session);
    if (session.participantWithdrawn) throw new DomainError('conflict', 'This participant withdrew consent.', 'participant_withdrawn');
    if (session.status === 'planned') {
      const current = session.currentQuestionId ?? firstQuestion(ctx, session);
      updateTimer(ctx.db, id, {
        status: 'in_progress',
        startedAt: session.startedAt ?? nowIso(),
        runningSince: nowIso(),
        currentQuestionId: current,
        questionEnteredMs: session.elapsedMs,
      });
      changed(ctx, session.studyId);
    }
    return state(ctx, id);
  },

  'session.pause': ({ id }, ctx) => {
    const session = existingSession(ctx, id);
    if (session.status !== 'in_progress') return state(ctx, id);
    updateTimer(ctx.db, id, { status: 'paused', elapsedMs: elapsedNow(session), runningSince: null });
    changed(ctx, session.studyId);
    return state(ctx, id);
  },

  'session.resume': ({ id }, ctx) => {
    const session = existingSession(ctx, id);
    if (session.status !== 'paused') return state(ctx, id);
    updateTimer(ctx.db, id, { status: 'in_progress', runningSince: nowIso() });
    changed(ctx, session.studyId);
    return state(ctx, id);
  },

  'session.end': ({ id }, ctx) => {
    const session = existingSession(ctx, id);
    if (session.status === 'completed') return state(ctx, id);
    assertLive(session);
    if (session.status === 'planned') throw new DomainError('conflict', 'This interview has not started.', 'not_started');
    const at = elapsedNow(session);
    leaveQuestion(ctx, session, at);
    updateTimer(ctx.db, id, {
      status: 'completed',
      startedAt: session.startedAt ?? nowIso(),
      endedAt: nowIso(),
      elapsedMs: at,
      runningSince: null,
      questionEnteredMs: at,
    });
    // No one types into it live any more: each note's update log becomes one row.
    noteDocsOf(ctx.db).compactNow(notesOfSession(ctx.db, id));
    const participant = getParticipant(ctx.db, session.participantId);
    if (participant && !participant.withdrawnAt) updateParticipant(ctx.db, participant.id, { status: 'interviewed' });
    changed(ctx, session.studyId);
    return state(ctx, id);
  },

  'session.goto': ({ id, questionId }, ctx) => {
    const session = existingSession(ctx, id);
    if (questionId && session.guideVersionId) {
      const known = loadSections(ctx.db, session.guideVersionId).some((s) => s.questions.some((q) => q.id === questionId));
      if (!known) throw notFound('The question');
    }
    // Time is accounted only while the interview runs; afterwards moving around is reviewing.
    if (session.status === 'in_progress' || session.status === 'paused') {
      const at = elapsedNow(session);
      leaveQuestion(ctx, session, at);
      updateTimer(ctx.db, id, { currentQuestionId: questionId, questionEnteredMs: at });
    } else {
      updateTimer(ctx.db, id, { currentQuestionId: questionId });
    }
    return state(ctx, id);
  },

  'session.markQuestion': ({ id, questionId, state: mark }, ctx) => {
    const session = existingSession(ctx, id);
    const known = session.guideVersionId && loadSections(ctx.db, session.guideVersionId).some((s) => s.questions.some((q) => q.id === questionId));
    if (!known) throw notFound('The question');
    setQuestionState(ctx.db, session.id, questionId, mark);
    return state(ctx, id);
  },
};
