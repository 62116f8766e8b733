// The desktop shell run against a stand-in `electron` module (the real binary cannot
// run on the build machines): what each piece actually does when Electron calls it,
// not only what its source says. The core behind the ports is a real one: its process
// entry runs in-process behind a stand-in utilityProcess, its heavy reads on a worker.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MessageChannel } from 'node:worker_threads';
import { EVENT_NAMES } from '../../shared/api/contract.js';
import { CORE_PORT_CHANNEL, CORE_PORT_REQUEST } from '../../shared/api/client.js';
import type { ApiResult } from '../../shared/api/result.js';
import { createPortClient } from '../../electron/core/port/client.js';
import { serveLibrary } from '../../electron/core/port/serve.js';
import { portFromMessagePortMain, type MessagePortMainLike } from '../../electron/core/process/parent-link.js';
import { LIBRARY_FILE } from '../../electron/core/paths.js';
import { APP_ENTRY_URL } from '../../electron/shell/policy.js';
import { HEAVY_READS_FROM_SOURCE } from '../helpers/core-source.js';
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
    ipcSent: [] as string[],
    ipcListeners: new Map<string, Listener[]>(),
    /** ipcMain.on listeners, by channel. */
    mainListeners: new Map<string, Listener>(),
    /** The stand-in utility processes started, with the messages they were sent. */
    cores: [] as Array<{ script: string; sent: unknown[] }>,
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
    on: (channel: string, listener: (...args: unknown[]) => unknown) => fake.state.mainListeners.set(channel, listener),
    removeAllListeners: (channel: string) => fake.state.mainListeners.delete(channel),
  },
  MessageChannelMain: class {
    readonly port1: unknown;
    readonly port2: unknown;
    constructor() {
      [this.port1, this.port2] = fakeChannel();
    }
  },
  utilityProcess: { fork: (script: string) => fakeCore(script) },
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
    send: (channel: string) => void fake.state.ipcSent.push(channel),
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

/** A stand-in MessagePortMain pair: in-process, each side queues until started, like Electron's. */
function fakeChannel(): [MessagePortMainLike, MessagePortMainLike] {
  class Port extends EventEmitter {
    other!: Port;
    private started = false;
    private readonly queued: unknown[] = [];
    postMessage(data: unknown) {
      setImmediate(() => this.other.receive(data));
    }
    receive(data: unknown) {
      if (this.started) this.emit('message', { data });
      else this.queued.push(data);
    }
    start() {
      this.started = true;
      for (const data of this.queued.splice(0)) this.emit('message', { data });
    }
    close() {
      this.other.emit('close');
    }
  }
  const a = new Port();
  const b = new Port();
  a.other = b;
  b.other = a;
  return [a as unknown as MessagePortMainLike, b as unknown as MessagePortMainLike];
}

/**
 * A stand-in utilityProcess: the real core entry, loaded in this process behind a
 * stand-in `process.parentPort` (the heavy-read worker from its source, since no
 * bundle is built here). Its process.exit ends only the stand-in.
 */
