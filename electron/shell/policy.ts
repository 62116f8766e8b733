// The desktop shell's security decisions as plain data and pure functions, so unit
// tests can check them on machines where Electron itself cannot start. main.ts and
// the other shell modules apply them; nothing here imports the electron package.
import path from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { contentSecurityPolicy } from '../core/security-policy.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'fieldwork';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** CSP for pages served over app://. */
export const DESKTOP_CSP = contentSecurityPolicy();

/** Privileges of the app:// scheme: a standard, secure origin that can use fetch. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
} as const;

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1320,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Fieldwork',
    backgroundColor: '#f7f7f5',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  };
}

/** IPC is answered only for our own page's main frame, never an iframe or foreign page. */
export function isTrustedSender(frame: { url: string; isMainFrame: boolean } | null | undefined): boolean {
  if (!frame || !frame.isMainFrame) return false;
  try {
    const url = new URL(frame.url);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Links the user clicks may open in the system browser only if they are plain https URLs. */
export function isSafeExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && url.username === '' && url.password === '' && url.hostname !== '';
  } catch {
    return false;
  }
}

/** `--data DIR` on the command line overrides the user-data folder. */
export function dataDirFromArgv(argv: readonly string[], cwd: string): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data' && argv[i + 1]) return path.resolve(cwd, argv[i + 1]!);
    if (arg.startsWith('--data=')) return path.resolve(cwd, arg.slice('--data='.length));
  }
  return null;
}
