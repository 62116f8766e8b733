// Where the others are on a board, as their pages last said (relayed by the host,
// never stored): one entry per open board, dropped when it says it left or has been
// silent for a while (a closed laptop says nothing). This tab's own entry is left out.
import { useSyncExternalStore } from 'react';
import type { BoardPresence } from '../../../shared/api/team';
import { randomId } from '../../api/callerIds';

/** A board that has said nothing for this long is gone (pages repeat themselves every few seconds). */
export const PRESENCE_TIMEOUT_MS = 15_000;

/** This open board's id among the others. */
export const ownClient = randomId();

let others: ReadonlyMap<string, BoardPresence & { at: number }> = new Map();
const listeners = new Set<() => void>();
const emit = () => {
  for (const listener of listeners) listener();
};

export function receivePresence(presence: BoardPresence): void {
  if (presence.client === ownClient) return;
  const next = new Map(others);
  if (presence.left) next.delete(presence.client);
  else next.set(presence.client, { ...presence, at: Date.now() });
  others = next;
  emit();
}

/** Forgets boards that fell silent. */
export function expirePresence(now = Date.now()): void {
  const stale = [...others.values()].filter((p) => now - p.at > PRESENCE_TIMEOUT_MS);
  if (stale.length === 0) return;
  const next = new Map(others);
  for (const p of stale) next.delete(p.client);
  others = next;
  emit();
}

export function forgetPresence(): void {
  others = new Map();
  emit();
}

export function usePresence(studyId: string): BoardPresence[] {
  const all = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => others,
  );
  return [...all.values()].filter((p) => p.studyId === studyId);
}
