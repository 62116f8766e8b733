// The core's side of a client port (a window, a test): every call goes through the
// library's dispatcher (which checks the name and parses input and caller with their
// schemas), every committed change is pushed, in commit order, on the same port. The
// first frame tells the client the library's revision, so a client that reconnects
// after a restart knows which changes it missed (as browser mode's socket does).
import type { Library } from '../library.js';
import type { PortLike } from './frames.js';
import { createPeer } from './peer.js';

/** The event name of the first frame on a client port; no contract event has it. */
export const PORT_READY = 'port.ready';

export interface PortReady {
  revision: number;
}

export function serveLibrary(port: PortLike, library: Pick<Library, 'dispatch' | 'events' | 'context'>): () => void {
  let revision = 0;
  try {
    revision = library.context.changes.revision();
  } catch {
    // A library in its problem state has no change log: the client listens from 0.
  }
  // The revision and the subscription come before the port is read: calls that waited
  // in it may commit as soon as it is, and their changes must follow the revision.
  port.post({ kind: 'event', name: PORT_READY, payload: { revision } satisfies PortReady });
  const unsubscribe = library.events.subscribe((name, payload) => port.post({ kind: 'event', name, payload }));
  const peer = createPeer(port, { answer: (name, input, meta) => library.dispatch(name, input, meta) });
  const stop = () => {
    unsubscribe();
    peer.close();
  };
  port.onClose?.(stop);
  return stop;
}
