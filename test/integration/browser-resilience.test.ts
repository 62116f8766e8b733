// Browser mode stays up for everyone whatever one client sends: a malformed WebSocket
// frame closes that client's connection only.
import { describe, expect, it } from 'vitest';
import { frame, OPCODE, rawWebSocket } from '../helpers/raw-socket.js';
import { nextEvent, openEventSocket, post, startTestServer } from '../helpers/server.js';

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
      const attacker = await rawWebSocket(server.port, `/events?token=${server.token}`);
      attacker.socket.write(bytes);
      await attacker.closed;

      expect(await post(server, 'app.info', {})).toMatchObject({ status: 200, body: { ok: true } });
      const event = nextEvent(bystander);
      const created = await post(server, 'study.create', { name: 'Still here' });
      expect(created.status).toBe(200);
      expect(await event).toMatchObject({ event: 'study.changed', payload: { change: 'created' } });
      const late = await openEventSocket(server);
      late.close();
      bystander.close();
    });
  }
});
