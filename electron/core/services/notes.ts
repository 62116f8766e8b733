// Saving the notes typed live. Each note is a shared document (see notes/note-docs.ts):
// note.sync takes what one editor typed, commits it to the note's update log (with
// synchronous=FULL the answer means the text is on disk), derives the stored note,
// answers what the editor lacks, and then passes the update to the note's other
// editors. note.save writes a whole note (a copy a browser kept, a script): once the
// note is shared it goes through its document like any edit, so no editor loses text.
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness';
import type { EditorState } from '../../../shared/api/sessions.js';
import type { NoteKey } from '../../../shared/api/noteSync.js';
import { saveNote } from '../db/repos/sessions.js';
import { noteRevision } from '../db/repos/sessions.js';
import { findNote } from '../db/repos/note-log.js';
import { loadSections } from '../db/repos/guides.js';
import { noteDocsOf } from '../notes/note-docs.js';
import { isReadableNote } from '../notes/headless-note.js';
import { runInTransaction } from './dispatch.js';
import { existingSession } from './sessions.js';
import type { HandlerGroup } from './handler-types.js';
import type { ServiceContext } from './context.js';
import { DomainError, notFound } from './errors.js';

const MAX_NOTE_CHARS = 8_000_000;

const fromBase64 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));

const notYjs = () => new DomainError('invalid_input', 'This is not an update of a note.');

/** Decoded before anything is applied, so bytes that are not Yjs's change nothing (and say so). */
function yjsBytes(text: string, decode: (bytes: Uint8Array) => unknown): Uint8Array {
  const bytes = fromBase64(text);
  try {
    decode(bytes);
  } catch {
    throw notYjs();
  }
  return bytes;
}
const yjsUpdate = (text: string) => yjsBytes(text, Y.decodeUpdate);
const yjsStateVector = (text: string) => yjsBytes(text, Y.decodeStateVector);

/** A caret's presence is relayed, not read; it is still checked, so no editor receives bytes it cannot read. */
function checkAwareness(text: string): void {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  try {
    applyAwarenessUpdate(awareness, fromBase64(text), 'check');
  } catch {
    throw notYjs();
  } finally {
    awareness.destroy();
    doc.destroy();
  }
}
const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** Checks the session and question; answers the session's study. */
function checkNoteKey(ctx: ServiceContext, { sessionId, questionId }: NoteKey): string {
  const session = existingSession(ctx, sessionId);
  if (questionId) {
    const known = session.guideVersionId && loadSections(ctx.db, session.guideVersionId).some((s) => s.questions.some((q) => q.id === questionId));
    if (!known) throw notFound('The question');
  }
  return session.studyId;
}

/** The note's id, making an empty note the first time anyone writes to it. */
function ensureNote(ctx: ServiceContext, { sessionId, questionId }: NoteKey): string {
  return findNote(ctx.db, sessionId, questionId)?.id ?? saveNote(ctx.db, sessionId, questionId, { root: { type: 'root', children: [] } });
}

function tooLarge(size: number): void {
  // One question's notes from an hour's interview are tens of kilobytes; refuse absurd sizes.
  if (size > MAX_NOTE_CHARS) {
    throw new DomainError('conflict', 'These notes are too large to save as one question; split them over questions.', 'note_too_large');
  }
}

export const noteHandlers: HandlerGroup<'note'> = {
  'note.save': ({ sessionId, questionId, content }, ctx) => {
    tooLarge(JSON.stringify(content).length);
    if (!isReadableNote(content as EditorState)) throw new DomainError('invalid_input', 'The note is not rich text the editor can read.');
    const docs = noteDocsOf(ctx.db);
    let shared: { noteId: string; update: Uint8Array } | null = null;
    let answer;
    try {
      answer = runInTransaction(ctx, () => {
        const studyId = checkNoteKey(ctx, { sessionId, questionId });
        const existing = findNote(ctx.db, sessionId, questionId);
        let noteId: string;
        // An existing note goes through its document (made from what it held, as any
        // reader of it was shown), so open editors receive the change; a new one is a row
        // until someone opens it.
        if (existing) {
          noteId = existing.id;
          shared = { noteId, update: new Uint8Array() };
          shared.update = docs.replace(noteId, content as EditorState);
        } else noteId = saveNote(ctx.db, sessionId, questionId, content);
        ctx.events.touch(studyId, 'note');
        const { revision, updatedAt } = noteRevision(ctx.db, noteId);
        return { noteId, revision, savedAt: updatedAt };
      });
    } catch (error) {
      if (shared) docs.discard((shared as { noteId: string }).noteId);
      throw error;
    }
    const done = shared as { noteId: string; update: Uint8Array } | null;
    if (done && done.update.byteLength > 0) {
      ctx.events.emit('note.updated', { noteId: done.noteId, sessionId, questionId, client: null, update: toBase64(done.update) });
    }
    return answer;
  },

  'note.sync': (input, ctx) => {
    const update = input.update ? yjsUpdate(input.update) : null;
    if (update) tooLarge(update.byteLength);
    const stateVector = yjsStateVector(input.stateVector);
    const docs = noteDocsOf(ctx.db);
    let noteId: string | null = null;
    let answer;
    try {
      answer = runInTransaction(ctx, () => {
        const studyId = checkNoteKey(ctx, input);
        noteId = ensureNote(ctx, input);
        const note = docs.document(noteId);
        if (update) {
          docs.receive(noteId, update);
          ctx.events.touch(studyId, 'note');
        }
        const { revision, updatedAt } = noteRevision(ctx.db, noteId);
        return { noteId, update: toBase64(note.missingFrom(stateVector)), revision, savedAt: updatedAt };
      });
    } catch (error) {
      // What the document took in memory was not committed: reload it from the log next time.
      if (noteId) docs.discard(noteId);
      throw error;
    }
    docs.seen(answer.noteId, input.client);
    if (input.update) {
      ctx.events.emit('note.updated', { noteId: answer.noteId, sessionId: input.sessionId, questionId: input.questionId, client: input.client, update: input.update });
    }
    return answer;
  },

  'note.open': ({ sessionId, questionId, stateVector }, ctx) => {
    const known = yjsStateVector(stateVector);
    checkNoteKey(ctx, { sessionId, questionId });
    const note = findNote(ctx.db, sessionId, questionId);
    if (!note) return { noteId: null, update: toBase64(new Uint8Array([0, 0])) };
    return { noteId: note.id, update: toBase64(noteDocsOf(ctx.db).peek(note.id, known)) };
  },

  'note.presence': ({ sessionId, questionId, client, awareness, left }, ctx) => {
    if (awareness) checkAwareness(awareness);
    const note = findNote(ctx.db, sessionId, questionId);
    if (note) {
      const docs = noteDocsOf(ctx.db);
      if (left) docs.left(note.id, client);
      else docs.seen(note.id, client);
    }
    ctx.events.emit('note.presence', { sessionId, questionId, client, ...(awareness ? { awareness } : {}), ...(left ? { left } : {}) });
    return {};
  },
};
