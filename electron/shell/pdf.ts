// The desktop app's PDF printer: a hidden, sandboxed window with JavaScript off
// loads the export's self-contained HTML and Chromium prints it (fonts embedded).
import { BrowserWindow } from 'electron';

export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const window = new BrowserWindow({
    show: false,
    // Its own in-memory session, so the request filter below never touches the main window.
    webPreferences: { partition: 'fieldwork-print', sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true },
  });
  try {
    // Exports load nothing from outside: refuse every request but the document itself.
    window.webContents.session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) =>
      callback({ cancel: !details.url.startsWith('data:') }),
    );
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`);
    return await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
  } finally {
    window.destroy();
  }
}