function fakeCore(script: string) {
  const record = { script, sent: [] as unknown[] };
  fake.state.cores.push(record);
  const child = new EventEmitter() as EventEmitter & { postMessage(message: unknown, ports?: unknown[]): void };
  const parentPort = new EventEmitter() as EventEmitter & { postMessage(message: unknown): void };
  const queued: Array<{ data: unknown; ports: unknown[] }> = [];
  parentPort.postMessage = (message) => setImmediate(() => child.emit('message', message));
  parentPort.on('newListener', (event) => {
    if (event === 'message') setImmediate(() => queued.splice(0).forEach((e) => parentPort.emit('message', e)));
  });
  child.postMessage = (message, ports = []) => {
    record.sent.push(message);
    const data = message as { type: string; options?: Record<string, unknown> };
    if (data.type === 'start') data.options = { ...data.options, heavyReads: HEAVY_READS_FROM_SOURCE };
    const event = { data, ports };
    if (parentPort.listenerCount('message') > 0) setImmediate(() => parentPort.emit('message', event));
    else queued.push(event);
  };
  vi.spyOn(process, 'exit').mockImplementation(((code?: number) => void child.emit('exit', code ?? 0)) as never);
  Object.assign(process, { parentPort });
  vi.resetModules();
  void import('../../electron/core/process/core-process.js').finally(() => delete (process as { parentPort?: unknown }).parentPort);
  return child;
}

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
  fake.state.ipcSent = [];
  fake.state.ipcListeners.clear();
  fake.state.mainListeners.clear();
  fake.state.cores = [];
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
  it('exposes exactly one api object, which asks for its port to the core, forwards contract operations over it and refuses any other name', async () => {
    await import('../../electron/preload.js');
    expect(fake.state.exposed.map((e) => e.key)).toEqual(['api']);
    expect(fake.state.ipcSent).toEqual([CORE_PORT_REQUEST]);
    const api = fake.state.exposed[0]!.value as {
      invoke: (name: string, input: unknown) => Promise<unknown>;
      on: (event: string, listener: (payload: unknown) => void) => () => void;
    };
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on', 'onCoreState']);

    // The main process answers with a port to a real core.
    const library = await openTestLibrary();
    const { port1, port2 } = new MessageChannel();
    serveLibrary(
      { post: (frame) => port2.postMessage(frame), listen: (receive) => port2.on('message', receive), close: () => port2.close() },
      library,
    );
    for (const listener of fake.state.ipcListeners.get(CORE_PORT_CHANNEL)!) listener({ ports: [port1] });

    const event = EVENT_NAMES[0]!;
    const received: unknown[] = [];
    const off = api.on(event, (payload) => received.push(payload));
    expect(await api.invoke('study.create', { name: 'Through the port' })).toMatchObject({ ok: true, value: { name: 'Through the port' } });
    await vi.waitFor(() => expect(received).toHaveLength(1));
    off();
    for (const name of ['fs.readFile', 'constructor', '__proto__', '']) {
      expect(await api.invoke(name, {})).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
    }
    expect(await api.invoke('study.create', { name: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(() => api.on('anything', () => undefined)).toThrow();
    port1.close();
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

  /** What a window's preload does at start: asks for its port to the core, from `url`'s main frame. */
  function windowAsks(url: string) {
    const mainFrame = { url };
    const ports: MessagePortMainLike[] = [];
    const contents = {
      mainFrame,
      isDestroyed: () => false,
      once: () => undefined,
      send: () => undefined,
      postMessage: (channel: string, _message: unknown, transfer: MessagePortMainLike[]) => {
        if (channel === CORE_PORT_CHANNEL) ports.push(...transfer);
      },
    };
    fake.state.mainListeners.get(CORE_PORT_REQUEST)!({ senderFrame: mainFrame, sender: contents });
    return ports;
  }

  async function quit(): Promise<void> {
    const event = { preventDefault: () => undefined };
    fake.app.emit('will-quit', event);
    await vi.waitFor(() => expect(fake.state.quit).toBeGreaterThan(0), { timeout: 20_000 });
  }

  it('starts its core in a utility process on the user-data folder unless --data is given, then loads app://', async () => {
    const argv = process.argv;
    try {
      fake.state.userData = tempDir();
      await startMain([]);
      await vi.waitFor(() => expect([...fake.state.errors, ...fake.state.loadedUrls]).toEqual([APP_ENTRY_URL]), { timeout: 20_000 });
      expect(fake.state.cores.map((core) => path.basename(core.script))).toEqual(['core.cjs']);
      expect(fs.existsSync(path.join(fake.state.userData, LIBRARY_FILE))).toBe(true);
      expect(fake.state.mainListeners.has(CORE_PORT_REQUEST)).toBe(true);
      await quit();
      expect(fake.state.cores[0]!.sent).toContainEqual({ type: 'stop' });

      const chosen = tempDir();
      fake.state.loadedUrls = [];
      fake.state.listeners.clear();
      fake.state.quit = 0;
      await startMain(['--data', chosen]);
      await vi.waitFor(() => expect([...fake.state.errors, ...fake.state.loadedUrls]).toEqual([APP_ENTRY_URL]), { timeout: 20_000 });
      expect(fs.existsSync(path.join(chosen, LIBRARY_FILE))).toBe(true);
      await quit();
    } finally {
      process.argv = argv;
    }
  }, 60_000);

  it('hardens every window, refuses permissions, installs the menu, gives only our page a port, and prints and captures for the core', async () => {
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

      expect(windowAsks('https://example.com/')).toEqual([]);
      const [port] = windowAsks(APP_ENTRY_URL);
      const client = createPortClient();
      client.attach(portFromMessagePortMain(port!));
      const created = (await client.api.invoke('study.create', { name: 'Printed' })) as ApiResult<{ id: string }>;
      if (!created.ok) throw new Error(created.error.message);
      // Dashboard exports run on the core's heavy-read worker, which asks the core, which asks the shell.
      const pdf = await client.api.invoke('analysis.export', { studyId: created.value.id, format: 'pdf' });
      const png = await client.api.invoke('analysis.export', { studyId: created.value.id, format: 'png' });
      expect([pdf, png].map((r) => [r.ok, r.ok && r.value.mimeType])).toEqual([
        [true, 'application/pdf'],
        [true, 'image/png'],
      ]);
      const exportWindows = fake.state.windows.filter((w) => w.loaded.some((url) => url.startsWith('data:')));
      expect(exportWindows).toHaveLength(2);
      expect(exportWindows.every((w) => w.destroyed)).toBe(true);
      await quit();
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
    expect(fake.state.cores).toEqual([]);
    expect(fs.readdirSync(fake.state.userData)).toEqual([]);
  });
});
