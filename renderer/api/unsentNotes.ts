// Notes the page could not be sure of saving as it went away (a document too large
// for a keep-alive request, a server that was not reachable or could not write) are
// kept in this browser's storage, and saved the next time the app starts here,
// before anything else is read. A kept note is dropped, not saved, when the library
// already has it or has a newer version of it (written after the page went away).
import type { FieldworkApi } from '../../shared/api/client';
import type { OperationInput } from '../../shared/api/contract';
import type { EditorState, NoteDoc } from '../../shared/api/sessions';

const STORAGE_KEY = 'fieldwork.unsentNotes';

export interface UnsentNote {
  sessionId: string;
  questionId: string | null;
  content: EditorState;
  /** When the page went away (ms since the epoch). */
  keptAt: number;
}

function read(storage: Storage): UnsentNote[] {
  try {
    const parsed = JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as UnsentNote[]) : [];
  } catch {
    return [];
  }
}

function write(storage: Storage, notes: UnsentNote[]): void {
  try {
    if (notes.length) storage.setItem(STORAGE_KEY, JSON.stringify(notes));
    else storage.removeItem(STORAGE_KEY);
  } catch {
    // Storage full or switched off: the keep-alive request is the only chance left.
  }
}

const sameNote = (a: { sessionId: string; questionId: string | null }, b: { sessionId: string; questionId: string | null }) =>
  a.sessionId === b.sessionId && a.questionId === b.questionId;

/** Keeps the newest content of one note until the next start. */
export function keepUnsentNote(input: OperationInput<'note.save'>, storage: Storage = localStorage, now = Date.now()): void {
  const others = read(storage).filter((n) => !sameNote(n, input));
  write(storage, [...others, { sessionId: input.sessionId, questionId: input.questionId ?? null, content: input.content, keptAt: now }]);
}

/** JSON with object keys sorted, so two equal documents compare equal however their keys were ordered. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Whether a kept note still has to be saved, given what the library holds for it. */
export function needsSaving(kept: UnsentNote, onDisk: Pick<NoteDoc, 'content' | 'updatedAt'> | undefined): boolean {
  if (!onDisk) return true;
  if (canonical(onDisk.content) === canonical(kept.content)) return false;
  // Written after the page went away: another window or a later visit; it wins.
  return Date.parse(onDisk.updatedAt) < kept.keptAt;
}

/** Errors that saving again later cannot fix: the note is dropped. */
const HOPELESS = new Set(['invalid_input', 'not_found', 'conflict', 'forbidden']);

/**
 * Saves the notes kept by an earlier page through `invoke`; a note stays kept when
 * the library cannot be read or written now, to be tried at the next start.
 */
export async function saveUnsentNotes(invoke: FieldworkApi['invoke'], storage: Storage = localStorage): Promise<void> {
  const kept = read(storage);
  if (!kept.length) return;
  const stillKept: UnsentNote[] = [];
  for (const sessionId of new Set(kept.map((n) => n.sessionId))) {
    const notes = kept.filter((n) => n.sessionId === sessionId);
    const detail = await invoke('session.get', { id: sessionId });
    if (!detail.ok) {
      if (!HOPELESS.has(detail.error.code)) stillKept.push(...notes);
      continue;
    }
    for (const note of notes) {
      const onDisk = detail.value.notes.find((n) => n.questionId === note.questionId);
      if (!needsSaving(note, onDisk)) continue;
      const saved = await invoke('note.save', { sessionId, questionId: note.questionId, content: note.content });
      if (!saved.ok && !HOPELESS.has(saved.error.code)) stillKept.push(note);
    }
  }
  // Notes kept by another page while these were being saved stay for its next start.
  const keptMeanwhile = read(storage).filter((n) => !kept.some((k) => sameNote(k, n) && k.keptAt === n.keptAt));
  write(storage, [...stillKept.filter((n) => !keptMeanwhile.some((m) => sameNote(m, n))), ...keptMeanwhile]);
}
