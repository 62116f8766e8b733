// The desktop shell run against a stand-in `electron` module (the real binary cannot
// run on the build machines): what each piece actually does when Electron calls it,
// not only what its source says. The library behind IPC is a real one.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES, OPERATION_NAMES } from '../../shared/api/contract.js';
import { ipcChannel, ipcEventChannel } from '../../shared/api/client.js';
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
    /** Every BrowserWindow the code under test made, with the options it gave. */
    windows: [] as Array<{ options: Record<string, unknown>; loaded: string[]; destroyed: boolean; contents: Record<string, unknown> }>,
    /** Requests each export window's filter let through (true) or cancelled (false). */
    requestFilter: null as null | ((details: { url: string }, callback: (answer: { cancel: boolean }) => void) => void),
    protocolHandler: null as null | ((request: Request) => Promise<Response>),
    exposed: [] as Array<{ key: string; value: unknown }>,
    ipcInvoked: [] as Array<{ channel: string; input: unknown }>,
    ipcListeners: new Map<string, Listener[]>(),
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
    private readonly record: (typeof fake.state.windows)[number];
    readonly webContents = {
      session: { webRequest: { onBeforeRequest: (_filter: unknown, listener: typeof fake.state.requestFilter) => (fake.state.requestFilter = listener) } },
      printToPDF: (options: unknown) => Promise.resolve(Buffer.from(`%PDF-1.7 ${JSON.stringify(options)}`)),
      debugger: {
        attach: () => undefined,
        detach: () => undefined,
        sendCommand: () => Promise.resolve({ cssContentSize: { height: 1234.2 } }),
      },
      once: (_event: string, listener: () => void) => queueMicrotask(listener),
      invalidate: () => undefined,
      capturePage: (rect: { width: number; height: number }) => Promise.resolve({ toPNG: () => Buffer.from(`PNG ${rect.width}x${rect.height}`) }),
    };
    constructor(options: Record<string, unknown> = {}) {
      this.record = { options, loaded: [], destroyed: false, contents: this.webContents };
      fake.state.windows.push(this.record);
    }
    once() {}
    on() {}
    setContentSize() {}
    destroy() {
      this.record.destroyed = true;
    }
    loadURL(url: string) {
      this.record.loaded.push(url);
      if (!url.startsWith('data:')) fake.state.loadedUrls.push(url);
      return Promise.resolve();
    }
  },
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => fake.state.exposed.push({ key, value }) },
  ipcRenderer: {
    invoke: (channel: string, input: unknown) => {
      fake.state.ipcInvoked.push({ channel, input });
      return Promise.resolve({ ok: true, value: [] });
    },
    on: (channel: string, listener: (...args: unknown[]) => unknown) => fake.state.ipcListeners.set(channel, [...(fake.state.ipcListeners.get(channel) ?? []), listener]),
    removeListener: (channel: string, listener: (...args: unknown[]) => unknown) =>
      fake.state.ipcListeners.set(channel, (fake.state.ipcListeners.get(channel) ?? []).filter((l) => l !== listener)),
  },
  dialog: { showErrorBox: (title: string, message: string) => fake.state.errors.push(`${title}: ${message}`) },
  protocol: {
    registerSchemesAsPrivileged: () => undefined,
    handle: (_scheme: string, handler: (request: Request) => Promise<Response>) => (fake.state.protocolHandler = handler),
  },
  net: {
    fetch: async (url: string) => {
      const [{ readFile }, { fileURLToPath }] = await Promise.all([import('node:fs/promises'), import('node:url')]);
      return readFile(fileURLToPath(url)).then(
        (bytes) => new Response(bytes),
        () => new Response('', { status: 404 }),
      );
    },
  },
}));

