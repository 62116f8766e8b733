// The heavy-read worker: runs the operations the contract marks `heavy` (dashboard,
// clustering, exports) on a thread of its own, with its own read-only connection, so a
// slow dashboard never holds up the host's writes (WAL lets it read while they commit).
// It answers over the same frame protocol as every other port, through the same
// dispatcher and handlers as the host, so its answers are the in-process ones.
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { ChangeFeed } from '../changes/feed.js';
import type { PortLike } from '../port/frames.js';
import { createPeer, type Peer } from '../port/peer.js';
import type { ServiceContext } from '../services/context.js';
import { createDispatcher } from '../services/dispatch.js';
import { EventBus } from '../services/events.js';
import { handlers } from '../services/handlers.js';
import { HOST_SERVICES, type HeavyCall, type HeavyWorkerData } from './envelope.js';

const data = workerData as HeavyWorkerData;
const port = parentPort!;
let opened: { file: string; inode: number } | null = null;

const ctx = {
  events: new EventBus(),
  dataDir: data.dataDir,
  resourcesDir: data.resourcesDir,
  appVersion: data.appVersion,
  readOnly: true,
  readOnlyReason: null,
  sampleOnFirstStart: false,
} as unknown as ServiceContext; // db is set by use() before any call runs
ctx.changes = new ChangeFeed({ db: () => ctx.db });

function inodeOf(file: string): number {
  return fs.statSync(file).ino;
}

/** The connection to `file`, reopened when it is another file or was replaced (a restore). */
function use(file: string): void {
  const inode = inodeOf(file);
  if (opened && opened.file === file && opened.inode === inode) return;
  if (opened) ctx.db.close();
  const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: data.nativeBinding });
  db.pragma('busy_timeout = 5000');
  ctx.db = db;
  opened = { file, inode };
}

const dispatch = createDispatcher(handlers, ctx);
const frames: PortLike = {
  post: (frame) => port.postMessage(frame),
  listen: (receive) => void port.on('message', receive),
  close: () => port.close(),
};

const hostCall = async (name: string, input: unknown): Promise<Uint8Array> => {
  const result = await host.call(name, input);
  if (!result.ok) throw new Error(result.error.message);
  return Buffer.from(result.value as string, 'base64');
};
if (data.printPdf) ctx.printPdf = (html) => hostCall(HOST_SERVICES.printPdf, { html });
if (data.capturePng) ctx.capturePng = (html, width) => hostCall(HOST_SERVICES.capturePng, { html, width });

const host: Peer = createPeer(frames, {
  async answer(name, envelope) {
    const call = envelope as HeavyCall;
    if (data.holdUntil) Atomics.wait(new Int32Array(data.holdUntil), 0, 0);
    use(call.file);
    return dispatch(name, call.input, call.meta);
  },
});
