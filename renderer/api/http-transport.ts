// Browser mode: operations are POSTed to /api/<name> with the per-run token, and push
// events arrive over a WebSocket that reconnects by itself if the server restarts.
// Notes an earlier page kept because it could not be sure they were saved go first,
// so nothing reads the notes before they are in.
import type { FieldworkApi } from '../../shared/api/client';
import { isEventName, type EventName } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/result';
import { saveUnsentNotes } from './unsentNotes';

const TOKEN_KEY = 'fieldwork.token';

function readToken(location: Location): string {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) sessionStorage.setItem(TOKEN_KEY, fromUrl);
  return fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function createHttpApi(location: Location): FieldworkApi {
  const token = readToken(location);
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let socket: WebSocket | null = null;
  let retryMs = 500;

  const connect = () => {
    const wsUrl = new URL('events', location.href);
    wsUrl.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    wsUrl.search = `?token=${encodeURIComponent(token)}`;
    socket = new WebSocket(wsUrl);
    socket.onopen = () => (retryMs = 500);
    socket.onmessage = (message) => {
      let data: { event?: unknown; payload?: unknown };
      try {
        data = JSON.parse(String(message.data)) as { event?: unknown; payload?: unknown };
      } catch {
        return;
      }
      if (!isEventName(data.event)) return;
      for (const listener of listeners.get(data.event) ?? []) listener(data.payload);
    };
    socket.onclose = () => {
      socket = null;
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 10_000);
    };
  };

  const send: FieldworkApi['invoke'] = async (name, input) => {
    let response: Response;
    try {
      response = await fetch(new URL(`api/${encodeURIComponent(name)}`, location.href), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-fieldwork-token': token },
        body: JSON.stringify(input),
      });
    } catch {
      return { ok: false, error: { code: 'internal', message: 'Fieldwork is not reachable. Is the server still running?' } };
    }
    try {
      return (await response.json()) as ApiResult<never>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `Unexpected answer from the server (${response.status}).` } };
    }
  };
  const unsentSaved = saveUnsentNotes(send).catch(() => undefined);

  return {
    async invoke(name, input) {
      await unsentSaved;
      return send(name, input);
    },
    on(event, listener) {
      if (!socket) connect();
      const set = listeners.get(event) ?? new Set();
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      listeners.set(event, set);
      return () => set.delete(wrapped);
    },
  };
}
