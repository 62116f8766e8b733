// The `api` a window (or a test) gets when the core runs in a process of its own: the
// same invoke/on surface as every other transport, over a port to the core. The core
// can go away and come back (a crash, then a restart, on a new port): calls made
// meanwhile wait for it, calls it never answered resolve with a typed error, and once
// it is back the changes missed meanwhile are delivered before anything newer (or,
// when that history is gone, one change that says everything may have changed).
// No Node imports: the sandboxed preload bundles this file.
import type { ChangesSince } from '../../../shared/api/changes.js';
import type { CoreState, FieldworkApi } from '../../../shared/api/client.js';
import { isEventName, isOperationName } from '../../../shared/api/contract.js';
import { createEventDelivery } from '../../../shared/api/event-delivery.js';
import type { ApiResult } from '../../../shared/api/result.js';
import { CORE_STOPPED, type PortLike } from './frames.js';
import { createPeer, type Peer } from './peer.js';
import { PORT_READY, type PortReady } from './serve.js';

export interface PortClient {
  api: FieldworkApi;
  /** A core answers on this port (the first, or one restarted after a crash). */
  attach(port: PortLike): void;
  /** The core went away: 'restarting' (calls wait for the next port) or 'stopped' (they fail). */
  detach(state: Exclude<CoreState, 'connected'>): void;
}

const UNKNOWN: ApiResult<never> = { ok: false, error: { code: 'unknown_operation', message: 'Unknown operation.' } };

export function createPortClient(): PortClient {
  const events = createEventDelivery();
  const stateListeners = new Set<(state: CoreState) => void>();
  let state: CoreState = 'restarting';
  let peer: Peer | null = null;
  /** Resolves the calls waiting for a core. */
  let arrived: Promise<Peer | null>;
  let arrive: (peer: Peer | null) => void = () => undefined;
  const waitForCore = () => (arrived = new Promise((resolve) => (arrive = resolve)));
  waitForCore();
  const setState = (next: CoreState) => {
    if (next === state) return;
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  const onEvent = (current: () => Peer, name: string, payload: unknown) => {
    if (name === PORT_READY) {
      const revision = (payload as PortReady).revision;
      if (events.seen === null) events.seen = revision;
      else if (revision > events.seen) void events.catchUp((from) => current().call('change.since', { revision: from }) as Promise<ApiResult<ChangesSince>>, revision);
      return;
    }
    if (!isEventName(name)) return;
    events.receive(name, payload);
  };

  return {
    api: {
      async invoke(name, input, meta) {
        if (!isOperationName(name)) return UNKNOWN as never;
        const current = peer ?? (state === 'stopped' ? null : await arrived);
        if (!current) return { ok: false, error: CORE_STOPPED } as never;
        return (await current.call(name, input, meta)) as never;
      },
      on(event, listener) {
        if (!isEventName(event)) throw new Error('Unknown event.');
        return events.add(event, listener as (payload: unknown) => void);
      },
      onCoreState(listener) {
        stateListeners.add(listener);
        return () => stateListeners.delete(listener);
      },
    },
    attach(port) {
      peer?.close();
      const next: Peer = createPeer(port, { onEvent: (name, payload) => onEvent(() => next, name, payload) });
      peer = next;
      setState('connected');
      arrive(next);
    },
    detach(next) {
      peer?.fail();
      peer = null;
      if (state === 'connected') waitForCore();
      if (next === 'stopped') {
        // Calls waiting for a core fail now; a core attached later still answers new ones.
        arrive(null);
        waitForCore();
      }
      setState(next);
    },
  };
}
