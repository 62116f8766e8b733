// Starts the browser-mode server on a real library for a test, and stops both after.
import { afterEach } from 'vitest';
import WebSocket from 'ws';
import type { ConnectionLimits } from '../../electron/core/bridge/limits.js';
import { startServer, type RunningServer } from '../../electron/core/bridge/server.js';
import type { Library } from '../../electron/core/library.js';
import { openTestLibrary, RENDERER_DIR } from './library.js';

export { pageUrl } from './page-url.js';

const running: RunningServer[] = [];

export async function startTestServer(
  options: { seedSample?: boolean | 'first-start'; dataDir?: string | undefined; library?: Library; printPdf?: boolean; limits?: Partial<ConnectionLimits> } = {},
) {
  const library = options.library ?? (await openTestLibrary(options));
  const server = await startServer({ library, rendererDir: RENDERER_DIR, ...(options.limits ? { limits: options.limits } : {}) });
  running.push(server);
  return { library, server };
}

/** Calls an operation over HTTP the way the renderer does. */
export async function post(server: RunningServer, name: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.origin}/api/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-fieldwork-token': server.token, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } } };
}

afterEach(async () => {
  while (running.length) await running.pop()!.close();
});

/** A WebSocket to /events, open but not yet authenticated. */
export async function connectEventSocket(server: RunningServer, options: WebSocket.ClientOptions = {}): Promise<WebSocket> {
  const socket = new WebSocket(`ws://127.0.0.1:${server.port}/events`, options);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return socket;
}

/** How a socket ended: its close code. */
export function closeCode(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => socket.once('close', (code) => resolve(code)));
}

/**
 * A WebSocket to the push events, authenticated as the page does it (the token as its
 * first message); resolves once the server said it is ready, so no event is missed.
 */
export async function openEventSocket(server: RunningServer, token = server.token, seen?: number): Promise<WebSocket & { revision: number }> {
  const socket = await connectEventSocket(server);
  const ready = new Promise<number>((resolve, reject) => {
    socket.once('message', (data) => {
      const hello = JSON.parse(String(data)) as { ready?: boolean; revision?: number };
      if (hello.ready) resolve(hello.revision ?? 0);
      else reject(new Error(String(data)));
    });
    socket.once('close', (code) => reject(new Error(`closed with ${code}`)));
  });
  socket.send(JSON.stringify(seen === undefined ? { token } : { token, revision: seen }));
  return Object.assign(socket, { revision: await ready });
}

/** The next push event a socket receives. */
export function nextEvent(socket: WebSocket): Promise<unknown> {
  return new Promise((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));
}
