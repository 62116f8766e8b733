// What an editor typed that the host has not acknowledged yet, kept in this browser
// (local storage) from the moment it is typed until the host says it is committed.
// A tab closed or killed mid-sentence loses nothing: the next editor of the note, or
// the next start of the app, sends it. One entry per editor instance, so two editors
// of one note in a tab never overwrite each other's entry.
import * as Y from 'yjs';
import type { FieldworkApi } from '../../shared/api/client';
import type { NoteKey } from '../../shared/api/noteSync';
import { fromBase64, toBase64 } from './base64';

const PREFIX = 'fieldwork.noteUpdates.v1:';

export interface KeptUpdates {
  storageKey: string;
  note: NoteKey;
  update: Uint8Array;
}

const keyOf = (note: NoteKey, client: string) => `${PREFIX}${note.sessionId}:${note.questionId ?? ''}:${client}`;

export function keepPending(storage: Storage | null, note: NoteKey, client: string, updates: readonly Uint8Array[]): void {
  if (!storage) return;
  const key = keyOf(note, client);
  try {
    if (updates.length === 0) storage.removeItem(key);
    else storage.setItem(key, toBase64(updates.length === 1 ? updates[0]! : Y.mergeUpdates([...updates])));
  } catch {
    // Storage full or unavailable: the text is still in the editor and on its way.
  }
}

/** Every kept entry, or those of one note. */
export function keptUpdates(storage: Storage | null, note?: NoteKey): KeptUpdates[] {
  if (!storage) return [];
  const found: KeptUpdates[] = [];
  for (let i = 0; i < storage.length; i += 1) {
    const storageKey = storage.key(i);
    if (!storageKey?.startsWith(PREFIX)) continue;
    const [sessionId, questionId] = storageKey.slice(PREFIX.length).split(':');
    if (!sessionId) continue;
    const key: NoteKey = { sessionId, questionId: questionId || null };
    if (note && (note.sessionId !== key.sessionId || note.questionId !== key.questionId)) continue;
    const value = storage.getItem(storageKey);
    if (!value) continue;
    try {
      found.push({ storageKey, note: key, update: fromBase64(value) });
    } catch {
      storage.removeItem(storageKey); // not ours to read: never block the notes on it
    }
  }
  return found;
}

export function forgetKept(storage: Storage | null, storageKey: string): void {
  try {
    storage?.removeItem(storageKey);
  } catch {
    // nothing to do
  }
}

/** Errors that sending again later cannot fix: the entry is dropped. */
const HOPELESS = new Set(['invalid_input', 'not_found', 'forbidden']);
/** The state vector of an empty document: "send me everything", the answer is not needed here. */
export const EMPTY_STATE_VECTOR = 'AA==';

/**
 * Sends what editors of earlier pages typed and never saw committed (a closed or killed
 * tab), at the app's start; an entry stays kept when the library cannot write now.
 */
export async function sendKeptNoteUpdates(invoke: FieldworkApi['invoke'], storage: Storage | null = localStorage): Promise<void> {
  for (const entry of keptUpdates(storage)) {
    const sent = await invoke('note.sync', {
      ...entry.note,
      client: `kept${entry.storageKey.slice(-24).replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 64).padEnd(8, '0'),
      stateVector: EMPTY_STATE_VECTOR,
      update: toBase64(entry.update),
    });
    if (sent.ok || HOPELESS.has(sent.error.code)) forgetKept(storage, entry.storageKey);
  }
}
