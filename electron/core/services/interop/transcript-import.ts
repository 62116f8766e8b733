// Imports existing interview material as a completed session: the preview reads the
// file and shows what will be stored (nothing is written); the import reads it again,
// takes a safety snapshot, and writes the session, its notes and the participant's
// status in one transaction, or nothing. The paragraphs go to the session's free
// "other" notes in the editor's own format (a paragraph key and time per paragraph),
// so the interview screen shows them with their times in the margin and findings can
// be marked in them as in notes typed live.
import type { TranscriptPreview } from '../../../../shared/api/interop.js';
import type { SessionSummary } from '../../../../shared/api/sessions.js';
import { noteFromParagraphs } from '../../../../shared/notes.js';
import { newId } from '../../db/ids.js';
import { getParticipant, updateParticipant } from '../../db/repos/participants.js';
import { createSession, getSession, saveNote } from '../../db/repos/sessions.js';
import { getStudy, touchStudy } from '../../db/repos/studies.js';
import { snapshotBefore } from '../../snapshots/safety.js';
import type { ServiceContext } from '../context.js';
import { runInTransaction } from '../dispatch.js';
import { DomainError, notFound } from '../errors.js';
import { readTranscriptFile, TranscriptFileError, type TranscriptContent } from './transcript-file.js';

const PREVIEW_PARAGRAPHS = 50;
const PREVIEW_PROBLEMS = 100;
/** note.save's limit on one note's stored size: an imported note must be one the editor can save again. */
const MAX_NOTE_CHARS = 8_000_000;

function read(fileName: string, base64: string): TranscriptContent {
  try {
    return readTranscriptFile(fileName, Buffer.from(base64, 'base64'));
  } catch (error) {
    if (error instanceof TranscriptFileError) throw new DomainError('conflict', error.message, `transcript_${error.code}`);
    throw error;
  }
}

export function previewTranscript(input: { fileName: string; base64: string }): TranscriptPreview {
  const content = read(input.fileName, input.base64);
  return {
    format: content.format,
    encoding: content.encoding,
    paragraphCount: content.paragraphs.length,
    durationMs: content.durationMs,
    paragraphs: content.paragraphs.slice(0, PREVIEW_PARAGRAPHS),
    problemCount: content.problems.length,
    problems: content.problems.slice(0, PREVIEW_PROBLEMS),
  };
}

interface ImportRequest {
  studyId: string;
  participantId: string;
  interviewer: string;
  date: string;
  fileName: string;
  base64: string;
}

function checkTarget(ctx: ServiceContext, studyId: string, participantId: string): void {
  if (!getStudy(ctx.db, studyId)) throw notFound('The study');
  const participant = getParticipant(ctx.db, participantId);
  if (!participant || participant.studyId !== studyId) throw notFound('The participant');
  if (participant.withdrawnAt) throw new DomainError('conflict', 'This participant withdrew consent.', 'participant_withdrawn');
}

export async function importTranscript(ctx: ServiceContext, request: ImportRequest): Promise<SessionSummary> {
  checkTarget(ctx, request.studyId, request.participantId);
  const content = read(request.fileName, request.base64);
  // Untimed paragraphs (plain notes, Word files) start at 00:00, as the editor would stamp them.
  const note = noteFromParagraphs(content.paragraphs.map((p) => ({ pid: newId(), atMs: p.atMs ?? 0, text: p.text })));
  if (JSON.stringify(note).length > MAX_NOTE_CHARS) {
    throw new DomainError('conflict', 'This file holds too much text for one interview. Split it into smaller files.', 'transcript_too_many_paragraphs');
  }
  await snapshotBefore(ctx, 'import', request.fileName);

  return runInTransaction(ctx, () => {
    // Checked again inside the transaction: the participant may have changed while the snapshot was taken.
    checkTarget(ctx, request.studyId, request.participantId);
    const started = new Date(request.date);
    const sessionId = createSession(ctx.db, request.studyId, {
      participantId: request.participantId,
      guideVersionId: null,
      interviewer: request.interviewer.trim(),
      status: 'completed',
      scheduledAt: started.toISOString(),
      startedAt: started.toISOString(),
      endedAt: new Date(started.getTime() + content.durationMs).toISOString(),
      elapsedMs: content.durationMs,
    });
    saveNote(ctx.db, sessionId, null, note);
    updateParticipant(ctx.db, request.participantId, { status: 'interviewed' });
    touchStudy(ctx.db, request.studyId);
    ctx.events.touch(request.studyId, 'session');
    ctx.events.touch(request.studyId, 'participant');
    const session = getSession(ctx.db, sessionId);
    if (!session) throw new Error('the imported session was not written');
    return session;
  });
}
