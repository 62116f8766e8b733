// The only bridge between the sandboxed page and the main process: one `api`
// object with `invoke` and `on`, typed from the contract. Names outside the
// contract are refused here, so this is no pass-through to arbitrary channels.
import { contextBridge, ipcRenderer } from 'electron';
import { isEventName, isOperationName } from '../shared/api/contract.js';
import { ipcChannel, ipcEventChannel, type FieldworkApi } from '../shared/api/client.js';

const api: FieldworkApi = {
  invoke(name, input, meta) {
    if (!isOperationName(name)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown_operation', message: 'Unknown operation.' } } as never);
    }
    return ipcRenderer.invoke(ipcChannel(name), input, meta) as Promise<never>;
  },
  on(event, listener) {
    if (!isEventName(event)) throw new Error('Unknown event.');
    const channel = ipcEventChannel(event);
    const handler = (_e: Electron.IpcRendererEvent, payload: unknown) => listener(payload as Parameters<typeof listener>[0]);
    ipcRenderer.on(channel, handler);
    return () => ipcRenderer.removeListener(channel, handler);
  },
};

contextBridge.exposeInMainWorld('api', api);
