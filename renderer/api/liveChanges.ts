// Keeps every cached query current from the change feed: each change refreshes exactly
// the queries it made stale (staleQueries.ts). A change this tab made itself is known
// by its mutation id; the board, which already shows its own moves, asks for its board
// not to be fetched again for them (skipOwnEcho).
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Change } from '../../shared/api/changes';
import { isOwnMutation } from './callerIds';
import { isStale } from './staleQueries';
import { api } from './transport';

/**
 * Mutation ids whose echo need not refetch these operations (already shown
 * optimistically), with how many changes by others had arrived when it was sent.
 */
const echoSkips = new Map<string, { operations: ReadonlySet<string>; othersSeen: number }>();
let othersSeen = 0;

/**
 * Marks a write this tab already shows: its echo does not refetch `operations`, unless
 * another change arrived meanwhile (a refetch for it may have shown the state from
 * before this write; only a fetch after the write shows both).
 */
export function skipOwnEcho(mutationId: string, operations: readonly string[]): void {
  echoSkips.set(mutationId, { operations: new Set(operations), othersSeen });
  if (echoSkips.size > 500) echoSkips.delete(echoSkips.keys().next().value as string);
}

function skipsFor(change: Change): ReadonlySet<string> {
  const own = change.mutationId !== null && isOwnMutation(change.mutationId);
  if (!own) {
    othersSeen += 1;
    return new Set();
  }
  const entry = echoSkips.get(change.mutationId!);
  echoSkips.delete(change.mutationId!);
  return entry && entry.othersSeen === othersSeen ? entry.operations : new Set();
}

/** Every change seen, for code that waits for its own (tests, undo) — the newest revision. */
let lastRevision = 0;
export const lastSeenRevision = (): number => lastRevision;

export function useLiveInvalidation(): void {
  const client = useQueryClient();
  useEffect(
    () =>
      api().on('library.changed', (change: Change) => {
        lastRevision = Math.max(lastRevision, change.revision);
        const skip = skipsFor(change);
        void client.invalidateQueries({
          predicate: (query) => isStale(change, String(query.queryKey[0]), query.queryKey[1], query.state.data, skip),
        });
      }),
    [client],
  );
}
