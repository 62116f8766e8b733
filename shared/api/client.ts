// The shape of the `api` object the renderer talks to, whichever transport sits
// behind it (Electron preload or browser mode). Typed from the contract.
import type { ApiResult } from './result.js';
import type { EventName, EventPayload, OperationInput, OperationName, OperationOutput } from './contract.js';

export interface FieldworkApi {
  invoke<N extends OperationName>(name: N, input: OperationInput<N>): Promise<ApiResult<OperationOutput<N>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Channel names used by Electron IPC, derived from operation and event names. */
export const ipcChannel = (name: OperationName): string => `fieldwork:op:${name}`;
export const ipcEventChannel = (name: EventName): string => `fieldwork:event:${name}`;
