// What each note editor of an interview opens with: the library's note, or the copy
// this browser kept because it could not be saved (a full disk, a page closed while
// nothing could be written), which goes back in the editor and is saved as soon as
// the library can write. Also tells an editor's first change events, which only
// repeat what it opened with, from typing, so opening an interview writes nothing.
import type { EditorState, NoteDoc } from '../../../shared/api/sessions';
import { notePlainText } from '../../../shared/notes';
import { call } from '../../api/queries';
import { forgetKeptNote, keepUnsentNote, keptNotesOf, reconcileKeptNote, sameContent } from '../../api/unsentNotes';

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

const isBlank = (content: EditorState) => content.root.children.length <= 1 && notePlainText(content).trim() === '';

/**
 * Remembers what each editor opened with until its first real change: a change
 * event carrying the same document (Lexical normalising what it loaded) is no edit
 * and saves nothing.
 */
export class OpenedUnchanged {
  private readonly opened = new Map<string, EditorState | null>();

  opens(questionId: string | null, content: EditorState | null): void {
    this.opened.set(questionId ?? '', content);
  }

  /** True when `content` is still what the editor opened with; from the first difference on, always false. */
  isUnchanged(questionId: string | null, content: EditorState): boolean {
    const key = questionId ?? '';
    if (!this.opened.has(key)) return false;
    const opened = this.opened.get(key) ?? null;
    if (opened ? sameContent(opened, content) : isBlank(content)) return true;
    this.opened.delete(key);
    return false;
  }
}

/**
 * Saves one note and tracks the library's revision of it in `revisions`. A save that
 * fails also keeps the text in this browser, based on the revision it was typed on,
 * so a reload or a crash before the library can write again loses nothing; a save
 * that succeeds forgets the copies kept before it began, since it carried their text.
 */
export function saveKeepingCopy(sessionId: string, revisions: Map<string, number>) {
  return async (questionId: string | null, content: EditorState): Promise<void> => {
    const key = questionId ?? '';
    const startedAt = Date.now();
    try {
      const saved = await call('note.save', { sessionId, questionId, content });
      revisions.set(key, saved.revision);
      forgetKeptNote({ sessionId, questionId }, startedAt + 1);
    } catch (error) {
      keepUnsentNote({ sessionId, questionId, content }, revisions.get(key) ?? 0);
      throw error;
    }
  };
}
