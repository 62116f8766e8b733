// The core as a process of its own: Electron's main process starts it as a
// utilityProcess (`process.parentPort`, ports transferred with each 'connect'), tests
// and benchmarks as a Node child process (IPC channel, ports multiplexed by name).
// Either way the parent sends 'start', then connects clients (each window, each test
// client) and optionally the shell (which prints and quits for the core). Nothing here
// imports Electron: the same file runs in both.
import { openLibrary, type Library } from '../library.js';
import type { PdfPrinter, PngCapturer } from '../services/context.js';
import type { PortLike } from '../port/frames.js';
import { createPeer, type Peer } from '../port/peer.js';
import { serveLibrary } from '../port/serve.js';
import { SHELL_SERVICES, type CoreMessage, type CoreStartOptions, type ParentMessage } from './control.js';
import { parentLink } from './parent-link.js';
import { attachTeamHost, type TeamHost } from '../team/team-host.js';

const link = parentLink();
let library: Library | null = null;
let team: TeamHost | null = null;
let shell: Peer | null = null;
const clients = new Set<PortLike>();
const waitingForLibrary: Array<() => void> = [];

const send = (message: CoreMessage) => link.send(message);

function shellCall(name: string, input: unknown): Promise<unknown> {
  if (!shell) return Promise.reject(new Error('The desktop shell is not connected.'));
  return shell.call(name, input).then((result) => {
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  });
}

const printPdf: PdfPrinter = async (html) => Buffer.from((await shellCall(SHELL_SERVICES.printPdf, { html })) as string, 'base64');
const capturePng: PngCapturer = async (html, width) => Buffer.from((await shellCall(SHELL_SERVICES.capturePng, { html, width })) as string, 'base64');

async function start(options: CoreStartOptions): Promise<void> {
  try {
    library = await openLibrary({
      dataDir: options.dataDir,
      resourcesDir: options.resourcesDir,
      appVersion: options.appVersion,
      sqliteBinding: options.sqliteBinding,
      ...(options.snapshotEveryMs === undefined ? {} : { snapshotEveryMs: options.snapshotEveryMs }),
      ...(options.seedSample === undefined ? {} : { seedSample: options.seedSample }),
      ...(options.sampleLanguage === undefined ? {} : { sampleLanguage: options.sampleLanguage }),
      ...(options.shell ? { printPdf, capturePng, onQuit: () => void shellCall(SHELL_SERVICES.quit, {}).catch(() => undefined) } : {}),
      heavyReads: options.heavyReads,
    });
  } catch (error) {
    // Only failures outside the file (a missing addon): a damaged library opens in its problem state.
    send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  if (options.rendererDir) team = await attachTeamHost(library, { rendererDir: options.rendererDir });
  for (const serve of waitingForLibrary.splice(0)) serve();
  send({ type: 'ready' });
}

function connect(role: 'client' | 'shell', port: PortLike): void {
  if (role === 'shell') {
    shell?.close();
    shell = createPeer(port);
    return;
  }
  clients.add(port);
  port.onClose?.(() => clients.delete(port));
  const serve = () => serveLibrary(port, library!);
  if (library) serve();
  else waitingForLibrary.push(serve);
}

link.receive((message: ParentMessage, port) => {
  if (message.type === 'start') void start(message.options);
  else if (message.type === 'stop') stop();
  else if (message.type === 'connect' && port) connect(message.role, port);
});

/** The parent went away (or asked us to stop): close the library cleanly. */
function stop(): void {
  for (const port of clients) port.close();
  void team?.close();
  library?.close();
  process.exit(0);
}
link.onGone(stop);
process.on('SIGTERM', stop);
