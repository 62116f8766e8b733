// Notes the app could not be sure of saving (a document too large for a keep-alive
// request as the page went away, a server that was not reachable, a disk that was
// full) are kept in this browser's storage, with the revision of the library's note
// they were based on. At the next start they are saved before anything else is read;
// a kept note that cannot be saved yet stays kept, and the interview puts it back in
// its editor. Revisions, not clocks, decide: a kept note based on the library's
// current version replaces it; when the library has moved on since, both are kept
// (merged), so nothing typed is ever lost.
import type { FieldworkApi } from '../../shared/api/client';
import type { OperationInput } from '../../shared/api/contract';
import type { EditorState, NoteDoc } from '../../shared/api/sessions';
import { mergeKeptNote } from './keptNoteMerge';

const STORAGE_KEY = 'fieldwork.unsentNotes';

export interface UnsentNote {
  sessionId: string;
  questionId: string | null;
  content: EditorState;
  /** When it was kept (ms since the epoch): tells copies of one note apart. */
  keptAt: number;
  /** The revision of the library's note this text was based on; 0 when the library had none. Missing in copies kept by earlier versions. */
  baseRevision?: number;
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

/** Keeps the newest content of one note, based on the library's `baseRevision` of it, until it is saved. */
export function keepUnsentNote(
  input: OperationInput<'note.save'>,
  baseRevision: number | undefined,
  storage: Storage = localStorage,
  now = Date.now(),
): void {
  const others = read(storage).filter((n) => !sameNote(n, input));
  const kept: UnsentNote = { sessionId: input.sessionId, questionId: input.questionId ?? null, content: input.content, keptAt: now };
  if (baseRevision !== undefined) kept.baseRevision = baseRevision;
  write(storage, [...others, kept]);
}

/** The notes of one interview kept in this browser and not saved yet. */
export function keptNotesOf(sessionId: string, storage: Storage = localStorage): UnsentNote[] {
  return read(storage).filter((n) => n.sessionId === sessionId);
}

/** Forgets the kept copies of a note kept before `before`: a save that began then carried their text. */
export function forgetKeptNote(note: { sessionId: string; questionId: string | null }, before: number, storage: Storage = localStorage): void {
  const all = read(storage);
  const left = all.filter((n) => !(sameNote(n, note) && n.keptAt < before));
  if (left.length !== all.length) write(storage, left);
}

/**
 * JSON with object keys sorted, so two equal documents compare equal however their
 * keys were ordered. A key holding undefined is left out, as JSON leaves it out: the
 * editor's own documents carry such keys, the same document read back from the
 * library does not.
 */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export const sameContent = (a: EditorState, b: EditorState): boolean => canonical(a) === canonical(b);

/**
 * What the library should hold for a kept note, given what it holds now: null when
 * it already has all of the kept text. A kept note based on the library's current
 * revision (or on none, when the library has none) replaces it; one based on an
 * older revision, or on an unknown one, is merged with it, so both are kept.
 */
export function reconcileKeptNote(kept: UnsentNote, onDisk: Pick<NoteDoc, 'content' | 'revision'> | undefined): { content: EditorState; merged: boolean } | null {
  if (!onDisk) return { content: kept.content, merged: false };
  if (sameContent(onDisk.content, kept.content)) return null;
  if (kept.baseRevision === onDisk.revision) return { content: kept.content, merged: false };
  const merged = mergeKeptNote(onDisk.content, kept.content);
  return sameContent(merged, onDisk.content) ? null : { content: merged, merged: true };
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
      const wanted = reconcileKeptNote(note, onDisk);
      if (!wanted) continue;
      const saved = await invoke('note.save', { sessionId, questionId: note.questionId, content: wanted.content });
      if (!saved.ok && !HOPELESS.has(saved.error.code)) stillKept.push(note);
    }
  }
  // Notes kept by another page while these were being saved stay for its next start.
  const keptMeanwhile = read(storage).filter((n) => !kept.some((k) => sameNote(k, n) && k.keptAt === n.keptAt));
  write(storage, [...stillKept.filter((n) => !keptMeanwhile.some((m) => sameNote(m, n))), ...keptMeanwhile]);
}
