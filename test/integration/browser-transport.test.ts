// The browser-mode transport: the token (header and socket message), Host and Origin checks, schema parsing of
// every operation, and push events. Hostile input to every operation is in
// hostile-input.test.ts; binding and rebinding checks in browser-security.test.ts.
import { call } from '../helpers/call.js';
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
    expect(await message).toMatchObject({ event: 'library.changed', payload: { operation: 'study.create', studies: [{ studyId: id, kinds: ['study'] }] } });
    client.close();
  });

  it('answers a write retried with the same mutation id once, and names the calling tab in its change', async () => {
    const { server, library } = await startTestServer();
    const client = await openEventSocket(server);
    const message = nextEvent(client);
    const headers = { 'x-fieldwork-mutation': 'http-retry-01', 'x-fieldwork-actor': 'tab-http-0001' };
    const first = await post(server, 'study.create', { name: '重试' }, headers);
    const again = await post(server, 'study.create', { name: '重试' }, headers);
    expect(again.body).toEqual(first.body);
    expect((await call(library, 'study.list', {})).filter((s) => s.name === '重试')).toHaveLength(1);
    expect(await message).toMatchObject({ event: 'library.changed', payload: { mutationId: 'http-retry-01', actor: 'tab-http-0001' } });
    expect((await post(server, 'study.create', { name: 'x' }, { 'x-fieldwork-mutation': 'bad id!' })).body).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    client.close();
  });

  it('catches a page up on the changes made while its socket was away', async () => {
    const { server } = await startTestServer();
    const first = await openEventSocket(server);
    const created = nextEvent(first);
    const id = ((await post(server, 'study.create', { name: '离线' })).body.value as { id: string }).id;
    const seen = ((await created) as { payload: { revision: number } }).payload.revision;
    first.close();

    await post(server, 'study.rename', { id, name: '离线 1' });
    await post(server, 'study.rename', { id, name: '离线 2' });

    const back = await openEventSocket(server, server.token, seen);
    expect(back.revision).toBe(seen + 2);
    const missed = await post(server, 'change.since', { revision: seen });
    expect(missed.body).toMatchObject({ ok: true, value: { revision: seen + 2, changes: [{ revision: seen + 1, operation: 'study.rename' }, { revision: seen + 2, operation: 'study.rename' }] } });
    back.close();
  });
});
