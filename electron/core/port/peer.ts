// One side of a frame channel: sends calls and waits for their results by id, answers
// the other side's calls, delivers and sends events, and answers echoes itself. When
// the channel goes away every waiting call resolves with a typed error, never hangs.
import type { ApiResult } from '../../../shared/api/result.js';
import { CORE_STOPPED, parseFrame, type PortLike } from './frames.js';

export type Answer = (name: string, input: unknown, meta: unknown) => Promise<ApiResult<unknown>>;

export interface PeerOptions {
  /** Answers the other side's calls; without it every call is an unknown operation. */
  answer?: Answer;
  onEvent?: (name: string, payload: unknown) => void;
}

export interface Peer {
  call(name: string, input: unknown, meta?: unknown): Promise<ApiResult<unknown>>;
  /** Round trip of `body` through the channel, touching nothing on the other side. */
  echo(body: unknown): Promise<unknown>;
  emit(name: string, payload: unknown): void;
  /** The other side is gone: every waiting call gets CORE_STOPPED, later ones too. */
  fail(): void;
  close(): void;
}

const UNKNOWN: ApiResult<never> = { ok: false, error: { code: 'unknown_operation', message: 'Unknown operation.' } };

export function createPeer(port: PortLike, options: PeerOptions = {}): Peer {
  const waiting = new Map<number, (result: ApiResult<unknown>) => void>();
  let nextId = 1;
  let failed = false;

  const post: PortLike['post'] = (frame) => {
    if (failed) return;
    try {
      port.post(frame);
    } catch (error) {
      // A port closed under us: the other side is gone.
      console.error('core port: could not send', error);
      fail();
    }
  };

  const request = (frame: { kind: 'call'; name: string; input: unknown; meta?: unknown } | { kind: 'echo'; body: unknown }) =>
    new Promise<ApiResult<unknown>>((resolve) => {
      if (failed) return resolve({ ok: false, error: CORE_STOPPED });
      const id = nextId++;
      waiting.set(id, resolve);
      post({ ...frame, id });
    });

  const fail = () => {
    failed = true;
    for (const resolve of waiting.values()) resolve({ ok: false, error: CORE_STOPPED });
    waiting.clear();
  };

  port.listen((data) => {
    const frame = parseFrame(data);
    if (!frame) return;
    switch (frame.kind) {
      case 'result': {
        const resolve = waiting.get(frame.id);
        waiting.delete(frame.id);
        resolve?.(frame.result);
        return;
      }
      case 'event':
        options.onEvent?.(frame.name, frame.payload);
        return;
      case 'echo':
        post({ kind: 'result', id: frame.id, result: { ok: true, value: frame.body } });
        return;
      case 'call': {
        const answer = options.answer;
        const result = answer ? answer(frame.name, frame.input, frame.meta) : Promise.resolve(UNKNOWN);
        result.then(
          (value) => post({ kind: 'result', id: frame.id, result: value }),
          (error: unknown) => {
            console.error(`core port: ${frame.name} failed`, error);
            post({ kind: 'result', id: frame.id, result: { ok: false, error: { code: 'internal', message: 'Something went wrong; nothing was changed.' } } });
          },
        );
      }
    }
  });

  return {
    call: (name, input, meta) => request({ kind: 'call', name, input, ...(meta === undefined ? {} : { meta }) }),
    async echo(body) {
      const result = await request({ kind: 'echo', body });
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    },
    emit: (name, payload) => post({ kind: 'event', name, payload }),
    fail,
    close() {
      fail();
      port.close();
    },
  };
}
