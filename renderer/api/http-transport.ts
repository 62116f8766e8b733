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
import { connectionState, isFinal, reportConnection, reportReconnected, setConnectionRetry, type ConnectionState } from './connection';
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

/** Where a page's calls and events go, and what their refusals mean: browser mode's server, or a team session's host. */
export interface HttpEndpoint {
  /** Relative to the page: `api/` or `team/api/`. */
  apiPath: string;
  /** Relative to the page: `events` or `team/events`. */
  eventsPath: string;
  headers(): Record<string, string>;
  /** What the event socket sends as its first message. */
  socketToken(): string;
  /** What a refused token (HTTP 401, socket closed 4401) means for this page. */
  refused: ConnectionState;
  /** What a server that does not answer means. */
  unreachable: ConnectionState;
  /** Keeps trying to reach the server as long as the page is open (a host's laptop may wake up). */
  retryForever: boolean;
  /** Asks the server every few seconds whether it is there: a sleeping laptop closes nothing. */
  heartbeat: boolean;
  /** Socket close codes with a meaning of their own: a final state, or 'again' (listen again at once). */
  closeCodes: Readonly<Record<number, ConnectionState | 'again'>>;
  /** Told when the socket closed with 'again' (the person's role changed). */
  onAgain?: () => void;
}

/** Browser mode: the page's own server on this computer, reached with the run's token. */
export const BROWSER_MODE: HttpEndpoint = {
  apiPath: 'api/',
  eventsPath: 'events',
  headers: operationHeaders,
  socketToken: () => currentToken() ?? '',
  refused: 'restarted',
  unreachable: 'unreachable',
  retryForever: false,
  heartbeat: false,
  closeCodes: {},
};

/** Between asking the server whether it is there, and how long without any answer means it is gone. */
const HEARTBEAT_MS = 2_500;
const SILENCE_MS = 8_000;

export function createHttpApi(location: Location, endpoint: HttpEndpoint = BROWSER_MODE): FieldworkApi {
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
    if (socket || isFinal(connectionState())) return;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    const wsUrl = new URL(endpoint.eventsPath, location.href);
    wsUrl.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    wsUrl.hash = '';
    const current = new WebSocket(wsUrl);
    socket = current;
    let wasReady = false;
    let heard = Date.now();
    let heartbeat: ReturnType<typeof setInterval> | null = null;
    current.onopen = () => {
      current.send(JSON.stringify({ token: endpoint.socketToken(), ...(events.seen !== null ? { revision: events.seen } : {}) }));
      if (!endpoint.heartbeat) return;
      heartbeat = setInterval(() => {
        // Nothing heard for a while: the host is gone without closing (asleep, unplugged).
        if (Date.now() - heard > SILENCE_MS) current.close();
        else if (current.readyState === current.OPEN) current.send(JSON.stringify({ ping: Date.now() }));
      }, HEARTBEAT_MS);
    };
    current.onmessage = (message) => {
      heard = Date.now();
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
      if (heartbeat) clearInterval(heartbeat);
      if (event.code === SOCKET_CLOSE.tokenRejected) {
        reportConnection(endpoint.refused);
        return;
      }
      const meaning = endpoint.closeCodes[event.code];
      if (meaning === 'again') {
        endpoint.onAgain?.();
        connect();
        return;
      }
      if (meaning) {
        reportConnection(meaning);
        return;
      }
      // A socket that was working just lost its server: one quiet try first. A try that
      // never got through means the server is not there: say so, and keep trying a while.
      if (!wasReady) {
        failedTries += 1;
        reportConnection(endpoint.unreachable);
      }
      const delay = RETRY_DELAYS_MS[failedTries] ?? (endpoint.retryForever ? RETRY_DELAYS_MS.at(-1) : undefined);
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
      response = await fetch(new URL(`${endpoint.apiPath}${encodeURIComponent(name)}`, location.href), {
        method: 'POST',
        headers: {
          ...endpoint.headers(),
          ...(meta?.mutationId ? { [MUTATION_HEADER]: meta.mutationId } : {}),
          ...(meta?.actor ? { [ACTOR_HEADER]: meta.actor } : {}),
        },
        body: JSON.stringify(input),
      });
    } catch {
      // While the socket is working the server is there (this was a passing failure);
      // otherwise the socket's tries decide when it is back.
      if (!ready) reportConnection(endpoint.unreachable);
      return UNREACHABLE;
    }
    if (response.status === 401) {
      reportConnection(endpoint.refused);
      return RESTARTED;
    }
    const readAt = Number(response.headers.get(REVISION_HEADER) ?? Number.NaN);
    if (beforeListening && Number.isInteger(readAt)) readBeforeListening(readAt);
    if (connectionState() === endpoint.unreachable) {
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
