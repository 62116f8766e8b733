// Sends the contract's heavy reads (dashboard, clustering, exports) to a worker thread
// with its own read-only connection, and everything else to the host's dispatcher. The
// worker starts with the first heavy read and again after it died; a read it never
// answered comes back as a typed error. Reads that still answer in the library's
// problem state stay on the host: they need the host itself, not only its database.
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { isOperationName, policyOf } from '../../../shared/api/contract.js';
import type { PortLike } from '../port/frames.js';
import { createPeer, type Peer } from '../port/peer.js';
import type { HeavyReadsOptions } from '../process/control.js';
import type { ServiceContext } from '../services/context.js';
import type { Dispatch } from '../services/dispatch.js';
import { HOST_SERVICES, type HeavyCall, type HeavyWorkerData } from './envelope.js';

export interface HeavyReads {
  dispatch: Dispatch;
  close(): Promise<void>;
}

export interface OffloadOptions extends HeavyReadsOptions {
  nativeBinding?: string | undefined;
  /** Tests only: every heavy read waits until the buffer's first 32-bit integer is not zero. */
  holdUntil?: SharedArrayBuffer | undefined;
}

export const runsOnWorker = (name: unknown): boolean => {
  if (!isOperationName(name)) return false;
  const policy = policyOf(name);
  return policy.kind === 'read' && policy.heavy === true && policy.problem !== true;
};

const asUrl = (file: string) => (/^[a-z]+:/i.test(file) ? file : pathToFileURL(file).href);

function startWorker(options: OffloadOptions, workerData: HeavyWorkerData): Worker {
  if (!options.register) return new Worker(options.script, { workerData });
  // The source under a loader (tests, `npm run serve`): register it, then load the script.
  const boot = `import(${JSON.stringify(asUrl(options.register))}).then((m) => { m.register(); return import(${JSON.stringify(asUrl(options.script))}); })`;
  return new Worker(boot, { eval: true, workerData });
}

export function offloadHeavyReads(inner: Dispatch, ctx: ServiceContext, options: OffloadOptions): HeavyReads {
  let running: { worker: Worker; peer: Peer } | null = null;

  const answerHost = async (name: string, input: unknown) => {
    const { html, width } = input as { html: string; width?: number };
    const bytes =
      name === HOST_SERVICES.printPdf && ctx.printPdf ? await ctx.printPdf(html) : name === HOST_SERVICES.capturePng && ctx.capturePng ? await ctx.capturePng(html, width ?? 0) : null;
    if (!bytes) return { ok: false as const, error: { code: 'unknown_operation' as const, message: 'Unknown operation.' } };
    return { ok: true as const, value: Buffer.from(bytes).toString('base64') };
  };

  const worker = (): Peer => {
    if (running) return running.peer;
    const thread = startWorker(options, {
      dataDir: ctx.dataDir,
      resourcesDir: ctx.resourcesDir,
      appVersion: ctx.appVersion,
      nativeBinding: options.nativeBinding,
      printPdf: ctx.printPdf !== undefined,
      capturePng: ctx.capturePng !== undefined,
      holdUntil: options.holdUntil,
    });
    const port: PortLike = {
      post: (frame) => thread.postMessage(frame),
      listen: (receive) => void thread.on('message', receive),
      close: () => void thread.terminate(),
    };
    const peer = createPeer(port, { answer: answerHost });
    const current = { worker: thread, peer };
    running = current;
    const gone = (error?: unknown) => {
      if (error) console.error('heavy-read worker failed', error);
      peer.fail();
      if (running === current) running = null;
    };
    thread.on('error', gone);
    thread.on('exit', () => gone());
    // It must not keep a closing process alive.
    thread.unref();
    return peer;
  };

  return {
    dispatch(name, input, meta) {
      if (!runsOnWorker(name)) return inner(name, input, meta);
      const call: HeavyCall = { file: ctx.db.name, input, meta };
      return worker().call(name as string, call);
    },
    async close() {
      const current = running;
      running = null;
      if (current) {
        current.peer.fail();
        await current.worker.terminate();
      }
    },
  };
}
