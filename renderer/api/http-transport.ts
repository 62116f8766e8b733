// Browser mode: operations are POSTed to /api/<name> with the per-run token in a
// header, and push events arrive over a WebSocket that sends the token as its first
// message. When the server goes away the socket tries again a few times, then stops
// and the page says how to reconnect (see connection.ts): a server restarted with a
// new token can never be reached again from this tab, so retrying forever helps no one.
// Notes an earlier page kept because it could not be sure they were saved go first,
// so nothing reads the notes before they are in. A socket that comes back after a drop
// catches up on the changes it missed (change.since) before anything newer, so every
// cached query that went stale meanwhile is refreshed; a page away for longer than
// the library keeps history refreshes everything. Answers read before the socket first
// listened carry the revision they were read at (REVISION_HEADER): the changes between
// it and the socket's first revision are delivered again, so no query stays stale.
import type { FieldworkApi } from '../../shared/api/client';
import { ACTOR_HEADER, MUTATION_HEADER, REVISION_HEADER, SOCKET_CLOSE } from '../../shared/api/browser-mode';
import type { CallMeta } from '../../shared/api/changes';
import { isEventName } from '../../shared/api/contract';
import { createEventDelivery } from '../../shared/api/event-delivery';
import type { ApiResult } from '../../shared/api/result';
import { connectionState, reportConnection, reportReconnected, setConnectionRetry } from './connection';
import { currentToken, operationHeaders } from './token';
import { saveUnsentNotes } from './unsentNotes';
import { sendKeptNoteUpdates } from './pendingNoteUpdates';

/** Waits between tries to reach the server again; after the last, the page waits for the user. */
const RETRY_DELAYS_MS = [300, 1000, 2000, 4000, 8000];

/**
 * Answers for calls that never got a real answer. The code stays 'internal' (worth
 * trying again later: kept notes are kept); the reason says what happened, because
 * "nothing was changed" would not be true: the server may have saved it before going away.
 */
const UNREACHABLE: ApiResult<never> = {
  ok: false,
  error: { code: 'internal', reason: 'connection.unreachable', message: 'The Fieldwork server did not answer; this may not have been saved.' },
};
const RESTARTED: ApiResult<never> = {
  ok: false,
  error: { code: 'internal', reason: 'connection.restarted', message: 'The Fieldwork server was restarted; open its new link.' },
};

export function createHttpApi(location: Location): FieldworkApi {
  const events = createEventDelivery();
  let socket: WebSocket | null = null;
  let ready = false;
  let failedTries = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** The revision the socket first listened from; null until it said. */
  let listeningFrom: number | null = null;
  /** The oldest revision an answer was read at before then. */
  let earliestRead: number | null = null;
  const replayFrom = (from: number, upTo: number) => void events.replay((revision) => send('change.since', { revision }), from, upTo);
  /** An answer read at `revision`, asked before the socket listened: it may miss changes the socket will not send. */
  const readBeforeListening = (revision: number) => {
    if (listeningFrom === null) earliestRead = Math.min(earliestRead ?? revision, revision);
    else if (revision < listeningFrom) replayFrom(revision, listeningFrom);
  };
  const connect = () => {
    if (socket || connectionState() === 'restarted') return;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    const wsUrl = new URL('events', location.href);
    wsUrl.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    wsUrl.hash = '';
    const current = new WebSocket(wsUrl);
    socket = current;
    let wasReady = false;
    current.onopen = () => current.send(JSON.stringify({ token: currentToken() ?? '', ...(events.seen !== null ? { revision: events.seen } : {}) }));
    current.onmessage = (message) => {
      let data: { event?: unknown; payload?: unknown; ready?: unknown; revision?: unknown };
      try {
        data = JSON.parse(String(message.data)) as typeof data;
      } catch {
        return;
      }
      if (data.ready === true) {
        wasReady = ready = true;
        failedTries = 0;
        reportConnection('connected');
        const revision = typeof data.revision === 'number' ? data.revision : 0;
        // Back after a drop: note editors ask for what they missed (note text is not in the change feed).
        if (events.seen !== null) reportReconnected();
        if (listeningFrom === null) {
          listeningFrom = revision;
          if (earliestRead !== null && earliestRead < revision) replayFrom(earliestRead, revision);
        }
        if (events.seen === null) events.seen = revision;
        else if (revision > events.seen) void events.catchUp((from) => send('change.since', { revision: from }), revision);
        return;
      }
      if (!isEventName(data.event)) return;
      events.receive(data.event, data.payload);
    };
    current.onclose = (event) => {
      socket = null;
      ready = false;
      if (event.code === SOCKET_CLOSE.tokenRejected) {
        reportConnection('restarted');
        return;
      }
      // A socket that was working just lost its server: one quiet try first. A try that
      // never got through means the server is not there: say so, and keep trying a while.
      if (!wasReady) {
        failedTries += 1;
        reportConnection('unreachable');
      }
      const delay = RETRY_DELAYS_MS[failedTries];
      if (delay !== undefined) retryTimer = setTimeout(connect, delay);
    };
  };

  setConnectionRetry(() => {
    failedTries = 0;
    connect();
  });

  const send: FieldworkApi['invoke'] = async (name, input, meta?: CallMeta) => {
    const beforeListening = listeningFrom === null;
    let response: Response;
    try {
      response = await fetch(new URL(`api/${encodeURIComponent(name)}`, location.href), {
        method: 'POST',
        headers: {
          ...operationHeaders(),
          ...(meta?.mutationId ? { [MUTATION_HEADER]: meta.mutationId } : {}),
          ...(meta?.actor ? { [ACTOR_HEADER]: meta.actor } : {}),
        },
        body: JSON.stringify(input),
      });
    } catch {
      // While the socket is working the server is there (this was a passing failure);
      // otherwise the socket's tries decide when it is back.
      if (!ready) reportConnection('unreachable');
      return UNREACHABLE;
    }
    if (response.status === 401) {
      reportConnection('restarted');
      return RESTARTED;
    }
    const readAt = Number(response.headers.get(REVISION_HEADER) ?? Number.NaN);
    if (beforeListening && Number.isInteger(readAt)) readBeforeListening(readAt);
    if (connectionState() === 'unreachable') {
      // It answers again (the same server, so the same token): listen for events again too.
      reportConnection('connected');
      failedTries = 0;
      connect();
    }
    try {
      return (await response.json()) as ApiResult<never>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `Unexpected answer from the server (${response.status}).` } };
    }
  };
  // Notes typed by earlier pages and never confirmed go first, so nothing reads the notes before they are in.
  const unsentSaved = saveUnsentNotes(send)
    .then(() => sendKeptNoteUpdates(send))
    .catch(() => undefined);

  return {
    async invoke(name, input, meta) {
      await unsentSaved;
      return send(name, input, meta);
    },
    on(event, listener) {
      if (!socket && !retryTimer) connect();
      return events.add(event, listener as (payload: unknown) => void);
    },
  };
}
