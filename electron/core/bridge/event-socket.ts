// Browser mode's push events over WebSocket. The upgrade itself carries no token: the
// page sends it as its first message (see shared/api/browser-mode.ts) and receives
// events only once it matched. A socket that sends a wrong token is closed with a
// code that tells the page the server was restarted; one that sends none in time is
// dropped; a malformed frame closes that socket only. A team session's listener uses
// the same sockets for teammates: there the token is a person's credential, and each
// event is shaped (or withheld) per person.
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { SOCKET_CLOSE, SocketHello, type SocketReady } from '../../../shared/api/browser-mode.js';

/** The page sends the socket only its token: a frame declaring more is refused from its header. */
const MAX_MESSAGE_BYTES = 4 * 1024;

export interface EventSocketOptions<Who> {
  /** Sockets open at once, those still waiting for their token included. */
  maxSockets: number;
  /** How long a new socket has to send its token. */
  helloTimeoutMs: number;
  /** Who a token is (for browser mode: the one page holding the run's token), or null when it is no one's. */
  accepts(token: string): Who | null;
  /**
   * Registers a listening page that has seen changes up to `revision` (or, without one,
   * the current state), so history it may still ask for is kept; answers the current revision.
   */
  listen(revision: number | undefined, who: Who): Listening;
}

export interface Listening {
  revision: number;
  /** It was sent the change with this revision. */
  sent(revision: number): void;
  release(): void;
}

export interface EventSockets<Who> {
  /** Takes over an upgrade request that already passed the Host and Origin checks. */
  upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void;
  /**
   * Sends one event to every socket that has shown a token (as shaped for whoever holds
   * it, or not at all when that gives null); `revision`: the change it carries.
   */
  broadcast(message: string | ((who: Who) => string | null), revision?: number): void;
  /** Closes the sockets of whoever `which` picks, with a close code the page understands. */
  closeWhere(which: (who: Who) => boolean, code: number, reason: string): void;
  /** Who is listening now. */
  listeners(): Who[];
  close(): void;
}

/** A page's "are you there?" (`{"ping": n}`), or null for anything else. */
function parsePing(data: unknown): number | null {
  try {
    const parsed = JSON.parse(String(data)) as { ping?: unknown };
    return typeof parsed.ping === 'number' && Number.isSafeInteger(parsed.ping) ? parsed.ping : null;
  } catch {
    return null;
  }
}

function parseHello(data: unknown): SocketHello | null {
  try {
    const parsed = SocketHello.safeParse(JSON.parse(String(data)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function createEventSockets<Who>(options: EventSocketOptions<Who>): EventSockets<Who> {
  const server = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const listening = new Map<WebSocket, { listen: Listening; who: Who }>();

  server.on('connection', (ws: WebSocket) => {
    // A malformed frame (too large, not UTF-8, unmasked, reserved opcode, bad close
    // code) makes ws emit 'error' on that connection; unheard, it would stop the whole
    // server. ws has already started closing the connection: make sure it goes.
    ws.on('error', () => ws.terminate());
    const deadline = setTimeout(() => ws.close(SOCKET_CLOSE.tooSlow, 'no token'), options.helloTimeoutMs);
    ws.on('close', () => {
      clearTimeout(deadline);
      listening.get(ws)?.listen.release();
      listening.delete(ws);
    });
    ws.once('message', (data) => {
      clearTimeout(deadline);
      const hello = parseHello(data);
      const who = hello ? options.accepts(hello.token) : null;
      if (!hello || who === null) {
        ws.close(SOCKET_CLOSE.tokenRejected, 'token rejected');
        return;
      }
      const listen = options.listen(hello.revision, who);
      listening.set(ws, { listen, who });
      ws.send(JSON.stringify({ ready: true, revision: listen.revision } satisfies SocketReady));
      // After the token the page only listens; it may ask whether the server is still
      // there (a laptop gone to sleep closes nothing), and anything else is ignored.
      ws.on('message', (message) => {
        const ping = parsePing(message);
        if (ping !== null) ws.send(JSON.stringify({ pong: ping }));
      });
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
      for (const [client, { listen, who }] of listening) {
        if (client.readyState !== client.OPEN) continue;
        const shaped = typeof message === 'string' ? message : message(who);
        if (shaped !== null) client.send(shaped);
        if (revision !== undefined) listen.sent(revision);
      }
    },
    closeWhere(which, code, reason) {
      for (const [client, { who }] of listening) if (which(who)) client.close(code, reason);
    },
    listeners() {
      return [...listening.values()].map(({ who }) => who);
    },
    close() {
      for (const client of server.clients) client.terminate();
      server.close();
    },
  };
}
