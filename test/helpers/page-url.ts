// Where to point a browser at the app: a route, with the token in the fragment as the
// printed link carries it (the page takes it out of the address bar at once).
import type { RunningServer } from '../../electron/core/bridge/server.js';

export function pageUrl(server: Pick<RunningServer, 'origin' | 'token'>, route = '#/'): string {
  return `${server.origin}/${route}${route.includes('?') ? '&' : '?'}token=${encodeURIComponent(server.token)}`;
}
