// In-process push events, typed by the contract. While an operation's transaction
// is open, events are held and only delivered once it commits, so a listener never
// hears of a change that was rolled back.
import type { EventName, EventPayload } from '../../../shared/api/contract.js';

type Listener = (name: EventName, payload: unknown) => void;

export class EventBus {
  private readonly listeners = new Set<Listener>();
  private held: Array<[EventName, unknown]> | null = null;

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    if (this.held) this.held.push([name, payload]);
    else this.deliver(name, payload);
  }

  /** Starts holding events (an operation's transaction has begun). */
  hold(): void {
    this.held = [];
  }

  /** Stops holding: delivers what was held when the transaction committed, drops it otherwise. */
  release(committed: boolean): void {
    const held = this.held ?? [];
    this.held = null;
    if (committed) for (const [name, payload] of held) this.deliver(name, payload);
  }

  /** Subscribes to every event; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private deliver(name: EventName, payload: unknown): void {
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
