// The desktop shell run against a stand-in `electron` module (the real binary cannot
// run on the build machines): what each piece actually does when Electron calls it,
// not only what its source says. The library behind IPC is a real one.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OPERATION_NAMES } from '../../shared/api/contract.js';
import { ipcChannel } from '../../shared/api/client.js';
import { LIBRARY_FILE } from '../../electron/core/paths.js';
import { APP_ENTRY_URL } from '../../electron/shell/policy.js';
import { openTestLibrary, REPO_ROOT } from '../helpers/library.js';
import { tempDir } from '../helpers/temp.js';

const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const listeners = new Map<string, Listener[]>();
  const state = {
    listeners,
    singleInstance: true,
    quit: 0,
    openedExternally: [] as string[],
    handlers: new Map<string, Listener>(),
    menuTemplate: null as unknown,
    permissionRequest: null as null | Listener,
    permissionCheck: null as null | Listener,
    userData: '',
    loadedUrls: [] as string[],
    errors: [] as string[],
    readyResolve: null as null | (() => void),
  };
  const app = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return app;
    },
    emit(event: string, ...args: unknown[]) {
      for (const listener of listeners.get(event) ?? []) listener(...args);
    },
    requestSingleInstanceLock: () => state.singleInstance,
    quit: () => void state.quit++,
    exit: () => undefined,
    whenReady: () => new Promise<void>((resolve) => (state.readyResolve = resolve)),
    getPath: (name: string) => (name === 'userData' ? state.userData : `/unused/${name}`),
    getVersion: () => '0.0.0-test',
    // Packaged layout, so resources are read from process.resourcesPath (set below).
    isPackaged: true,
  };
  return { state, app };
});

vi.mock('electron', () => ({
  app: fake.app,
  shell: { openExternal: (url: string) => Promise.resolve(void fake.state.openedExternally.push(url)) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: (...args: unknown[]) => unknown) => (fake.state.permissionRequest = handler),
      setPermissionCheckHandler: (handler: (...args: unknown[]) => unknown) => (fake.state.permissionCheck = handler),
    },
  },
  Menu: {
    buildFromTemplate: (template: unknown) => ({ template }),
    setApplicationMenu: (menu: { template: unknown }) => (fake.state.menuTemplate = menu.template),
  },
  ipcMain: {
    handle: (channel: string, handler: (...args: unknown[]) => unknown) => fake.state.handlers.set(channel, handler),
    removeHandler: (channel: string) => fake.state.handlers.delete(channel),
  },
  BrowserWindow: class {
    static getAllWindows = () => [];
    once() {}
    on() {}
    loadURL(url: string) {
      fake.state.loadedUrls.push(url);
      return Promise.resolve();
    }
  },
  dialog: { showErrorBox: (title: string, message: string) => fake.state.errors.push(`${title}: ${message}`) },
  protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
  net: { fetch: () => Promise.reject(new Error('not in tests')) },
}));

beforeEach(() => {
  fake.state.listeners.clear();
  fake.state.handlers.clear();
  fake.state.openedExternally = [];
  fake.state.quit = 0;
  fake.state.loadedUrls = [];
  vi.resetModules();
});
afterEach(() => {
  fake.state.singleInstance = true;
});

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
}

function navigationEvent() {
  return { prevented: false, preventDefault() { this.prevented = true; } };
}

describe('desktop shell hardening', () => {
  it('prevents every navigation, redirect and webview, even to its own origin', async () => {
    const { hardenWebContents } = await import('../../electron/shell/hardening.js');
    hardenWebContents();
    const contents = new FakeContents();
    fake.app.emit('web-contents-created', {}, contents);
    for (const [event, url] of [
      ['will-navigate', 'https://example.com/'],
      ['will-navigate', 'file:///etc/passwd'],
      ['will-navigate', 'app://fieldwork/index.html'],
      ['will-redirect', 'https://example.com/'],
      ['will-attach-webview', 'app://fieldwork/'],
    ] as const) {
      const e = navigationEvent();
      contents.emit(event, e, url);
      expect(e.prevented, `${event} ${url}`).toBe(true);
    }
  });

  it('denies every new window and hands only plain https links to the system browser', async () => {
    const { hardenWebContents } = await import('../../electron/shell/hardening.js');
    hardenWebContents();
    const contents = new FakeContents();
    fake.app.emit('web-contents-created', {}, contents);
    for (const url of ['https://example.com/help', 'http://example.com/', 'javascript:alert(1)', 'file:///etc/passwd', 'https://a:b@example.com/']) {
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    await Promise.resolve();
    expect(fake.state.openedExternally).toEqual(['https://example.com/help']);
  });

  it('refuses every permission request and check', async () => {
    const { denyPermissions } = await import('../../electron/shell/hardening.js');
    denyPermissions();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const answers: boolean[] = [];
      fake.state.permissionRequest!({}, permission, (granted: boolean) => answers.push(granted));
      expect(answers).toEqual([false]);
      expect(fake.state.permissionCheck!({}, permission)).toBe(false);
    }
  });
});

