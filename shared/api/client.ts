// The shape of the `api` object the renderer talks to, whichever transport sits
// behind it (Electron preload or browser mode). Typed from the contract.
import type { CallMeta } from './changes.js';
import type { ApiResult } from './result.js';
import type { EventName, EventPayload, OperationInput, OperationName, OperationOutput } from './contract.js';

export interface FieldworkApi {
  /** `meta`: a write's mutation id (reused on retry) and the calling tab's actor id. */
  invoke<N extends OperationName>(name: N, input: OperationInput<N>, meta?: CallMeta): Promise<ApiResult<OperationOutput<N>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Channel names used by Electron IPC, derived from operation and event names. */
export const ipcChannel = (name: OperationName): string => `fieldwork:op:${name}`;
export const ipcEventChannel = (name: EventName): string => `fieldwork:event:${name}`;
