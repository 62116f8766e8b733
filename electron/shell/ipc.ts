// Electron IPC generated from the contract: one ipcMain.handle per operation,
// registered in a loop. Each call checks that it comes from our own page's main
// frame; the dispatcher parses the input and returns a typed result.
import { BrowserWindow, ipcMain } from 'electron';
import { OPERATION_NAMES } from '../../shared/api/contract.js';
import { ipcChannel, ipcEventChannel } from '../../shared/api/client.js';
import type { Library } from '../core/library.js';
import { isTrustedSender } from './policy.js';

export function wireIpc(library: Library): () => void {
  for (const name of OPERATION_NAMES) {
    ipcMain.handle(ipcChannel(name), (event, input: unknown, meta: unknown) => {
      const frame = event.senderFrame;
      const trusted = isTrustedSender(frame && { url: frame.url, isMainFrame: frame === event.sender.mainFrame });
      if (!trusted) {
        return { ok: false, error: { code: 'forbidden', message: 'Requests must come from Fieldwork itself.' } };
      }
      return library.dispatch(name, input, meta);
    });
  }
  const unsubscribe = library.events.subscribe((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(ipcEventChannel(name), payload);
    }
  });
  return () => {
    unsubscribe();
    for (const name of OPERATION_NAMES) ipcMain.removeHandler(ipcChannel(name));
  };
}