describe('application menu', () => {
  it('is the standard menu built from platform roles', async () => {
    const { installMenu } = await import('../../electron/shell/menu.js');
    installMenu();
    const roles = (fake.state.menuTemplate as Array<{ role: string }>).map((item) => item.role);
    expect(roles).toEqual([...(process.platform === 'darwin' ? ['appMenu'] : []), 'fileMenu', 'editMenu', 'viewMenu', 'windowMenu']);
  });
});

describe('IPC', () => {
  it('registers one handler per operation, answers our main frame from the real library, and refuses other frames', async () => {
    const { wireIpc } = await import('../../electron/shell/ipc.js');
    const library = await openTestLibrary();
    const unwire = wireIpc(library);
    expect(fake.state.handlers.size).toBe(OPERATION_NAMES.length);
    const handler = fake.state.handlers.get(ipcChannel('study.create'))!;

    const mainFrame = { url: 'app://fieldwork/index.html' };
    const ours = { senderFrame: mainFrame, sender: { mainFrame } };
    const created = (await handler(ours, { name: 'Through IPC' })) as { ok: boolean };
    expect(created.ok).toBe(true);

    const subFrame = { url: 'app://fieldwork/index.html' };
    const foreign = { senderFrame: { url: 'https://example.com/' }, sender: { mainFrame: { url: 'https://example.com/' } } };
    for (const event of [{ senderFrame: subFrame, sender: { mainFrame } }, foreign, { senderFrame: null, sender: { mainFrame } }]) {
      expect(await handler(event, { name: 'Not allowed' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const list = (await library.dispatch('study.list', {})) as { ok: true; value: Array<{ name: string }> };
    expect(list.value.map((s) => s.name)).toEqual(['Through IPC']);

    const invalid = (await handler(ours, { name: 42 })) as { ok: boolean; error: { code: string } };
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    unwire();
    expect(fake.state.handlers.size).toBe(0);
  });
});

describe('main process start-up', () => {
  async function startMain(argv: string[]): Promise<void> {
    process.argv = ['electron', 'main.cjs', ...argv];
    Object.assign(process, { resourcesPath: REPO_ROOT });
    vi.resetModules();
    await import('../../electron/main.js');
    fake.state.readyResolve?.();
  }

  it('opens its library in the user-data folder unless --data is given, then loads app://', async () => {
    const argv = process.argv;
    try {
      fake.state.userData = tempDir();
      await startMain([]);
      await vi.waitFor(() => expect([...fake.state.errors, ...fake.state.loadedUrls]).toEqual([APP_ENTRY_URL]), { timeout: 20_000 });
      expect(fs.existsSync(path.join(fake.state.userData, LIBRARY_FILE))).toBe(true);
      expect(fake.state.handlers.size).toBe(OPERATION_NAMES.length);
      fake.app.emit('will-quit');

      const chosen = tempDir();
      fake.state.loadedUrls = [];
      fake.state.handlers.clear();
      fake.state.listeners.clear();
      await startMain(['--data', chosen]);
      await vi.waitFor(() => expect([...fake.state.errors, ...fake.state.loadedUrls]).toEqual([APP_ENTRY_URL]), { timeout: 20_000 });
      expect(fs.existsSync(path.join(chosen, LIBRARY_FILE))).toBe(true);
      fake.app.emit('will-quit');
    } finally {
      process.argv = argv;
    }
  }, 60_000);

  it('quits at once when another instance already runs', async () => {
    fake.state.singleInstance = false;
    fake.state.userData = tempDir();
    await startMain([]);
    expect(fake.state.quit).toBe(1);
    expect(fake.state.listeners.has('web-contents-created')).toBe(false);
    expect(fs.readdirSync(fake.state.userData)).toEqual([]);
  });
});
