// The desktop shell's security policy as values: window preferences, sender checks,
// link rules, the CSP and the data-folder argument. That the shell applies them is
// checked by running it (electron-shell-behaviour.test.ts), not by reading its source.
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
  });

  it('serves pages with a strict Content-Security-Policy', () => {
    expect(DESKTOP_CSP).toContain("default-src 'self'");
    expect(DESKTOP_CSP).toContain("script-src 'self'");
    expect(DESKTOP_CSP).toContain("object-src 'none'");
    expect(DESKTOP_CSP).toContain("frame-ancestors 'none'");
    expect(DESKTOP_CSP).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
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
});

describe('data folder', () => {
  it('takes --data DIR or --data=DIR from the command line', () => {
    expect(dataDirFromArgv(['electron', '.', '--data', 'lib'], '/home/u')).toBe(path.resolve('/home/u', 'lib'));
    expect(dataDirFromArgv(['electron', '.', '--data=/srv/lib'], '/home/u')).toBe('/srv/lib');
    expect(dataDirFromArgv(['electron', '.'], '/home/u')).toBeNull();
  });
});

