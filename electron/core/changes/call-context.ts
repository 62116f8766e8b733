// Who is calling, carried through a whole operation (awaits included) without
// threading it through every handler: the operation's name, the caller's mutation id
// and actor. A write's change record and its undo entry read it from here.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface CallInfo {
  operation: string;
  mutationId: string | null;
  actor: string | null;
}

const storage = new AsyncLocalStorage<CallInfo>();

export function withCall<T>(call: CallInfo, run: () => T): T {
  return storage.run(call, run);
}

/** The call being served, or null outside one (opening a library, the scheduled snapshot). */
export function currentCall(): CallInfo | null {
  return storage.getStore() ?? null;
}

/** The caller's actor (a window or person), or null for a caller that names none. */
export function actorOf(): string | null {
  return currentCall()?.actor ?? null;
}
