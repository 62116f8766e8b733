// The desktop shell's security settings, checked without starting Electron (it
// cannot run on the build machines): window preferences, sender checks, navigation
// and link rules, the CSP, and that main.ts and preload.ts actually apply them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_SCHEME_PRIVILEGES,
  DESKTOP_CSP,
  dataDirFromArgv,
  isSafeExternalUrl,
  isTrustedSender,
  mainWindowOptions,
} from '../../electron/shell/policy.js';

const read = (file: string) => fs.readFileSync(path.resolve(import.meta.dirname, '../../electron', file), 'utf8');

describe('desktop window', () => {
  it('isolates and sandboxes the renderer with Node integration off and web security on', () => {
    const prefs = mainWindowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.preload).toBe('/app/preload.cjs');
  });

  it('loads the renderer from the app:// scheme, never file://', () => {
    expect(APP_ENTRY_URL).toBe('app://fieldwork/index.html');
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true });
    const main = read('main.ts');
    expect(main).toContain('loadURL(APP_ENTRY_URL)');
    expect(main).not.toMatch(/file:\/\/|loadFile\(/);
  });

  it('serves pages with a strict Content-Security-Policy', () => {
    expect(DESKTOP_CSP).toContain("default-src 'self'");
    expect(DESKTOP_CSP).toContain("script-src 'self'");
    expect(DESKTOP_CSP).toContain("object-src 'none'");
    expect(DESKTOP_CSP).toContain("frame-ancestors 'none'");
    expect(DESKTOP_CSP).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
    expect(read('shell/protocol.ts')).toContain("'content-security-policy': DESKTOP_CSP");
  });
});

describe('IPC sender check', () => {
  it('trusts only the main frame of our own app:// page', () => {
    expect(isTrustedSender({ url: 'app://fieldwork/index.html#/board', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://fieldwork/index.html', isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://fieldwork/index.html', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'app://evil/index.html', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'file:///etc/passwd', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'not a url', isMainFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('registers one handler per contract operation in a loop and checks the sender on each', () => {
    const ipc = read('shell/ipc.ts');
    expect(ipc).toMatch(/for \(const name of OPERATION_NAMES\)/);
    expect(ipc).toContain('isTrustedSender(');
    expect(ipc).toContain('library.dispatch(name, input)');
  });
});

describe('navigation and links', () => {
  it('opens only plain https links externally', () => {
    expect(isSafeExternalUrl('https://example.com/help')).toBe(true);
    expect(isSafeExternalUrl('http://example.com/')).toBe(false);
    expect(isSafeExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeExternalUrl('https://user:pass@example.com/')).toBe(false);
    expect(isSafeExternalUrl('smb://share/x')).toBe(false);
  });

  it('wires the hardening, the permission rules, the menu and the single-instance lock in main.ts', () => {
    const main = read('main.ts');
    expect(main).toContain('requestSingleInstanceLock()');
    expect(main).toContain('denyPermissions()');
    expect(main).toContain('hardenWebContents()');
    expect(main).toContain('installMenu()');
  });
});

describe('preload bridge', () => {
  it('exposes one api object and refuses names outside the contract', () => {
    const preload = read('preload.ts');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toContain("exposeInMainWorld('api', api)");
    expect(preload).toContain('isOperationName(name)');
    expect(preload).toContain('isEventName(event)');
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });
});

describe('data folder', () => {
  it('takes --data DIR or --data=DIR from the command line', () => {
    expect(dataDirFromArgv(['electron', '.', '--data', 'lib'], '/home/u')).toBe(path.resolve('/home/u', 'lib'));
    expect(dataDirFromArgv(['electron', '.', '--data=/srv/lib'], '/home/u')).toBe('/srv/lib');
    expect(dataDirFromArgv(['electron', '.'], '/home/u')).toBeNull();
  });
});

describe('export rendering', () => {
  it('prints and captures exports in a hidden sandboxed window with scripts off that loads nothing from outside', () => {
    const window = read('shell/export-window.ts');
    for (const setting of ['show: false', 'sandbox: true', 'contextIsolation: true', 'nodeIntegration: false', 'javascript: false', 'webSecurity: true']) {
      expect(window).toContain(setting);
    }
    expect(window).toContain("callback({ cancel: !details.url.startsWith('data:') })");
    expect(read('shell/pdf.ts')).toContain('withExportWindow(');
    expect(read('shell/png.ts')).toMatch(/withExportWindow\(html, \{[^}]*offscreen: true/);
  });

  it('gives the core both the PDF printer and the PNG renderer', () => {
    const main = read('main.ts');
    expect(main).toContain('printPdf: printHtmlToPdf');
    expect(main).toContain('capturePng: captureHtmlToPng');
  });
});
