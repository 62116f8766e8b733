// Runs the core in an Electron utilityProcess, off the main process's thread, and
// hands each window its own MessagePort to it (the preload asks; only our own page's
// main frame gets one). The core calls back on a 'shell' port for what only the main
// process can do: print to PDF, capture images, quit. When the core stops
// unexpectedly every window is told (its calls wait), a new core is started on the
// same library and every window gets a new port; what the core acknowledged was
// committed, so nothing acknowledged is lost. A core that keeps stopping is given up on.
import { app, ipcMain, MessageChannelMain, utilityProcess, type UtilityProcess, type WebContents } from 'electron';
import type { CoreState } from '../../shared/api/client.js';
import { CORE_PORT_CHANNEL, CORE_PORT_REQUEST, CORE_STATE_CHANNEL } from '../../shared/api/client.js';
import type { ApiResult } from '../../shared/api/result.js';
import { portFromMessagePortMain } from '../core/process/parent-link.js';
import { SHELL_SERVICES, type CoreMessage, type CoreStartOptions, type ParentMessage } from '../core/process/control.js';
import { shouldRestart } from '../core/process/restart-policy.js';
import { createPeer } from '../core/port/peer.js';
import { printHtmlToPdf } from './pdf.js';
import { captureHtmlToPng } from './png.js';
import { isTrustedSender } from './policy.js';

export interface CoreHostOptions {
  /** The core's bundle (core.cjs beside main.cjs). */
  script: string;
  start: CoreStartOptions;
  /** The core could not open its library at all (e.g. a missing addon). */
  onFailed(message: string): void;
}

export interface CoreHost {
  /** Settles once the first core's library is open. */
  ready: Promise<void>;
  /** Closes the library cleanly; resolves once the core has exited. */
  stop(): Promise<void>;
}

const NOT_SHELL: ApiResult<never> = { ok: false, error: { code: 'unknown_operation', message: 'Unknown operation.' } };

async function answerShell(name: string, input: unknown): Promise<ApiResult<unknown>> {
  const { html, width } = input as { html: string; width?: number };
  if (name === SHELL_SERVICES.printPdf) return { ok: true, value: Buffer.from(await printHtmlToPdf(html)).toString('base64') };
  if (name === SHELL_SERVICES.capturePng) return { ok: true, value: Buffer.from(await captureHtmlToPng(html, width ?? 0)).toString('base64') };
  if (name === SHELL_SERVICES.quit) {
    setTimeout(() => app.quit(), 50);
    return { ok: true, value: null };
  }
  return NOT_SHELL;
}

export function startCoreProcess(options: CoreHostOptions): CoreHost {
  const windows = new Set<WebContents>();
  const crashes: number[] = [];
  let child: UtilityProcess | null = null;
  let stopping = false;
  let exited: Promise<void> = Promise.resolve();
  let resolveReady!: () => void;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));

  const post = (core: UtilityProcess, message: ParentMessage, ports: Electron.MessagePortMain[] = []) => core.postMessage(message, ports);

  const tell = (state: CoreState) => {
    for (const contents of windows) if (!contents.isDestroyed()) contents.send(CORE_STATE_CHANNEL, state);
  };

  /** A new port to the running core, for one window's preload. */
  const givePort = (contents: WebContents) => {
    if (!child || contents.isDestroyed()) return;
    const { port1, port2 } = new MessageChannelMain();
    post(child, { type: 'connect', role: 'client' }, [port1]);
    contents.postMessage(CORE_PORT_CHANNEL, null, [port2]);
  };

  const spawn = () => {
    const core = utilityProcess.fork(options.script, [], { serviceName: 'Fieldwork core', stdio: 'inherit' });
    child = core;
    exited = new Promise((resolve) => core.once('exit', () => resolve()));
    core.on('message', (message: CoreMessage) => {
      if (message.type === 'ready') resolveReady();
      else if (message.type === 'failed') options.onFailed(message.message);
    });
    core.once('exit', (code) => {
      if (child === core) child = null;
      if (stopping) return;
      console.error(`Fieldwork's core stopped (exit code ${code}).`);
      const now = Date.now();
      if (!shouldRestart(crashes, now)) {
        tell('stopped');
        return;
      }
      crashes.push(now);
      tell('restarting');
      spawn();
      for (const contents of windows) givePort(contents);
    });
    post(core, { type: 'start', options: options.start });
    const { port1, port2 } = new MessageChannelMain();
    post(core, { type: 'connect', role: 'shell' }, [port1]);
    createPeer(portFromMessagePortMain(port2), { answer: answerShell });
  };

  // A preload asks for its port when its page starts (and again after a reload).
  ipcMain.on(CORE_PORT_REQUEST, (event) => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame && { url: frame.url, isMainFrame: frame === event.sender.mainFrame })) return;
    const contents = event.sender;
    if (!windows.has(contents)) {
      windows.add(contents);
      contents.once('destroyed', () => windows.delete(contents));
    }
    givePort(contents);
  });

  spawn();
  return {
    ready,
    async stop() {
      stopping = true;
      ipcMain.removeAllListeners(CORE_PORT_REQUEST);
      if (child) post(child, { type: 'stop' });
      await exited;
    },
  };
}
