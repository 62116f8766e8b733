// Browser mode's push events over WebSocket. The upgrade itself carries no token: the
// page sends it as its first message (see shared/api/browser-mode.ts) and receives
// events only once it matched. A socket that sends a wrong token is closed with a
// code that tells the page the server was restarted; one that sends none in time is
// dropped; a malformed frame closes that socket only.
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { SOCKET_CLOSE, SocketHello, type SocketReady } from '../../../shared/api/browser-mode.js';

/** The page sends the socket only its token: a frame declaring more is refused from its header. */
const MAX_MESSAGE_BYTES = 4 * 1024;

export interface EventSocketOptions {
  /** Sockets open at once, those still waiting for their token included. */
  maxSockets: number;
  /** How long a new socket has to send its token. */
  helloTimeoutMs: number;
  /** Whether a token is this server's. */
  accepts(token: string): boolean;
  /**
   * Registers a listening page that has seen changes up to `revision` (or, without one,
   * the current state), so history it may still ask for is kept; answers the current revision.
   */
  listen(revision: number | undefined): Listening;
}

export interface Listening {
  revision: number;
  /** It was sent the change with this revision. */
  sent(revision: number): void;
  release(): void;
}

export interface EventSockets {
  /** Takes over an upgrade request that already passed the Host and Origin checks. */
  upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Sends one event to every socket that has shown the token; `revision`: the change it carries. */
  broadcast(message: string, revision?: number): void;
  close(): void;
}

function parseHello(data: unknown): SocketHello | null {
  try {
    const parsed = SocketHello.safeParse(JSON.parse(String(data)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function createEventSockets(options: EventSocketOptions): EventSockets {
  const server = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const listening = new Map<WebSocket, Listening>();

  server.on('connection', (ws: WebSocket) => {
    // A malformed frame (too large, not UTF-8, unmasked, reserved opcode, bad close
    // code) makes ws emit 'error' on that connection; unheard, it would stop the whole
    // server. ws has already started closing the connection: make sure it goes.
    ws.on('error', () => ws.terminate());
    const deadline = setTimeout(() => ws.close(SOCKET_CLOSE.tooSlow, 'no token'), options.helloTimeoutMs);
    ws.on('close', () => {
      clearTimeout(deadline);
      listening.get(ws)?.release();
      listening.delete(ws);
    });
    ws.once('message', (data) => {
      clearTimeout(deadline);
      const hello = parseHello(data);
      if (!hello || !options.accepts(hello.token)) {
        ws.close(SOCKET_CLOSE.tokenRejected, 'token rejected');
        return;
      }
      const listen = options.listen(hello.revision);
      listening.set(ws, listen);
      ws.send(JSON.stringify({ ready: true, revision: listen.revision } satisfies SocketReady));
      // After the token the page only listens; anything more it sends is ignored.
      ws.on('message', () => undefined);
    });
  });

  return {
    upgrade(req, socket, head) {
      if (server.clients.size >= options.maxSockets) {
        socket.write('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 5\r\n\r\n');
        socket.destroy();
        return;
      }
      server.handleUpgrade(req, socket, head, (ws) => server.emit('connection', ws, req));
    },
    broadcast(message, revision) {
      for (const [client, listen] of listening) {
        if (client.readyState !== client.OPEN) continue;
        client.send(message);
        if (revision !== undefined) listen.sent(revision);
      }
    },
    close() {
      for (const client of server.clients) client.terminate();
      server.close();
    },
  };
}
