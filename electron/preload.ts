// The only bridge between the sandboxed page and the app: one `api` object with
// `invoke`, `on` and `onCoreState`, typed from the contract. Behind it is a MessagePort
// to the core's own process (ports cannot cross contextBridge, so the preload keeps
// it); names outside the contract are refused here, so this is no pass-through.
import { contextBridge, ipcRenderer } from 'electron';
import { CORE_PORT_CHANNEL, CORE_PORT_REQUEST, CORE_STATE_CHANNEL } from '../shared/api/client.js';
import { createPortClient } from './core/port/client.js';
import type { PortLike } from './core/port/frames.js';

const client = createPortClient();

function portFromDom(port: MessagePort): PortLike {
  return {
    post: (frame) => port.postMessage(frame),
    listen(receive) {
      port.onmessage = (event) => receive(event.data);
    },
    close: () => port.close(),
  };
}

ipcRenderer.on(CORE_PORT_CHANNEL, (event) => {
  const port = event.ports[0];
  if (port) client.attach(portFromDom(port));
});
ipcRenderer.on(CORE_STATE_CHANNEL, (_event, state: unknown) => {
  if (state === 'restarting' || state === 'stopped') client.detach(state);
});
ipcRenderer.send(CORE_PORT_REQUEST);

contextBridge.exposeInMainWorld('api', client.api);
