// Starts the browser-mode server on a real library for a test, and stops both after.
import { afterEach } from 'vitest';
import { startServer, type RunningServer } from '../../electron/core/bridge/server.js';
import type { Library } from '../../electron/core/library.js';
import { openTestLibrary, RENDERER_DIR } from './library.js';

const running: RunningServer[] = [];

export async function startTestServer(options: { seedSample?: boolean | 'first-start'; dataDir?: string | undefined; library?: Library; printPdf?: boolean } = {}) {
  const library = options.library ?? (await openTestLibrary(options));
  const server = await startServer({ library, rendererDir: RENDERER_DIR });
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
