// Browser mode against other web pages, other local services and the network: DNS
// rebinding (a page whose own name resolves to this machine sends its own Host, with
// our port), tokens that are nearly right or carried where others can read them
// (cookies, URLs), the event socket held to the same checks, and no listening beyond
// loopback unless that was asked for explicitly.
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { RemoteBindRefused, reachableHosts } from '../../electron/core/bridge/bind-address.js';
import { startServer, type RunningServer } from '../../electron/core/bridge/server.js';
import { openTestLibrary, RENDERER_DIR } from '../helpers/library.js';
import { SOCKET_CLOSE } from '../../shared/api/browser-mode.js';
import { closeCode, connectEventSocket, nextEvent, openEventSocket, post, startTestServer } from '../helpers/server.js';

/** Status of a request sent byte for byte as given: fetch() would not let us forge Host. */
function rawStatus(server: RunningServer, path: string, headers: http.OutgoingHttpHeaders, method = 'POST'): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path, method, headers, setHost: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(method === 'POST' ? '{}' : undefined);
  });
}

/** Whether a WebSocket upgrade with these options opens or is refused. */
function upgrade(url: string, options: WebSocket.ClientOptions = {}): Promise<'opened' | 'refused'> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, options);
    socket.on('open', () => {
      socket.close();
      resolve('opened');
    });
    socket.on('error', () => resolve('refused'));
  });
}

describe('browser mode against DNS rebinding and stolen or guessed tokens', () => {
  it('refuses a foreign Host even on our port and with the right token', async () => {
    const { server } = await startTestServer();
    const token = { 'x-fieldwork-token': server.token };
    const own = await rawStatus(server, '/api/app.info', { host: `127.0.0.1:${server.port}`, ...token });
    expect(own).toBe(200);
    for (const host of [`evil.example:${server.port}`, `127.0.0.1.evil.example:${server.port}`, `localhost.evil.example:${server.port}`, 'evil.example', `127.0.0.1:${server.port + 1}`]) {
      expect(await rawStatus(server, '/api/app.info', { host, ...token }), host).toBe(403);
    }
    // No Host at all is no better: Node refuses HTTP/1.1 without one (400) before we do (403).
    expect([400, 403]).toContain(await rawStatus(server, '/api/app.info', token));
    // The page itself is held to the same rule.
    expect(await rawStatus(server, '/', { host: `evil.example:${server.port}` }, 'GET')).toBe(403);
  });

  it('refuses a foreign Origin on our own Host', async () => {
    const { server } = await startTestServer();
    for (const origin of ['https://evil.example', `http://evil.example:${server.port}`, 'null', `http://127.0.0.1:${server.port + 1}`]) {
      const status = await rawStatus(server, '/api/app.info', { host: `127.0.0.1:${server.port}`, origin, 'x-fieldwork-token': server.token });
      expect(status, origin).toBe(403);
    }
  });

  it('refuses tokens that are nearly right, and the right token anywhere but its header', async () => {
    const { server } = await startTestServer();
    const host = `127.0.0.1:${server.port}`;
    const near = [server.token.slice(0, -1), `${server.token}x`, server.token.toUpperCase(), `${server.token.slice(1)}A`, ''];
    for (const token of near) {
      expect(await rawStatus(server, '/api/app.info', { host, 'x-fieldwork-token': token }), `header ${token}`).toBe(401);
    }
    expect(await rawStatus(server, '/api/app.info', { host, 'x-fieldwork-token': server.token })).toBe(200);
    // A cookie would reach every service on 127.0.0.1 (cookies ignore ports), a query ends up in logs.
    expect(await rawStatus(server, '/api/app.info', { host, cookie: `fieldwork_token=${server.token}` })).toBe(401);
    expect(await rawStatus(server, `/api/app.info?token=${server.token}`, { host })).toBe(401);
  });

  it('serves the page and its files without the token, sets no cookie, and keeps the token out of them', async () => {
    const { server } = await startTestServer();
    const page = await fetch(`${server.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toBeNull();
    const html = await page.text();
    expect(html).toContain('<div id="root">');
    expect(html).not.toContain(server.token);
    const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    const asset = await fetch(`${server.origin}/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('set-cookie')).toBeNull();
    // The printed link carries the token in the fragment only, which browsers never send.
    const link = new URL(server.url);
    expect(link.hash).toBe(`#token=${server.token}`);
    expect(link.search).toBe('');
  });

  it('gives push events only to a socket whose first message is the token, and closes one with a wrong token', async () => {
    const { server } = await startTestServer();
    const wrong = await connectEventSocket(server);
    const wrongClosed = closeCode(wrong);
    wrong.send(JSON.stringify({ token: server.token.slice(1) }));
    expect(await wrongClosed).toBe(SOCKET_CLOSE.tokenRejected);

    const notJson = await connectEventSocket(server);
    const notJsonClosed = closeCode(notJson);
    notJson.send(server.token);
    expect(await notJsonClosed).toBe(SOCKET_CLOSE.tokenRejected);

    // Connected but silent: it hears nothing until it shows the token.
    const silent = await connectEventSocket(server);
    const heard: string[] = [];
    silent.on('message', (data) => heard.push(String(data)));
    const listening = await openEventSocket(server);
    const event = nextEvent(listening);
    await post(server, 'study.create', { name: 'Private' });
    expect(await event).toMatchObject({ event: 'library.changed' });
    expect(heard).toEqual([]);
    silent.close();
    listening.close();
  });

  it('holds the WebSocket upgrade to the Host and Origin checks', async () => {
    const { server } = await startTestServer();
    const url = `ws://127.0.0.1:${server.port}/events`;
    expect(await upgrade(url)).toBe('opened');
    expect(await upgrade(url, { headers: { host: `evil.example:${server.port}` } })).toBe('refused');
    expect(await upgrade(url, { origin: `http://evil.example:${server.port}` })).toBe('refused');
    expect(await upgrade(`ws://127.0.0.1:${server.port}/other`)).toBe('refused');
  });
});

describe('where browser mode listens', () => {
  it('listens on loopback only by default', async () => {
    const { server } = await startTestServer();
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
  });

  it('refuses a non-loopback address unless a remote bind is explicitly allowed', async () => {
    const library = await openTestLibrary();
    for (const host of ['0.0.0.0', '::', '192.168.1.20']) {
      await expect(startServer({ library, rendererDir: RENDERER_DIR, host }), host).rejects.toBeInstanceOf(RemoteBindRefused);
    }
    const server = await startServer({ library, rendererDir: RENDERER_DIR, host: '0.0.0.0', allowRemote: true });
    try {
      expect(await rawStatus(server, '/api/app.info', { host: `127.0.0.1:${server.port}`, 'x-fieldwork-token': server.token })).toBe(200);
      // Still only the machine's own names: rebinding is refused on a remote bind too.
      expect(await rawStatus(server, '/api/app.info', { host: `evil.example:${server.port}`, 'x-fieldwork-token': server.token })).toBe(403);
    } finally {
      await server.close();
    }
  });

  it('answers to the machine\'s own addresses when bound to all of them, and to loopback names only otherwise', () => {
    expect(reachableHosts('127.0.0.1', 8080)).toEqual(expect.arrayContaining(['127.0.0.1:8080', 'localhost:8080', '[::1]:8080']));
    expect(reachableHosts('127.0.0.1', 8080)).toHaveLength(3);
    expect(reachableHosts('192.168.1.20', 8080)).toContain('192.168.1.20:8080');
    expect(reachableHosts('0.0.0.0', 8080).every((host) => host.endsWith(':8080'))).toBe(true);
  });
});
