// The message-port protocol between the core and whoever talks to it (a window's
// preload, the Electron main process, the heavy-read worker, a test's parent process):
// plain JSON frames, so the same protocol crosses Electron's MessagePortMain, a DOM
// MessagePort, a worker thread's port and a Node child process's IPC channel alike.
// A frame from the other side is checked for its shape here; an operation's input is
// parsed with its schema by the dispatcher, like every other transport.
import type { ApiError, ApiResult } from '../../../shared/api/result.js';

export type Frame =
  /** Runs an operation (or, between the core's own parts, a service such as printing). */
  | { kind: 'call'; id: number; name: string; input: unknown; meta?: unknown }
  /** The answer to the call with the same id. */
  | { kind: 'result'; id: number; result: ApiResult<unknown> }
  /** A push event (library.changed). */
  | { kind: 'event'; name: string; payload: unknown }
  /** Answered by the receiving side itself with its body: the cost of the channel alone. */
  | { kind: 'echo'; id: number; body: unknown };

/** One end of a channel carrying frames, whatever the channel is. */
export interface PortLike {
  post(frame: Frame): void;
  /** Sets the receiver of every frame that arrives (unchecked: see parseFrame). */
  listen(receive: (data: unknown) => void): void;
  close(): void;
  /** Calls `handler` when the other end is gone (a window closed or reloaded), where the channel can tell. */
  onClose?(handler: () => void): void;
}

const isId = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const isName = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 200;

/** A frame of the right shape, or null (a malformed frame is dropped, never answered). */
export function parseFrame(data: unknown): Frame | null {
  if (typeof data !== 'object' || data === null) return null;
  const frame = data as Record<string, unknown>;
  switch (frame['kind']) {
    case 'call':
      return isId(frame['id']) && isName(frame['name']) ? { kind: 'call', id: frame['id'], name: frame['name'], input: frame['input'], meta: frame['meta'] } : null;
    case 'result': {
      const result = frame['result'] as { ok?: unknown } | null;
      return isId(frame['id']) && typeof result === 'object' && result !== null && typeof result.ok === 'boolean'
        ? { kind: 'result', id: frame['id'], result: result as ApiResult<unknown> }
        : null;
    }
    case 'event':
      return isName(frame['name']) ? { kind: 'event', name: frame['name'], payload: frame['payload'] } : null;
    case 'echo':
      return isId(frame['id']) ? { kind: 'echo', id: frame['id'], body: frame['body'] } : null;
    default:
      return null;
  }
}

/**
 * The answer to every call still waiting when the other side went away. Like browser
 * mode's, its code is 'internal' (worth trying again) and it never claims nothing was
 * changed: the core may have committed the write before it stopped.
 */
export const CORE_STOPPED: ApiError = {
  code: 'internal',
  reason: 'connection.core_stopped',
  message: 'Fieldwork’s core stopped before it answered; this may not have been saved.',
};
