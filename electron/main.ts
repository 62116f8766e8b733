// Fieldwork's desktop entry point: app lifecycle, the single window, and the core
// started in a process of its own (shell/core-process.ts), which each window reaches
// over a MessagePort. Thin on purpose: the work happens in electron/core.
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { startCoreProcess, type CoreHost } from './shell/core-process.js';
import { hardenWebContents, denyPermissions } from './shell/hardening.js';
import { installMenu } from './shell/menu.js';
import { APP_ENTRY_URL, dataDirFromArgv, mainWindowOptions } from './shell/policy.js';
import { registerAppScheme, serveRenderer } from './shell/protocol.js';

let core: CoreHost | null = null;
let quitting = false;
let window: BrowserWindow | null = null;

// Bundled layout: build/electron/main.cjs beside build/renderer; resources at the root
// in development, in process.resourcesPath when packaged.
const buildDir = path.resolve(__dirname, '..');
const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.resolve(buildDir, '..', 'resources');

function createWindow(): void {
  window = new BrowserWindow(mainWindowOptions(path.join(__dirname, 'preload.cjs')));
  window.once('ready-to-show', () => window?.show());
  window.on('closed', () => (window = null));
  void window.loadURL(APP_ENTRY_URL);
}

async function start(): Promise<void> {
  const dataDir = dataDirFromArgv(process.argv, process.cwd()) ?? app.getPath('userData');
  core = startCoreProcess({
    script: path.join(__dirname, 'core.cjs'),
    start: {
      dataDir,
      resourcesDir,
      appVersion: app.getVersion(),
      // Set by `npm start`: the addon built for Electron; packaged apps ship their own.
      sqliteBinding: app.isPackaged ? undefined : process.env.FIELDWORK_SQLITE_BINDING,
      // The main process prints, captures and quits for the core.
      shell: true,
      heavyReads: { script: path.join(__dirname, 'heavy-reads.cjs') },
      rendererDir: path.join(buildDir, 'renderer'),
    },
    // A damaged or foreign library opens in its problem state (the window offers the
    // ways out); this is only for failures outside the file, e.g. a missing addon.
    onFailed(message) {
      dialog.showErrorBox('Fieldwork could not open its library', message);
      app.exit(1);
    },
  });
  denyPermissions();
  serveRenderer(path.join(buildDir, 'renderer'));
  installMenu();
  await core.ready;
  createWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  hardenWebContents();
  app.on('second-instance', () => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  // The core closes its library cleanly (a checkpoint) before the app goes.
  app.on('will-quit', (event) => {
    if (!core || quitting) return;
    quitting = true;
    event.preventDefault();
    void core.stop().finally(() => app.quit());
  });
  void app.whenReady().then(start);
}
