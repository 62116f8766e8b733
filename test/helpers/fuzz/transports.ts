// The two ways a call reaches the library, as the fuzzing drives them: the desktop
// app's IPC path (the preload's name check, structured clone, the dispatcher) and
// browser mode (an HTTP POST with the per-run token, JSON both ways).
import { isOperationName } from '../../../shared/api/contract.js';
import type { RunningServer } from '../../../electron/core/bridge/server.js';
import type { Library } from '../../../electron/core/library.js';

export interface Answer {
  body: unknown;
  /** HTTP status, for browser mode. */
  status?: number;
}

export interface Transport {
  readonly kind: 'ipc' | 'http';
  call(name: string, input: unknown): Promise<Answer>;
}

/**
 * Electron copies IPC arguments by structured clone. What cannot be cloned (nesting
 * deeper than the clone's stack allows) never leaves the page, but the dispatcher
 * gets it as it is anyway: it must not depend on the transport to stay safe.
 */
function cloneForIpc(input: unknown): unknown {
  try {
    return structuredClone(input);
  } catch {
    return input;
  }
}

/**
 * What the desktop app does with a call: the preload refuses names outside the
 * contract, Electron copies the input by structured clone, and the ipcMain handler
 * (electron/shell/ipc.ts) hands it to the library's dispatcher.
 */
export function ipcTransport(library: Library): Transport {
  return {
    kind: 'ipc',
    async call(name, input) {
      if (!isOperationName(name)) return { body: { ok: false, error: { code: 'unknown_operation', message: 'Unknown operation.' } } };
      return { body: await library.dispatch(name, cloneForIpc(input)) };
    },
  };
}

/** Nesting too deep for JSON.stringify, written out by hand: the server must parse it and refuse it. */
const DEEP_JSON = `${'{"__proto__":['.repeat(100_000)}1${']}'.repeat(100_000)}`;

/** JSON as the renderer would send it; values JSON cannot hold become what JSON.stringify makes of them. */
function toJson(input: unknown): string {
  try {
    return JSON.stringify(input, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)) ?? 'null';
  } catch {
    return DEEP_JSON;
  }
}

/** Browser mode: an HTTP POST per call with the per-run token, as the renderer makes it. */
export function httpTransport(server: RunningServer): Transport {
  return {
    kind: 'http',
    async call(name, input) {
      const response = await fetch(`${server.origin}/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-fieldwork-token': server.token },
        body: toJson(input),
      });
      const text = await response.text();
      let body: unknown;
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        body = { unparsable: text.slice(0, 200) };
      }
      return { body, status: response.status };
    },
  };
}
