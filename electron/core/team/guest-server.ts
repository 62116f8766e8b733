// The listener teammates reach during a live team session: a second server, on the
// one address the host picked, over HTTPS with the team session's own certificate
// (or plain HTTP on a network the host trusts). It serves the app's page and files,
// teammates' operations at /team/api/<name> (see gateway.ts: never the host's API),
// and their push events at /team/events. Host and Origin must be this listener's own,
// as in browser mode. Each connection has a request budget, and connections and event
// sockets are capped, so one misbehaving device cannot starve the room.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { MUTATION_HEADER, REVISION_HEADER } from '../../../shared/api/browser-mode.js';
import { TEAM_CREDENTIAL_HEADER } from '../../../shared/api/team.js';
import type { Library } from '../library.js';
import { contentSecurityPolicy } from '../security-policy.js';
import { createEventSockets } from '../bridge/event-socket.js';
import { readOperationInput, refuse, sendJson, serveStatic, STATUS_BY_CODE } from '../bridge/http-common.js';
import { httpServerOptions } from '../bridge/limits.js';
import type { TeamScope } from '../changes/team-scope.js';
import { callAsTeammate, teammateOf } from './gateway.js';
import { urlHostOf } from './interfaces.js';
import { eventFor } from './shape-events.js';

export interface GuestLimits {
  /** Connections open at once, event sockets included. */
  maxConnections: number;
  /** Event sockets open at once (a page each). */
  maxEventSockets: number;
  handshakeTimeoutMs: number;
  /** Requests a connection may make per second, sustained, and in a burst. */
  requestsPerSecond: number;
  burst: number;
}

export const DEFAULT_GUEST_LIMITS: GuestLimits = { maxConnections: 96, maxEventSockets: 48, handshakeTimeoutMs: 10_000, requestsPerSecond: 40, burst: 120 };

export interface GuestServerOptions {
  library: Library;
  /** Told when someone's page starts or stops listening (after the change). */
  onPresence?: () => void;
  rendererDir: string;
  address: string;
  port: number;
  tls: { certificate: string; privateKey: string } | null;
  limits?: Partial<GuestLimits>;
}

export interface GuestServer {
  origin: string;
  port: number;
  /** People with a page listening now. */
  connectedMembers(): Set<string>;
  /** Closes a person's event sockets with a code their page understands (removed, role changed). */
  closeMember(memberId: string, code: number, reason: string): void;
  /** Closes every teammate's connection, with the code for "the team session ended". */
  close(code: number): Promise<void>;
}

const API_PREFIX = '/team/api/';

/** A token bucket per connection: `burst` requests at once, refilled at `perSecond`. */
function requestBudget(perSecond: number, burst: number) {
  const buckets = new WeakMap<Socket, { tokens: number; at: number }>();
  return (socket: Socket): boolean => {
    const now = Date.now();
    const bucket = buckets.get(socket) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    buckets.set(socket, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  };
}

const header = (req: http.IncomingMessage, name: string): string | null => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
};

