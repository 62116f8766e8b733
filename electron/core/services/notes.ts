// Saving the notes typed live. One call writes one question's whole document in
// one transaction; with synchronous=FULL the answer means the text is on disk.
import { saveNote } from '../db/repos/sessions.js';
import { noteRevision } from '../db/repos/sessions.js';
import { existingSession } from './sessions.js';
import type { HandlerGroup } from './handler-types.js';
import { DomainError, notFound } from './errors.js';

const MAX_NOTE_CHARS = 8_000_000;
import { loadSections } from '../db/repos/guides.js';

export const noteHandlers: HandlerGroup<'note'> = {
  'note.save': ({ sessionId, questionId, content }, ctx) => {
    const session = existingSession(ctx, sessionId);
    // One question's notes from an hour's interview are tens of kilobytes; refuse absurd sizes.
    if (JSON.stringify(content).length > MAX_NOTE_CHARS) {
      throw new DomainError('conflict', 'These notes are too large to save as one question; split them over questions.', 'note_too_large');
    }
    if (questionId) {
      const known = session.guideVersionId && loadSections(ctx.db, session.guideVersionId).some((s) => s.questions.some((q) => q.id === questionId));
      if (!known) throw notFound('The question');
    }
    const noteId = saveNote(ctx.db, sessionId, questionId, content);
    const { revision, updatedAt } = noteRevision(ctx.db, noteId);
    return { noteId, revision, savedAt: updatedAt };
  },
};
