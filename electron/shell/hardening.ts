// Applies the navigation and permission rules to every web contents the app creates:
// no navigation at all (the renderer is one page whose screens live in the URL
// fragment, which never fires will-navigate), no new windows (https links go to the
// system browser after a check), no permission grants, no webviews.
import { app, session, shell } from 'electron';
import { isSafeExternalUrl } from './policy.js';

export function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

export function denyPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
