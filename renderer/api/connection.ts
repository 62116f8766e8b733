// Whether browser mode can still reach the server that served this page, for the
// notice that says how to reconnect. The transport reports; the notice listens.
// (The desktop app has no server to lose, but its core process can stop and restart.)
export type ConnectionState =
  /** Working, or not known to be otherwise. */
  | 'connected'
  /** The server does not answer: it was stopped, or its port is gone. */
  | 'unreachable'
  /** The server answers but refuses this tab's token: it was restarted, with a new link. */
  | 'restarted'
  /** The desktop app: its core stopped unexpectedly and is being started again (calls wait). */
  | 'coreRestarting'
  /** The desktop app: its core kept stopping and was not started again. */
  | 'coreStopped'
  /** A teammate's page: the host's laptop does not answer (quit, crashed, asleep); the page keeps trying. */
  | 'hostUnavailable'
  /** A teammate's page: the host removed this person from the team session. */
  | 'removed'
  /** A teammate's page: the host ended the team session. */
  | 'teamEnded';

/** States only a new link can end: nothing this tab does brings its server back. */
const FINAL: ReadonlySet<ConnectionState> = new Set(['restarted', 'removed', 'teamEnded']);

/** Whether the connection is gone for good (see FINAL). */
export const isFinal = (current: ConnectionState): boolean => FINAL.has(current);

let state: ConnectionState = 'connected';
let retry: (() => void) | null = null;
const listeners = new Set<() => void>();

export const connectionState = (): ConnectionState => state;

export function reportConnection(next: ConnectionState): void {
  // A restart (a removal, an ended team session) is final for this tab: only a new link gets it back.
  if (state === next || FINAL.has(state)) return;
  state = next;
  for (const listener of listeners) listener();
}

export function subscribeConnection(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The transport's way to try again now, when the user asks. */
export function setConnectionRetry(fn: () => void): void {
  retry = fn;
}

export function retryConnection(): void {
  retry?.();
}

const reconnectListeners = new Set<() => void>();

/** The event socket is back after a drop: pushed events may have been missed meanwhile. */
export function reportReconnected(): void {
  for (const listener of reconnectListeners) listener();
}

export function subscribeReconnected(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}
