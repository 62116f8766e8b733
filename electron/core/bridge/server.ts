// Browser mode: the same handler map as the desktop app, served over HTTP (operations)
// and WebSocket (push events) on 127.0.0.1 (another address only when explicitly
// allowed, see bind-address.ts). Every request's Host and Origin must be this
// server's own, which stops other web pages and DNS rebinding from reaching the
// library. The page and its static files hold no data and load without the per-run
// token; every operation must carry it in a header, and the event socket as its
// first message. No cookie and no URL query ever carries it: cookies ignore ports,
// so every other service on 127.0.0.1 would receive it. The printed link has it in
// the fragment, which the browser never sends.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ACTOR_HEADER, MUTATION_HEADER, REVISION_HEADER, TOKEN_HEADER } from '../../../shared/api/browser-mode.js';
import type { Library } from '../library.js';
import { contentSecurityPolicy } from '../security-policy.js';
import { checkBindAddress, hostPort, LOOPBACK, reachableHosts, urlHost } from './bind-address.js';
import { createEventSockets } from './event-socket.js';
import { DEFAULT_LIMITS, httpServerOptions, type ConnectionLimits } from './limits.js';
import { attachTeamHost, type TeamHostOptions } from '../team/team-host.js';
import { readBody, readOperationInput, refuse, sameToken, sendJson, serveStatic, STATUS_BY_CODE } from './http-common.js';

export interface ServerOptions {
  library: Library;
  /** Built renderer folder (index.html and assets). */
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; a random one per run otherwise. */
  token?: string;
  /** Address to listen on; loopback (127.0.0.1) unless `allowRemote` is set. */
  host?: string;
  /** Listening on a non-loopback address must be asked for explicitly: it exposes the library to the network. */
  allowRemote?: boolean;
  /**
   * Adds POST /echo, answering its body without touching the library, behind the same
   * checks as every request: the benchmark's baseline for the cost of HTTP itself.
   */
  echo?: boolean;
  /** Connection caps and the header deadline; tests shorten the deadline. */
  limits?: Partial<ConnectionLimits>;
  /** Live team sessions: how their listener is limited, and which addresses count as this computer's (tests). */
  team?: Omit<TeamHostOptions, 'rendererDir'>;
}

export interface RunningServer {
  /** The link to open: the page, with the token in its fragment (never sent to any server). */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const API_PREFIX = '/api/';

/** The caller's mutation id and actor, from their headers (parsed with the input by the dispatcher). */
function callMeta(req: http.IncomingMessage): Record<string, unknown> {
  const meta: Record<string, unknown> = {};
  const mutationId = req.headers[MUTATION_HEADER];
  const actor = req.headers[ACTOR_HEADER];
  if (mutationId !== undefined) meta['mutationId'] = mutationId;
  if (actor !== undefined) meta['actor'] = actor;
  return meta;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { library } = options;
  const token = options.token ?? randomBytes(24).toString('base64url');
  let origins: Set<string> = new Set();
  let hosts: Set<string> = new Set();
  const csp = contentSecurityPolicy();

  /** The library's revision; null when it could not be opened (the problem screen has no change log). */
  const currentRevision = (): number | null => {
    try {
      return library.context.changes.revision();
    } catch {
      return null;
    }
  };

  const authorised = (req: http.IncomingMessage): boolean => {
    const header = req.headers[TOKEN_HEADER];
    return sameToken(token, typeof header === 'string' ? header : null);
  };

  /** Host must be ours (DNS rebinding); Origin, when a browser sends one, must be ours too. */
  const trustedPeer = (req: http.IncomingMessage): boolean => {
    if (!req.headers.host || !hosts.has(req.headers.host.toLowerCase())) return false;
    const origin = req.headers.origin;
    return origin === undefined || origins.has(origin.toLowerCase());
  };

  const handleApi = async (req: http.IncomingMessage, res: http.ServerResponse, name: string) => {
    const parsed = await readOperationInput(req, res);
    if (!parsed) return;
    const { input } = parsed;
    // Read before the call runs, so the answer is at least this current (see REVISION_HEADER).
    const revision = currentRevision();
    const result = await library.dispatch(name, input, callMeta(req));
    sendJson(res, result.ok ? 200 : STATUS_BY_CODE[result.error.code], result, revision === null ? {} : { [REVISION_HEADER]: String(revision) });
  };

  const limits: ConnectionLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const server = http.createServer(httpServerOptions(limits), (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!trustedPeer(req)) {
      refuse(res, 403, 'Requests must come from Fieldwork itself.');
      return;
    }
    const forApp = url.pathname.startsWith(API_PREFIX) || (options.echo === true && url.pathname === '/echo');
    if (!forApp) {
      // The page and its files: the page itself asks for the token when it has none.
      serveStatic(req, res, url, options.rendererDir, csp);
      return;
    }
    if (!authorised(req)) {
      refuse(res, 401, 'Open Fieldwork with the link printed when the server started (it carries the access token).');
      return;
    }
    if (url.pathname === '/echo') {
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      readBody(req).then(
        (body) => res.writeHead(200, { 'content-type': 'application/json' }).end(body ?? ''),
        () => res.writeHead(400).end(),
      );
      return;
    }
    let name: string;
    try {
      name = decodeURIComponent(url.pathname.slice(API_PREFIX.length));
    } catch {
      sendJson(res, 400, { ok: false, error: { code: 'unknown_operation', message: 'Unknown operation.' } });
      return;
    }
    handleApi(req, res, name).catch((error: unknown) => {
      console.error('request failed', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Something went wrong.' } });
    });
  });

  const sockets = createEventSockets({
    maxSockets: limits.maxEventSockets,
    helloTimeoutMs: limits.handshakeTimeoutMs,
    accepts: (given) => (sameToken(token, given) ? true : null),
    listen: (seen) => {
      // A library that could not be opened (the problem screen) has no change log to read:
      // the page still listens, from revision 0, and reloads once a restore brings one back.
      const revision = currentRevision();
      if (revision === null) return { revision: 0, sent: () => undefined, release: () => undefined };
      const pin = library.context.changes.pin(Math.min(seen ?? revision, revision));
      return { revision, sent: (sent) => pin.move(sent), release: () => pin.release() };
    },
  });
  server.on('upgrade', (req, socket, head) => {
    // An error on a socket no one listens to yet would stop the server too.
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/events' || !trustedPeer(req)) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    sockets.upgrade(req, socket, head);
  });
  const unsubscribe = library.events.subscribe((event, payload) =>
    sockets.broadcast(JSON.stringify({ event, payload }), 'revision' in payload ? payload.revision : undefined),
  );

  server.maxConnections = limits.maxConnections;

  const address = options.host ?? LOOPBACK;
  checkBindAddress(address, options.allowRemote ?? false);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, address, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const reachable = reachableHosts(address, port);
  hosts = new Set(reachable);
  origins = new Set(reachable.map((host) => `http://${host}`));
  const origin = `http://${hostPort(urlHost(address), port)}`;

  const team = await attachTeamHost(library, { rendererDir: options.rendererDir, ...options.team });

  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    async close() {
      await team.close();
      unsubscribe();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
