// Notes an earlier page kept in this browser in the old whole-document format because
// they could not be saved (a full disk, a page closed while nothing could be written):
// when the interview opens they go back to the library through note.save, which the
// host applies to the note's shared document like any edit, so every open editor of
// the note receives them. A copy based on an older revision is merged, never dropped.
import type { EditorState, NoteDoc } from '../../../shared/api/sessions';
import { call } from '../../api/queries';
import { forgetKeptNote, keptNotesOf, reconcileKeptNote } from '../../api/unsentNotes';

export interface RestoredNote {
  questionId: string | null;
  content: EditorState;
  /** The library had moved on since the kept text: both versions are in the editor. */
  merged: boolean;
}

export interface OpeningNotes {
  /** Content per question ('' for the other notes). */
  contents: Map<string, EditorState>;
  /** The library's revision of each note, which kept copies are based on. */
  revisions: Map<string, number>;
  restored: RestoredNote[];
}

export function openingNotes(sessionId: string, notes: readonly NoteDoc[], storage: Storage = localStorage): OpeningNotes {
  const contents = new Map(notes.map((n) => [n.questionId ?? '', n.content]));
  const revisions = new Map(notes.map((n) => [n.questionId ?? '', n.revision]));
  const restored: RestoredNote[] = [];
  for (const kept of keptNotesOf(sessionId, storage)) {
    const wanted = reconcileKeptNote(
      kept,
      notes.find((n) => n.questionId === kept.questionId),
    );
    if (!wanted) {
      forgetKeptNote(kept, kept.keptAt + 1, storage); // the library has all of it already
      continue;
    }
    contents.set(kept.questionId ?? '', wanted.content);
    restored.push({ questionId: kept.questionId, content: wanted.content, merged: wanted.merged });
  }
  return { contents, revisions, restored };
}

/** Sends the kept copies to the library, and forgets each once it is in. */
export async function restoreKeptNotes(sessionId: string, restored: readonly RestoredNote[], storage: Storage = localStorage): Promise<void> {
  for (const { questionId, content } of restored) {
    const startedAt = Date.now();
    await call('note.save', { sessionId, questionId, content });
    forgetKeptNote({ sessionId, questionId }, startedAt + 1, storage);
  }
}

export { EMPTY_STATE_VECTOR } from '../../api/pendingNoteUpdates';