export async function startGuestServer(options: GuestServerOptions): Promise<GuestServer> {
  const { library } = options;
  const limits = { ...DEFAULT_GUEST_LIMITS, ...options.limits };
  const csp = contentSecurityPolicy();
  const scheme = options.tls ? 'https' : 'http';
  let hostHeader = '';
  let origin = '';
  const withinBudget = requestBudget(limits.requestsPerSecond, limits.burst);

  const trustedPeer = (req: http.IncomingMessage): boolean => {
    if (req.headers.host?.toLowerCase() !== hostHeader) return false;
    const given = req.headers.origin;
    return given === undefined || given.toLowerCase() === origin;
  };

  const studyOfSession = (sessionId: string): string | null =>
    (library.context.db.prepare('SELECT study_id AS studyId FROM session WHERE id = ?').get(sessionId) as { studyId: string } | undefined)?.studyId ?? null;

  const revisionNow = (): number | null => {
    try {
      return library.context.changes.revision();
    } catch {
      return null;
    }
  };

  const handleCall = async (req: http.IncomingMessage, res: http.ServerResponse, name: string) => {
    const parsed = await readOperationInput(req, res);
    if (!parsed) return;
    const revision = revisionNow();
    const result = await callAsTeammate(library, { name, input: parsed.input, credential: header(req, TEAM_CREDENTIAL_HEADER), mutationId: header(req, MUTATION_HEADER) });
    // A credential that is no one's (removed, ended) is 401: the page stops and says why.
    const status = !result.ok && result.error.reason === 'team.not_in_session' ? 401 : result.ok ? 200 : STATUS_BY_CODE[result.error.code];
    sendJson(res, status, result, revision === null ? {} : { [REVISION_HEADER]: String(revision) });
  };

  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://team.invalid');
    if (!trustedPeer(req)) {
      refuse(res, 403, 'Requests must come from the team session page itself.');
      return;
    }
    if (!withinBudget(req.socket)) {
      sendJson(res, 429, { ok: false, error: { code: 'forbidden', message: 'Too many requests; slow down.', reason: 'team.rate_limited' } }, { 'retry-after': '1' });
      return;
    }
    if (!url.pathname.startsWith(API_PREFIX)) {
      serveStatic(req, res, url, options.rendererDir, csp);
      return;
    }
    let name: string;
    try {
      name = decodeURIComponent(url.pathname.slice(API_PREFIX.length));
    } catch {
      sendJson(res, 404, { ok: false, error: { code: 'unknown_operation', message: 'Unknown operation.' } });
      return;
    }
    handleCall(req, res, name).catch((error: unknown) => {
      console.error('team session request failed', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Something went wrong.' } });
    });
  };

  const server = options.tls
    ? https.createServer({ ...httpServerOptions(limits), cert: options.tls.certificate, key: options.tls.privateKey }, onRequest)
    : http.createServer(httpServerOptions(limits), onRequest);
  server.maxConnections = limits.maxConnections;
  // A TLS handshake that fails (a browser refusing the certificate until the person
  // accepts it) is the guest's business; it must never reach the process.
  server.on('tlsClientError', (_error, socket) => socket.destroy());
  server.on('clientError', (_error, socket) => socket.destroy());

  const sockets = createEventSockets<TeamScope>({
    maxSockets: limits.maxEventSockets,
    helloTimeoutMs: limits.handshakeTimeoutMs,
    accepts: (credential) => teammateOf(library, credential),
    listen: (seen) => {
      const revision = revisionNow() ?? 0;
      const pin = library.context.changes.pin(Math.min(seen ?? revision, revision));
      // Once the socket is counted among the listeners (right after this returns).
      setImmediate(() => options.onPresence?.());
      return {
        revision,
        sent: (sent) => pin.move(sent),
        release: () => {
          pin.release();
          setImmediate(() => options.onPresence?.());
        },
      };
    },
  });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://team.invalid');
    if (url.pathname !== '/team/events' || !trustedPeer(req)) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    sockets.upgrade(req, socket, head);
  });
  const unsubscribe = library.events.subscribe((event, payload) =>
    sockets.broadcast(
      (scope) => {
        const shaped = eventFor(event, payload, scope, studyOfSession);
        return shaped === null ? null : JSON.stringify({ event, payload: shaped });
      },
      'revision' in payload ? payload.revision : undefined,
    ),
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.address, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  hostHeader = urlHostOf(options.address, port).toLowerCase();
  origin = `${scheme}://${hostHeader}`;

  return {
    origin,
    port,
    connectedMembers: () => new Set(sockets.listeners().map((scope) => scope.memberId)),
    closeMember: (memberId, code, reason) => sockets.closeWhere((scope) => scope.memberId === memberId, code, reason),
    async close(code) {
      unsubscribe();
      sockets.closeWhere(() => true, code, 'team session ended');
      // Let the close frames go out before the connections are cut.
      await new Promise((resolve) => setTimeout(resolve, 50));
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
