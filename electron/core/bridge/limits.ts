// How much of the server one client may hold, so that a misbehaving program on this
// machine (or a buggy page) cannot starve the researcher's own tab: a cap on open
// connections, a smaller one on WebSockets, and a deadline for a request's headers.
import type http from 'node:http';

export interface ConnectionLimits {
  /** Connections open at once, WebSockets included; a connection past it is closed at once. */
  maxConnections: number;
  /** WebSocket connections open at once; an upgrade past it is answered 503. */
  maxEventSockets: number;
  /**
   * A client has this long to send its request headers (and a WebSocket its token),
   * or is dropped: a client trickling bytes would otherwise hold its connection forever.
   */
  handshakeTimeoutMs: number;
}

export const DEFAULT_LIMITS: ConnectionLimits = { maxConnections: 64, maxEventSockets: 16, handshakeTimeoutMs: 10_000 };

/** Options for http.createServer that enforce the header deadline. */
export function httpServerOptions(limits: ConnectionLimits): http.ServerOptions {
  return {
    headersTimeout: limits.handshakeTimeoutMs,
    // Node checks the deadline on this period (30 s by default, which would triple a 10 s deadline).
    connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(limits.handshakeTimeoutMs / 4))),
    // A whole request (body included; bodies are at most 16 MiB on loopback) gets a generous bound too.
    requestTimeout: Math.max(limits.handshakeTimeoutMs, 60_000),
  };
}
