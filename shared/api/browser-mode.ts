// How a browser-mode page proves it was opened with the server's link, agreed by the
// server and the page. The token travels only where no other service on 127.0.0.1
// can see it: in a request header for operations, and as the first message on the
// event socket. (Cookies ignore ports, so a cookie would be sent to every local
// service; a URL ends up in logs and history.)
import { z } from 'zod';

/** The request header that carries the token on every operation call. */
export const TOKEN_HEADER = 'x-fieldwork-token';

/** The socket's first message, from the page. */
export const SocketHello = z.strictObject({
  token: z.string().max(256),
  /** The last change this page has seen, when it had one: the history after it is kept while it listens. */
  revision: z.number().int().min(0).optional(),
});
export type SocketHello = z.infer<typeof SocketHello>;

/** The server's answer once the token matched, with the library's revision: events follow. */
export interface SocketReady {
  ready: true;
  revision: number;
}

/** Headers that carry a write's mutation id and the calling tab's actor id (see changes.ts). */
export const MUTATION_HEADER = 'x-fieldwork-mutation';
export const ACTOR_HEADER = 'x-fieldwork-actor';

/**
 * The response header with the library's revision when the server began the call: the
 * answer shows at least that much. A page reads before its event socket is listening;
 * this is how it knows which changes it may have missed in between.
 */
export const REVISION_HEADER = 'x-fieldwork-revision';

/** Close codes the server ends an event socket with (4000-4999 are the application's own). */
export const SOCKET_CLOSE = {
  /** The token is not this server's: it was restarted, with a new link. Retrying cannot help. */
  tokenRejected: 4401,
  /** No token arrived in time. */
  tooSlow: 4408,
  /** A teammate the host removed from the team session: their credential no longer works. */
  removed: 4403,
  /** A teammate whose role the host changed: the page asks who it is now and listens again. */
  roleChanged: 4409,
  /** The host ended the team session: every link and credential died with it. */
  teamEnded: 4410,
} as const;
