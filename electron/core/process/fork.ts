// Starts the core as a Node child process and talks to it over the child's IPC
// channel, ports multiplexed by name: the same boundary as the desktop app's
// utilityProcess, for tests, benchmarks and tools where Electron cannot run.
import { fork, type ChildProcess } from 'node:child_process';
import type { Frame, PortLike } from '../port/frames.js';
import type { CoreMessage, CoreStartOptions, ParentMessage } from './control.js';

export interface ForkOptions {
  /** The core process's script: core-process.ts under a loader, or its bundle. */
  script: string;
  /** Node options for the child, e.g. ['--import', 'tsx'] to run the source. */
  execArgv?: string[];
  start: CoreStartOptions;
}

export interface ForkedCore {
  child: ChildProcess;
  /** Settles once the library is open (rejects when it could not be). */
  ready: Promise<void>;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** A new client port (or the shell's, which answers the core's printing and quitting). */
  connect(role?: 'client' | 'shell'): PortLike;
  /** Asks the core to close its library and stop. */
  stop(): Promise<number | null>;
}

export function forkCore(options: ForkOptions): ForkedCore {
  const child = fork(options.script, [], { execArgv: options.execArgv ?? [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'json' });
  const receivers = new Map<string, (frame: unknown) => void>();
  let nextPort = 1;
  const send = (message: ParentMessage) => {
    if (child.connected) child.send(message);
  };
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    child.on('message', (message: CoreMessage) => {
      if (message.type === 'frame') receivers.get(message.port)?.(message.frame);
      else if (message.type === 'ready') resolve();
      else if (message.type === 'failed') reject(new Error(message.message));
    });
    void exited.then((code) => reject(new Error(`The core process exited (${code ?? 'killed'}) before its library opened.`)));
  });
  // Unhandled when the caller never waits for it (it then learns from a call instead).
  ready.catch(() => undefined);
  send({ type: 'start', options: options.start });
  return {
    child,
    ready,
    exited,
    connect(role = 'client') {
      const name = `p${nextPort++}`;
      send({ type: 'connect', role, port: name });
      return {
        post: (frame: Frame) => send({ type: 'frame', port: name, frame }),
        listen: (receive) => void receivers.set(name, receive),
        close() {
          receivers.delete(name);
          send({ type: 'disconnect', port: name });
        },
      };
    },
    stop() {
      if (child.connected) child.disconnect();
      return exited;
    },
  };
}