beforeEach(() => {
  fake.state.listeners.clear();
  fake.state.handlers.clear();
  fake.state.openedExternally = [];
  fake.state.quit = 0;
  fake.state.loadedUrls = [];
  fake.state.windows = [];
  fake.state.requestFilter = null;
  fake.state.protocolHandler = null;
  fake.state.permissionRequest = null;
  fake.state.permissionCheck = null;
  fake.state.menuTemplate = null;
  fake.state.exposed = [];
  fake.state.ipcInvoked = [];
  fake.state.ipcListeners.clear();
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

describe('app:// protocol', () => {
  it('serves the built renderer with the desktop CSP, and nothing outside its folder or host', async () => {
    const { serveRenderer } = await import('../../electron/shell/protocol.js');
    const { DESKTOP_CSP } = await import('../../electron/shell/policy.js');
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Fieldwork</title>');
    fs.writeFileSync(path.join(path.dirname(dir), 'secret.txt'), 'not for the page');
    serveRenderer(dir);
    const page = await fake.state.protocolHandler!(new Request('app://fieldwork/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(DESKTOP_CSP);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Fieldwork</title>');
    for (const url of ['app://fieldwork/../secret.txt', 'app://fieldwork/%2e%2e/secret.txt', 'app://evil/index.html', 'app://fieldwork/missing.js']) {
      expect((await fake.state.protocolHandler!(new Request(url))).status, url).toBe(404);
    }
  });
});

describe('preload', () => {
  it('exposes exactly one api object, which forwards contract operations and refuses any other name', async () => {
    await import('../../electron/preload.js');
    expect(fake.state.exposed.map((e) => e.key)).toEqual(['api']);
    const api = fake.state.exposed[0]!.value as {
      invoke: (name: string, input: unknown) => Promise<unknown>;
      on: (event: string, listener: (payload: unknown) => void) => () => void;
    };
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);

    expect(await api.invoke('study.list', {})).toEqual({ ok: true, value: [] });
    expect(fake.state.ipcInvoked).toEqual([{ channel: ipcChannel('study.list'), input: {} }]);
    for (const name of ['fs.readFile', 'constructor', '__proto__', '']) {
      expect(await api.invoke(name, {})).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
    }
    expect(fake.state.ipcInvoked).toHaveLength(1);

    expect(() => api.on('anything', () => undefined)).toThrow();
    const event = EVENT_NAMES[0]!;
    const received: unknown[] = [];
    const off = api.on(event, (payload) => received.push(payload));
    const [channel, listeners] = [...fake.state.ipcListeners.entries()][0]!;
    expect(channel).toBe(ipcEventChannel(event));
    listeners[0]!({ sender: 'ignored' }, { studyId: 'x' });
    expect(received).toEqual([{ studyId: 'x' }]);
    off();
    expect(fake.state.ipcListeners.get(channel)).toEqual([]);
  });
});

describe('export windows', () => {
  it('print PDFs in a hidden, sandboxed window with scripts off that lets nothing but the document load, then close', async () => {
    const { printHtmlToPdf } = await import('../../electron/shell/pdf.js');
    const pdf = Buffer.from(await printHtmlToPdf('<p>价格不透明</p>')).toString();
    expect(pdf).toMatch(/^%PDF/);
    expect(pdf).toContain('"printBackground":true');
    const [window] = fake.state.windows;
    expect(window!.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true },
    });
    expect(window!.loaded).toHaveLength(1);
    expect(Buffer.from(window!.loaded[0]!.split(',')[1]!, 'base64').toString()).toBe('<p>价格不透明</p>');
    const answers: boolean[] = [];
    for (const url of ['data:text/html;base64,AA==', 'https://example.com/x.png', 'file:///etc/passwd', 'app://fieldwork/index.html']) {
      fake.state.requestFilter!({ url }, ({ cancel }) => answers.push(cancel));
    }
    expect(answers).toEqual([false, true, true, true]);
    expect(window!.destroyed).toBe(true);
  });

  it('capture images offscreen at the full height of the document', async () => {
    const { captureHtmlToPng } = await import('../../electron/shell/png.js');
    const png = Buffer.from(await captureHtmlToPng('<p>journey</p>', 1600)).toString();
    expect(png).toBe('PNG 1600x1235');
    expect(fake.state.windows[0]!.options).toMatchObject({ show: false, webPreferences: { offscreen: true, javascript: false, sandbox: true } });
    expect(fake.state.windows[0]!.destroyed).toBe(true);
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

  it('hardens every window, refuses permissions, installs the menu and gives the core the PDF printer and image renderer', async () => {
    const argv = process.argv;
    try {
      fake.state.userData = tempDir();
      await startMain([]);
      await vi.waitFor(() => expect(fake.state.loadedUrls).toEqual([APP_ENTRY_URL]), { timeout: 20_000 });
      expect(fake.state.listeners.get('web-contents-created')).toHaveLength(1);
      expect(fake.state.permissionRequest).not.toBeNull();
      expect(fake.state.permissionCheck!({}, 'media')).toBe(false);
      expect(fake.state.menuTemplate).not.toBeNull();
      expect(fake.state.protocolHandler).not.toBeNull();

      const mainFrame = { url: APP_ENTRY_URL };
      const ours = { senderFrame: mainFrame, sender: { mainFrame } };
      const created = (await fake.state.handlers.get(ipcChannel('study.create'))!(ours, { name: 'Printed' })) as { ok: true; value: { id: string } };
      const exportDashboard = fake.state.handlers.get(ipcChannel('analysis.export'))!;
      const pdf = (await exportDashboard(ours, { studyId: created.value.id, format: 'pdf' })) as { ok: boolean; value: { mimeType: string } };
      const png = (await exportDashboard(ours, { studyId: created.value.id, format: 'png' })) as { ok: boolean; value: { mimeType: string } };
      expect([pdf, png].map((r) => [r.ok, r.value.mimeType])).toEqual([
        [true, 'application/pdf'],
        [true, 'image/png'],
      ]);
      const exportWindows = fake.state.windows.filter((w) => w.loaded.some((url) => url.startsWith('data:')));
      expect(exportWindows).toHaveLength(2);
      expect(exportWindows.every((w) => w.destroyed)).toBe(true);
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
