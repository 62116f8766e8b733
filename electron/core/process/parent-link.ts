// The core process's line to its parent: Electron's `process.parentPort` (which
// carries transferred MessagePortMain ports) or a Node child process's IPC channel
// (where ports are virtual: frames travel on the one channel, tagged with the port's
// name). Described structurally, since electron/core never imports Electron.
import type { Frame, PortLike } from '../port/frames.js';
import type { CoreMessage, ParentMessage } from './control.js';

/** The parts of Electron's MessagePortMain used here. */
export interface MessagePortMainLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  start(): void;
  close(): void;
}

/** The parts of Electron's `process.parentPort` used here. */
interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown; ports: MessagePortMainLike[] }) => void): unknown;
}

export interface ParentLink {
  send(message: CoreMessage): void;
  receive(handler: (message: ParentMessage, port: PortLike | null) => void): void;
  /** The parent is gone: the core should close its library and stop. */
  onGone(handler: () => void): void;
}

/** A transferred MessagePortMain as a frame port. */
export function portFromMessagePortMain(port: MessagePortMainLike): PortLike {
  return {
    post: (frame) => port.postMessage(frame),
    listen(receive) {
      port.on('message', (event) => receive(event.data));
      port.start();
    },
    close: () => port.close(),
    onClose: (handler) => void port.on('close', handler),
  };
}

function isParentMessage(data: unknown): data is ParentMessage {
  return typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string';
}

function electronLink(parentPort: ParentPortLike): ParentLink {
  return {
    send: (message) => parentPort.postMessage(message),
    receive(handler) {
      parentPort.on('message', (event) => {
        if (!isParentMessage(event.data)) return;
        const port = event.ports[0];
        handler(event.data, port ? portFromMessagePortMain(port) : null);
      });
    },
    // A utility process ends with its parent.
    onGone: () => undefined,
  };
}

function nodeLink(): ParentLink {
  /** Per port: its receiver once listening, and the frames that came before (a MessagePort queues them too). */
  const ports = new Map<string, { receive: ((frame: unknown) => void) | null; queued: unknown[]; closed: Array<() => void> }>();
  const send = (message: CoreMessage) => {
    if (process.connected) process.send!(message);
  };
  return {
    send,
    receive(handler) {
      process.on('message', (data: unknown) => {
        if (!isParentMessage(data)) return;
        if (data.type === 'frame') {
          const port = ports.get(data.port);
          if (port?.receive) port.receive(data.frame);
          else port?.queued.push(data.frame);
          return;
        }
        if (data.type === 'disconnect') {
          const port = ports.get(data.port);
          ports.delete(data.port);
          for (const handler of port?.closed ?? []) handler();
          return;
        }
        const name = data.type === 'connect' ? data.port : undefined;
        if (name === undefined) return handler(data, null);
        const entry: { receive: ((frame: unknown) => void) | null; queued: unknown[]; closed: Array<() => void> } = { receive: null, queued: [], closed: [] };
        ports.set(name, entry);
        const port: PortLike = {
          post: (frame: Frame) => send({ type: 'frame', port: name, frame }),
          listen(receive) {
            entry.receive = receive;
            for (const frame of entry.queued.splice(0)) receive(frame);
          },
          close: () => void ports.delete(name),
          onClose: (closed) => void entry.closed.push(closed),
        };
        handler(data, port);
      });
    },
    onGone: (handler) => void process.on('disconnect', handler),
  };
}

export function parentLink(): ParentLink {
  const parentPort = (process as { parentPort?: ParentPortLike }).parentPort;
  if (parentPort) return electronLink(parentPort);
  if (process.send) return nodeLink();
  throw new Error('The core process was started without a parent to talk to.');
}
