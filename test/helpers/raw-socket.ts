// Speaks to the browser-mode server byte for byte over TCP on 127.0.0.1, for what a
// well-behaved client library would never send: malformed WebSocket frames, headers
// trickled one byte at a time, connections that never say anything.
import { randomBytes } from 'node:crypto';
import net from 'node:net';

/** A TCP connection to the server, with everything it answered and whether it has been closed. */
export interface RawConnection {
  socket: net.Socket;
  received(): string;
  closed: Promise<void>;
  isClosed(): boolean;
}

export async function rawConnect(port: number): Promise<RawConnection> {
  const socket = net.connect({ host: '127.0.0.1', port });
  let text = '';
  let done = false;
  socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
  // A reset is how a dropped connection may end; it is what these tests wait for, not a failure.
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) =>
    socket.on('close', () => {
      done = true;
      resolve();
    }),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('error', reject);
  });
  return { socket, received: () => text, closed, isClosed: () => done };
}

/** Resolves once the server has answered something matching `pattern` (or closed the connection). */
export function answered(connection: RawConnection, pattern: RegExp): Promise<string> {
  return new Promise((resolve) => {
    const check = () => {
      if (pattern.test(connection.received()) || connection.isClosed()) {
        connection.socket.off('data', check);
        resolve(connection.received());
      }
    };
    connection.socket.on('data', check);
    void connection.closed.then(check);
    check();
  });
}

/** Opens a WebSocket to /events by hand; resolves once the server has switched protocols. */
export async function rawWebSocket(port: number, path = '/events'): Promise<RawConnection> {
  const connection = await rawConnect(port);
  connection.socket.write(
    [
      `GET ${path} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      '',
      '',
    ].join('\r\n'),
  );
  const reply = await answered(connection, /\r\n\r\n/);
  if (!reply.startsWith('HTTP/1.1 101')) throw new Error(`upgrade refused: ${reply.split('\r\n')[0] ?? '(closed)'}`);
  return connection;
}

export interface FrameOptions {
  /** Client frames must be masked (RFC 6455 5.1); false sends one that is not. */
  masked?: boolean;
  /** Overrides the length written in the header (the payload sent stays as given). */
  declaredLength?: number;
}

/** One WebSocket frame as a client sends it: FIN set, the given opcode and payload. */
export function frame(opcode: number, payload: Buffer, options: FrameOptions = {}): Buffer {
  const masked = options.masked ?? true;
  const length = options.declaredLength ?? payload.length;
  const head: number[] = [0x80 | opcode];
  const maskBit = masked ? 0x80 : 0;
  if (length < 126) head.push(maskBit | length);
  else if (length < 65536) head.push(maskBit | 126, length >> 8, length & 0xff);
  else {
    const big = Buffer.alloc(8);
    big.writeBigUInt64BE(BigInt(length));
    head.push(maskBit | 127, ...big);
  }
  if (!masked) return Buffer.concat([Buffer.from(head), payload]);
  const mask = randomBytes(4);
  const body = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!));
  return Buffer.concat([Buffer.from(head), mask, body]);
}

export const OPCODE = { text: 0x1, close: 0x8, reserved: 0x3 } as const;
