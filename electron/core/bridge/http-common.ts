// What both of the app's HTTP listeners share (browser mode's, and a team session's
// for teammates): JSON answers with the API's status codes, bounded request bodies,
// and the built page's static files with their security headers.
import { timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import type { ApiErrorCode, ApiResult } from '../../../shared/api/result.js';
import { mimeType, resolveStaticPath } from '../static-files.js';

export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export const STATUS_BY_CODE: Record<ApiErrorCode, number> = {
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

export function sameToken(expected: string, given: string | undefined | null): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function sendJson(res: http.ServerResponse, status: number, body: ApiResult<unknown>, extra: http.OutgoingHttpHeaders = {}): void {
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

export function refuse(res: http.ServerResponse, status: number, message: string): void {
  sendJson(res, status, { ok: false, error: { code: 'forbidden', message } });
}

/** Reads a request body up to the limit; null when it is larger. */
export function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
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

/**
 * An operation's input from a POST body: JSON, at most MAX_BODY_BYTES, an empty body
 * being `{}`. Answers the request itself (405, 413, 400) and gives null when it is not one.
 */
export async function readOperationInput(req: http.IncomingMessage, res: http.ServerResponse): Promise<{ input: unknown } | null> {
  if (req.method !== 'POST') {
    res.writeHead(405, { allow: 'POST' }).end();
    return null;
  }
  const body = await readBody(req);
  if (body === null) {
    sendJson(res, 413, { ok: false, error: { code: 'invalid_input', message: 'The request is too large.' } });
    return null;
  }
  try {
    return { input: body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as unknown) };
  } catch {
    sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: 'The request body is not valid JSON.' } });
    return null;
  }
}

export function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, url: URL, rendererDir: string, csp: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const file = resolveStaticPath(rendererDir, url.pathname);
  const found = file && fs.existsSync(file) && fs.statSync(file).isFile();
  // Unknown paths without an extension are app routes: serve the index page.
  const target = found ? file : !/\.[a-z0-9]+$/i.test(url.pathname) ? resolveStaticPath(rendererDir, '/') : null;
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
}
