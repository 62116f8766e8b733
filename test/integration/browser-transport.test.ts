// The browser-mode transport: the token (header and socket message), Host and Origin checks, schema parsing of
// every operation, and push events. Hostile input to every operation is in
// hostile-input.test.ts; binding and rebinding checks in browser-security.test.ts.
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { OPERATION_NAMES } from '../../shared/api/contract.js';
import { totalChanges } from '../helpers/library.js';
import { SOCKET_CLOSE } from '../../shared/api/browser-mode.js';
import { nextEvent, openEventSocket, post, startTestServer } from '../helpers/server.js';

/** An input each operation's schema must reject: an unknown key on top of nothing valid. */
const INVALID = { __unexpected: true };

describe('browser-mode transport', () => {
  it('answers a call that carries the token', async () => {
    const { server } = await startTestServer();
    const result = await post(server, 'app.info', {});
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ ok: true, value: { name: 'Fieldwork' } });
  });

  it('refuses requests without the token or with a wrong one', async () => {
    const { server } = await startTestServer();
    const none = await fetch(`${server.origin}/api/app.info`, { method: 'POST', body: '{}' });
    expect(none.status).toBe(401);
    const wrong = await post(server, 'app.info', {}, { 'x-fieldwork-token': 'not-the-token' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses a foreign Origin and a foreign Host even with the token', async () => {
    const { server } = await startTestServer();
    const origin = await post(server, 'app.info', {}, { origin: 'https://evil.example' });
    expect(origin.status).toBe(403);
    // fetch() will not forge Host, so speak HTTP directly for that case.
    const http = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: server.port, path: '/api/app.info', method: 'POST', headers: { host: 'attacker.test', 'x-fieldwork-token': server.token } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('serves the app page with a strict CSP that names no socket address, and nothing outside the app', async () => {
    const { server } = await startTestServer();
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('ws:');
    const traversal = await fetch(`${server.origin}/..%2f..%2fpackage.json`);
    expect(traversal.status).toBe(404);
  });

  it('rejects invalid input to every operation with a typed invalid_input error and writes nothing', async () => {
    const { server, library } = await startTestServer();
    const before = totalChanges(library);
    for (const name of OPERATION_NAMES) {
      const result = await post(server, name, INVALID);
      expect(result.status, name).toBe(400);
      expect(result.body, name).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(totalChanges(library)).toBe(before);
  });

  it('answers unknown and prototype operation names with unknown_operation', async () => {
    const { server } = await startTestServer();
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 'study', 'study.list.x']) {
      const result = await post(server, name, {});
      expect(result.body, name).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
    }
  });

  it('answers malformed JSON and oversized bodies with typed errors', async () => {
    const { server } = await startTestServer();
    const malformed = await post(server, 'study.create', '{"name": ');
    expect(malformed.body).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const huge = await post(server, 'study.create', JSON.stringify({ name: 'x'.repeat(17 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
  });

  it('pushes events over the WebSocket to clients that sent the token, and refuses others', async () => {
    const { server } = await startTestServer();
    const foreign = new WebSocket(`ws://127.0.0.1:${server.port}/events`, { origin: 'https://evil.example' });
    expect(await new Promise<string>((resolve) => {
      foreign.on('error', () => resolve('refused'));
      foreign.on('open', () => resolve('opened'));
    })).toBe('refused');
    await expect(openEventSocket(server, 'not-the-token')).rejects.toThrow(String(SOCKET_CLOSE.tokenRejected));

    const client = await openEventSocket(server);
    const message = nextEvent(client);
    const created = await post(server, 'study.create', { name: '推送测试' });
    const id = (created.body.value as { id: string }).id;
    expect(await message).toEqual({ event: 'study.changed', payload: { studyId: id, change: 'created' } });
    client.close();
  });
});
