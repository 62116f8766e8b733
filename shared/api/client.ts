// The shape of the `api` object the renderer talks to, whichever transport sits
// behind it (Electron preload or browser mode). Typed from the contract.
import type { CallMeta } from './changes.js';
import type { ApiResult } from './result.js';
import type { EventName, EventPayload, OperationInput, OperationName, OperationOutput } from './contract.js';

/**
 * Whether the desktop app's core process answers: 'restarting' after it stopped
 * unexpectedly (calls wait for it), 'stopped' when it could not be started again.
 */
export type CoreState = 'connected' | 'restarting' | 'stopped';

export interface FieldworkApi {
  /** `meta`: a write's mutation id (reused on retry) and the calling tab's actor id. */
  invoke<N extends OperationName>(name: N, input: OperationInput<N>, meta?: CallMeta): Promise<ApiResult<OperationOutput<N>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** The desktop app only: its core process going away and coming back. */
  onCoreState?(listener: (state: CoreState) => void): () => void;
}

/** Electron IPC channels between the preload and the main process: the port to the core, and its state. */
export const CORE_PORT_REQUEST = 'fieldwork:core-port-request';
export const CORE_PORT_CHANNEL = 'fieldwork:core-port';
export const CORE_STATE_CHANNEL = 'fieldwork:core-state';
