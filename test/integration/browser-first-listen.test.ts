// A page reads before its event socket listens: what changed in between must still
// reach it. The page's own HTTP transport (renderer/api/http-transport.ts) runs here
// against the real browser-mode server, with the ws package as the browser's WebSocket
// and in-memory storage. Seen as the "interview still open" banner never showing: the
// page had read the running interviews, then one started before its socket listened.
import { beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Change } from '../../shared/api/changes.js';
import { createHttpApi } from '../../renderer/api/http-transport.js';
import { call } from '../helpers/call.js';
import { startTestServer } from '../helpers/server.js';
import { MemoryStorage } from '../helpers/memory-storage.js';

/** A browser's WebSocket reports a refused connection as an event, never as a thrown error. */
class BrowserLikeWebSocket extends WebSocket {
  constructor(url: string | URL) {
    super(url);
    this.on('error', () => undefined);
  }
}

const globals = globalThis as unknown as Record<string, unknown>;
// Kept after each test: a page's transport tries its socket again a few times after its
// server has gone, and must find the browser's WebSocket when it does. (Each test file
// runs in a worker of its own, so nothing else sees these.)
globals.WebSocket = BrowserLikeWebSocket;

beforeEach(() => {
  globals.localStorage = new MemoryStorage();
  globals.sessionStorage = new MemoryStorage();
});

async function openPage() {
  const { library, server } = await startTestServer();
  (globals.sessionStorage as Storage).setItem('fieldwork.token', server.token);
  const api = createHttpApi(new URL(`${server.origin}/`) as unknown as Location);
  return { library, api };
}

describe('a page that read before its event socket listened', () => {
  it('is told of a change committed between its first read and its socket listening', async () => {
    const { library, api } = await openPage();
    const before = await api.invoke('session.active', {});
    expect(before).toMatchObject({ ok: true, value: [] });

    // Committed after that read and before anything listens.
    const study = await call(library, 'study.create', { name: '访谈仍在进行' });

    const changes: Change[] = [];
    api.on('library.changed', (change) => changes.push(change));
    await expect.poll(() => changes.map((change) => change.operation)).toContain('study.create');
    expect(changes.find((change) => change.operation === 'study.create')?.studies).toEqual([{ studyId: study.id, kinds: expect.arrayContaining(['study']) }]);
  });

  it('is told of it when the read was answered only after the socket listened', async () => {
    const { library, api } = await openPage();
    const study = await call(library, 'study.create', { name: 'Slow read' });
    // The read's answer is held on its way back until the socket listens.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (url, init) => {
      const response = await realFetch(url, init);
      if (String(url).endsWith('/api/study.overview')) await gate;
      return response;
    };
    try {
      const read = api.invoke('study.overview', { id: study.id });
      await expect.poll(() => library.context.changes.revision()).toBeGreaterThan(0);
      // Give the server time to answer the read before the rename commits.
      await new Promise((resolve) => setTimeout(resolve, 100));
      await call(library, 'study.rename', { id: study.id, name: 'Slow read, renamed' });

      const changes: Change[] = [];
      api.on('library.changed', (change) => changes.push(change));
      // Probes until one arrives live: then the socket listens.
      await expect
        .poll(async () => {
          await call(library, 'study.create', { name: 'Probe' });
          return changes.map((change) => change.operation);
        })
        .toContain('study.create');
      expect(changes.map((change) => change.operation)).not.toContain('study.rename');

      release();
      const answer = await read;
      expect(answer).toMatchObject({ ok: true, value: { study: { name: 'Slow read' } } });
      await expect.poll(() => changes.map((change) => change.operation)).toContain('study.rename');
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('is not told again of changes older than its first read', async () => {
    const { library, api } = await openPage();
    await call(library, 'study.create', { name: 'Before the page' });
    await api.invoke('study.list', {});
    const changes: Change[] = [];
    api.on('library.changed', (change) => changes.push(change));
    await call(library, 'study.create', { name: 'While the page listens' });
    await expect.poll(() => changes.length).toBe(1);
    expect(changes[0]!.operation).toBe('study.create');
    // The first study's change was read already: nothing replays it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(changes).toHaveLength(1);
  });
});
