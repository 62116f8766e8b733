// A hidden, sandboxed window with JavaScript off that loads an export's self-contained
// HTML, for printing it to PDF or capturing it as an image. It has its own in-memory
// session that refuses every request but the document itself.
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';

export async function withExportWindow<T>(html: string, options: BrowserWindowConstructorOptions, use: (window: BrowserWindow) => Promise<T>): Promise<T> {
  const window = new BrowserWindow({
    show: false,
    ...options,
    webPreferences: {
      ...options.webPreferences,
      // Its own in-memory session, so the request filter below never touches the main window.
      partition: 'fieldwork-print',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
    },
  });
  try {
    window.webContents.session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) =>
      callback({ cancel: !details.url.startsWith('data:') }),
    );
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`);
    return await use(window);
  } finally {
    window.destroy();
  }
}
