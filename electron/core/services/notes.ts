// Saving the notes typed live. One call writes one question's whole document in
// one transaction; with synchronous=FULL the answer means the text is on disk.
import { saveNote } from '../db/repos/sessions.js';
import { noteRevision } from '../db/repos/sessions.js';
import { existingSession } from './sessions.js';
import type { HandlerGroup } from './handler-types.js';
import { notFound } from './errors.js';
import { loadSections } from '../db/repos/guides.js';

export const noteHandlers: HandlerGroup<'note'> = {
  'note.save': ({ sessionId, questionId, content }, ctx) => {
    const session = existingSession(ctx, sessionId);
    if (questionId) {
      const known = session.guideVersionId && loadSections(ctx.db, session.guideVersionId).some((s) => s.questions.some((q) => q.id === questionId));
      if (!known) throw notFound('The question');
    }
    const noteId = saveNote(ctx.db, sessionId, questionId, content);
    const { revision, updatedAt } = noteRevision(ctx.db, noteId);
    return { noteId, revision, savedAt: updatedAt };
  },
};
