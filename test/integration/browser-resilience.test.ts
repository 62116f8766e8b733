// Browser mode stays up for everyone whatever one client does: a malformed WebSocket
// frame closes that client's connection only; a client that trickles its headers is
// dropped at the deadline; connections past the caps are refused, not queued forever.
import { describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import type { RunningServer } from '../../electron/core/bridge/server.js';
import { answered, frame, OPCODE, rawConnect, rawWebSocket, type RawConnection } from '../helpers/raw-socket.js';
import { SOCKET_CLOSE } from '../../shared/api/browser-mode.js';
import { closeCode, connectEventSocket, nextEvent, openEventSocket, post, startTestServer } from '../helpers/server.js';

const closeFrame = (code: number) => {
  const payload = Buffer.alloc(2);
  payload.writeUInt16BE(code);
  return frame(OPCODE.close, payload);
};

const MALFORMED: Array<[string, Buffer]> = [
  ['a frame over the size limit', frame(OPCODE.text, Buffer.from('x'), { declaredLength: 64 * 1024 * 1024 })],
  ['a text frame that is not valid UTF-8', frame(OPCODE.text, Buffer.from([0x66, 0xff, 0xfe, 0x6f]))],
  ['an unmasked frame', frame(OPCODE.text, Buffer.from('hello'), { masked: false })],
  ['a frame with a reserved opcode', frame(OPCODE.reserved, Buffer.from('hello'))],
  ['a close frame with a code no endpoint may send', closeFrame(1005)],
  ['a close frame with an undefined code', closeFrame(999)],
];

describe('browser mode with a misbehaving WebSocket client', () => {
  for (const [what, bytes] of MALFORMED) {
    it(`closes only the connection that sent ${what}, and keeps serving everyone else`, async () => {
      const { server } = await startTestServer();
      const bystander = await openEventSocket(server);
      const attacker = await rawWebSocket(server.port);
      attacker.socket.write(bytes);
      await attacker.closed;

      expect(await post(server, 'app.info', {})).toMatchObject({ status: 200, body: { ok: true } });
      const event = nextEvent(bystander);
      const created = await post(server, 'study.create', { name: 'Still here' });
      expect(created.status).toBe(200);
      expect(await event).toMatchObject({ event: 'library.changed', payload: { operation: 'study.create' } });
      const late = await openEventSocket(server);
      late.close();
      bystander.close();
    });
  }
});

/** A request line and headers without the blank line that ends them: the server keeps waiting for more. */
const unfinishedRequest = (server: RunningServer) =>
  `GET /favicon.svg HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Fieldwork-Token: ${server.token}\r\n`;

describe('browser mode with clients that hold connections', () => {
  it('drops a client that trickles its headers past the deadline, and one that sends nothing, while answering others', async () => {
    const { server } = await startTestServer({ limits: { handshakeTimeoutMs: 300 } });
    const silent = await rawConnect(server.port);
    const slow = await rawConnect(server.port);
    // One byte at a time, with no end: a complete request would never arrive.
    const request = `${unfinishedRequest(server)}X-Padding: ${'a'.repeat(1_000_000)}`;
    let sent = 0;
    const trickle = setInterval(() => {
      if (!slow.isClosed()) slow.socket.write(request[sent++] ?? 'a');
    }, 20);
    try {
      expect(await post(server, 'app.info', {})).toMatchObject({ status: 200 });
      await slow.closed;
      await silent.closed;
    } finally {
      clearInterval(trickle);
    }
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408/);
    expect(sent).toBeLessThan(request.length);
    expect(await post(server, 'app.info', {})).toMatchObject({ status: 200 });
  });

  it('closes an event socket that does not send its token before the deadline', async () => {
    const { server } = await startTestServer({ limits: { handshakeTimeoutMs: 300 } });
    const silent = await connectEventSocket(server);
    expect(await closeCode(silent)).toBe(SOCKET_CLOSE.tooSlow);
    const listening = await openEventSocket(server);
    listening.close();
  });

  it('keeps a socket that showed its token open long past the deadline', async () => {
    const { server } = await startTestServer({ limits: { handshakeTimeoutMs: 200 } });
    const listening = await openEventSocket(server);
    let closed = false;
    listening.on('close', () => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const event = nextEvent(listening);
    await post(server, 'study.create', { name: 'Later' });
    expect(await event).toMatchObject({ event: 'library.changed' });
    expect(closed).toBe(false);
    listening.close();
  });

  it('serves 64 connections at once and closes the next one unanswered, until one of them ends', async () => {
    const { server } = await startTestServer({ limits: { handshakeTimeoutMs: 60_000 } });
    const held: RawConnection[] = [];
    for (let i = 0; i < 64; i += 1) {
      const connection = await rawConnect(server.port);
      connection.socket.write(unfinishedRequest(server));
      held.push(connection);
    }
    const over = await rawConnect(server.port);
    over.socket.write(`${unfinishedRequest(server)}\r\n`);
    await over.closed;
    expect(over.received()).toBe('');

    // The first one held was being served all along: it is answered once its headers end.
    const first = held.shift()!;
    first.socket.write('Connection: close\r\n\r\n');
    expect(await answered(first, /\r\n\r\n/)).toMatch(/^HTTP\/1\.1 200/);
    await first.closed;
    await expect.poll(async () => (await post(server, 'app.info', {}).catch(() => ({ status: 0 }))).status).toBe(200);
    for (const connection of held) connection.socket.destroy();
  });

  it('keeps 16 event sockets open at once and refuses the next with 503, until one closes', async () => {
    const { server } = await startTestServer();
    const open: WebSocket[] = [];
    for (let i = 0; i < 16; i += 1) open.push(await openEventSocket(server));
    await expect(openEventSocket(server)).rejects.toThrow(/503/);
    // Plain requests are still answered while the sockets are full.
    expect(await post(server, 'app.info', {})).toMatchObject({ status: 200 });
    const leaving = open.pop()!;
    leaving.close();
    await new Promise((resolve) => leaving.once('close', resolve));
    await expect.poll(() => openEventSocket(server).then((socket) => (open.push(socket), 'opened'), () => 'refused')).toBe('opened');
    for (const socket of open) socket.close();
  });
});
