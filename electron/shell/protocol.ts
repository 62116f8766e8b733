// Serves the built renderer over app://fieldwork/ (never file://), with a path
// traversal check and the desktop Content-Security-Policy on every response.
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { mimeType, resolveStaticPath } from '../core/static-files.js';
import { APP_HOST, APP_SCHEME, APP_SCHEME_PRIVILEGES, DESKTOP_CSP } from './policy.js';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveStaticPath(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    if (!response.ok) return new Response('Not found', { status: 404 });
    return new Response(response.body, {
      status: 200,
      headers: {
        'content-type': mimeType(file),
        'content-security-policy': DESKTOP_CSP,
        'x-content-type-options': 'nosniff',
      },
    });
  });
}
