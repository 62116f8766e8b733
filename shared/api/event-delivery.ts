// Delivers push events to a client's listeners, the part every transport that can lose
// its connection shares: each change once and in order (one caught up on and pushed
// again is dropped by its revision), and the "everything may have changed" a client
// gets when it was away longer than the library keeps its history.
import type { Change, ChangesSince } from './changes.js';
import type { EventName } from './contract.js';
import { ALL_KINDS } from './policy.js';
import type { ApiResult } from './result.js';

export interface EventDelivery {
  /** The newest change delivered; null before the first connection said the library's revision. */
  seen: number | null;
  deliver(event: EventName, payload: unknown): void;
  add(event: EventName, listener: (payload: unknown) => void): () => void;
  /** A live event: delivered now, or after the catch-up under way. */
  receive(event: EventName, payload: unknown): void;
  /**
   * Delivers the changes missed since `seen` (asked of `since`), then the live events
   * that arrived meanwhile; when that history is gone, one change that says everything
   * up to `to` may have changed.
   */
  catchUp(since: (revision: number) => Promise<ApiResult<ChangesSince>>, to: number): Promise<void>;
  /**
   * Delivers again the changes after `from` up to `upTo`, whether or not they were
   * delivered: for an answer read at `from` before this client listened from `upTo`,
   * which may show none of them. When that history is gone, one change that says
   * everything up to `upTo` may have changed.
   */
  replay(since: (revision: number) => Promise<ApiResult<ChangesSince>>, from: number, upTo: number): Promise<void>;
}

export function createEventDelivery(): EventDelivery {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let held: Array<[EventName, unknown]> | null = null;
  const delivery: EventDelivery = {
    seen: null,
    deliver(event, payload) {
      if (event === 'library.changed') {
        const revision = (payload as Change).revision;
        if (delivery.seen !== null && revision <= delivery.seen) return;
        delivery.seen = revision;
      }
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    add(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    receive(event, payload) {
      if (held) held.push([event, payload]);
      else delivery.deliver(event, payload);
    },
    async catchUp(since, to) {
      held = [];
      try {
        const result = await since(delivery.seen ?? 0);
        if (result.ok) for (const change of result.value.changes) delivery.deliver('library.changed', change);
        else {
          delivery.seen = null;
          delivery.deliver('library.changed', everythingChanged(to));
        }
      } finally {
        const live = held;
        held = null;
        for (const [event, payload] of live) delivery.deliver(event, payload);
      }
    },
    async replay(since, from, upTo) {
      const result = await since(from);
      const changes = result.ok ? result.value.changes.filter((change) => change.revision <= upTo) : [everythingChanged(upTo)];
      for (const change of changes) for (const listener of listeners.get('library.changed') ?? []) listener(change);
    },
  };
  return delivery;
}

/** Everything may have changed: what a client too far behind the kept history is told. */
export function everythingChanged(revision: number): Change {
  return { revision, mutationId: null, actor: null, operation: 'change.since', at: new Date().toISOString(), studies: [{ studyId: null, kinds: [...ALL_KINDS] }] };
}
