// The Content-Security-Policy every renderer page is served with, in Electron and
// in browser mode: scripts only from the app itself, no inline script, no plugins,
// no framing, connections only back to the app (and, in browser mode, its socket).
export function contentSecurityPolicy(extraConnect: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Inline style attributes are used by React for layout values (positions, colours).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${extraConnect.map((c) => ` ${c}`).join('')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
  ].join('; ');
}
