// What a write touched, and the push of its change once committed. Handlers say what
// they changed with `touch(studyId, kind)`; while an operation's transaction is open
// those are held and become its one change record (see changes/feed.ts), published to
// every subscriber only after the commit, so no one hears of a change rolled back.
import type { Change, ChangedStudy } from '../../../shared/api/changes.js';
import type { EventName, EventPayload } from '../../../shared/api/contract.js';
import type { EntityKind } from '../../../shared/api/policy.js';

type Listener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export class EventBus {
  private readonly listeners = new Set<Listener>();
  private held: Map<string | null, Set<EntityKind>> | null = null;
  /** Records a touch made outside any transaction as a change of its own. */
  outsideTransaction: ((studies: ChangedStudy[]) => void) | null = null;

  /** Says that the running write changed records of `kind` in a study (null: library-wide). */
  touch(studyId: string | null, kind: EntityKind): void {
    if (!this.held) {
      this.outsideTransaction?.([{ studyId, kinds: [kind] }]);
      return;
    }
    const kinds = this.held.get(studyId) ?? new Set<EntityKind>();
    kinds.add(kind);
    this.held.set(studyId, kinds);
  }

  /** Whether a transaction is open (a nested one adds to its touches). */
  get holding(): boolean {
    return this.held !== null;
  }

  /** Starts holding touches (an operation's transaction has begun). */
  hold(): void {
    this.held = new Map();
  }

  /** What the transaction touched so far. */
  touched(): ChangedStudy[] {
    return [...(this.held ?? new Map<string | null, Set<EntityKind>>()).entries()].map(([studyId, kinds]) => ({ studyId, kinds: [...kinds].sort() }));
  }

  /** Stops holding (committed or not). */
  release(): void {
    this.held = null;
  }

  /** Pushes a committed change to every subscriber. */
  publish(change: Change): void {
    this.deliver('library.changed', change);
  }

  /** Pushes an event that is not a change record (a note's update, a caret), after its commit if it has one. */
  emit<E extends Exclude<EventName, 'library.changed'>>(name: E, payload: EventPayload<E>): void {
    this.deliver(name, payload);
  }

  /** Subscribes to every event; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private deliver<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(name, payload);
      } catch (error) {
        // One broken subscriber (e.g. a closed socket) must not stop the others.
        console.error('event listener failed', error);
      }
    }
  }
}
