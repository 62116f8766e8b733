// The Content-Security-Policy every renderer page is served with, in Electron and
// in browser mode: scripts only from the app itself, no inline script, no plugins,
// no framing, connections only back to the app. 'self' also covers the browser-mode
// WebSocket (same host and port; CSP level 3 matches ws: to http:), so the policy
// names no socket address: Chromium rejects some (ws://[::1]:PORT) with an error on
// every load.
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Inline style attributes are used by React for layout values (positions, colours).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
  ].join('; ');
}
