// Browser mode: the same handler map as the desktop app, served over HTTP (operations)
// and WebSocket (push events) on 127.0.0.1 (another address only when explicitly
// allowed, see bind-address.ts). Every request's Host and Origin must be this
// server's own, which stops other web pages and DNS rebinding from reaching the
// library. The page and its static files hold no data and load without the per-run
// token; every operation must carry it in a header, and the event socket as its
// first message. No cookie and no URL query ever carries it: cookies ignore ports,
// so every other service on 127.0.0.1 would receive it. The printed link has it in
// the fragment, which the browser never sends.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ACTOR_HEADER, MUTATION_HEADER, REVISION_HEADER, TOKEN_HEADER } from '../../../shared/api/browser-mode.js';
import type { ApiErrorCode, ApiResult } from '../../../shared/api/result.js';
import type { Library } from '../library.js';
import { contentSecurityPolicy } from '../security-policy.js';
import { checkBindAddress, hostPort, LOOPBACK, reachableHosts, urlHost } from './bind-address.js';
import { mimeType, resolveStaticPath } from '../static-files.js';
import { createEventSockets } from './event-socket.js';
import { DEFAULT_LIMITS, httpServerOptions, type ConnectionLimits } from './limits.js';

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
}

export interface RunningServer {
  /** The link to open: the page, with the token in its fragment (never sent to any server). */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 16 * 1024 * 1024;
const API_PREFIX = '/api/';

const STATUS_BY_CODE: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  unknown_operation: 404,
  not_found: 404,
  conflict: 409,
  read_only: 409,
  reload_required: 409,
  storage: 507,
  forbidden: 403,
  internal: 500,
};

function sameToken(expected: string, given: string | undefined | null): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: http.ServerResponse, status: number, body: ApiResult<unknown>, extra: http.OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extra,
  });
  res.end(text);
}

function refuse(res: http.ServerResponse, status: number, message: string): void {
  sendJson(res, status, { ok: false, error: { code: 'forbidden', message } });
}

/** Reads a request body up to the limit; null when it is larger. */
function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

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
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const body = await readBody(req);
    if (body === null) {
      sendJson(res, 413, { ok: false, error: { code: 'invalid_input', message: 'The request is too large.' } });
      return;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as unknown);
    } catch {
      sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: 'The request body is not valid JSON.' } });
      return;
    }
    // Read before the call runs, so the answer is at least this current (see REVISION_HEADER).
    const revision = currentRevision();
    const result = await library.dispatch(name, input, callMeta(req));
    sendJson(res, result.ok ? 200 : STATUS_BY_CODE[result.error.code], result, revision === null ? {} : { [REVISION_HEADER]: String(revision) });
  };

  const handleStatic = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const file = resolveStaticPath(options.rendererDir, url.pathname);
    const found = file && fs.existsSync(file) && fs.statSync(file).isFile();
    // Unknown paths without an extension are app routes: serve the index page.
    const target = found ? file : !/\.[a-z0-9]+$/i.test(url.pathname) ? resolveStaticPath(options.rendererDir, '/') : null;
    if (!target || !fs.existsSync(target)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const headers: http.OutgoingHttpHeaders = {
      'content-type': mimeType(target),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': target.endsWith('.html') ? 'no-store' : 'private, max-age=31536000, immutable',
    };
    if (target.endsWith('.html')) {
      headers['content-security-policy'] = csp;
      headers['x-frame-options'] = 'DENY';
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(target).pipe(res);
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
      handleStatic(req, res, url);
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
    accepts: (given) => sameToken(token, given),
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

  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    async close() {
      unsubscribe();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
