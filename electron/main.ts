// Fieldwork's desktop entry point: app lifecycle, the single window and the wiring
// of the core library to IPC. Thin on purpose: the work happens in electron/core.
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { openLibrary, type Library } from './core/library.js';
import { hardenWebContents, denyPermissions } from './shell/hardening.js';
import { wireIpc } from './shell/ipc.js';
import { installMenu } from './shell/menu.js';
import { printHtmlToPdf } from './shell/pdf.js';
import { captureHtmlToPng } from './shell/png.js';
import { APP_ENTRY_URL, dataDirFromArgv, mainWindowOptions } from './shell/policy.js';
import { registerAppScheme, serveRenderer } from './shell/protocol.js';

let library: Library | null = null;
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
  try {
    library = await openLibrary({
      dataDir,
      resourcesDir,
      appVersion: app.getVersion(),
      // Set by `npm start`: the addon built for Electron; packaged apps ship their own.
      sqliteBinding: app.isPackaged ? undefined : process.env.FIELDWORK_SQLITE_BINDING,
      printPdf: printHtmlToPdf,
      capturePng: captureHtmlToPng,
      // The "Quit" choice of the library-problem screen.
      onQuit: () => app.quit(),
    });
  } catch (error) {
    // A damaged or foreign library opens in its problem state (the window offers the
    // ways out); this is only for failures outside the file, e.g. a missing addon.
    dialog.showErrorBox('Fieldwork could not open its library', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }
  denyPermissions();
  serveRenderer(path.join(buildDir, 'renderer'));
  wireIpc(library);
  installMenu();
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
    if (library && BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('will-quit', () => library?.close());
  void app.whenReady().then(start);
}
