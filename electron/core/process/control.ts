// The messages between the core process and the process that started it (Electron's
// main process, or a Node parent in tests and benchmarks), beside the ports that carry
// the frames: start the library, connect a client or the shell, and the answers.
import type { StudyLanguage } from '../../../shared/domain.js';

export interface CoreStartOptions {
  dataDir: string;
  resourcesDir: string;
  appVersion: string;
  sqliteBinding?: string | undefined;
  snapshotEveryMs?: number | undefined;
  seedSample?: boolean | 'first-start' | undefined;
  sampleLanguage?: StudyLanguage | undefined;
  /** The parent answers the shell's services (printing, quitting) on a 'shell' port. */
  shell?: boolean | undefined;
  /** Runs heavy reads on a worker thread with its own read-only connection. */
  heavyReads?: HeavyReadsOptions | undefined;
  /** The built page, served to teammates who join a live team session; without it there are no team sessions. */
  rendererDir?: string | undefined;
}

export interface HeavyReadsOptions {
  /** The worker's script (the bundle beside the core's, or its source under a loader). */
  script: string;
  /** A module whose `register()` the worker calls first, e.g. a TypeScript loader for the source. */
  register?: string | undefined;
}

/** From the parent. A 'connect' comes with the port to serve (transferred, or named in `port`). */
export type ParentMessage =
  | { type: 'start'; options: CoreStartOptions }
  | { type: 'connect'; role: 'client' | 'shell'; port?: string }
  | { type: 'frame'; port: string; frame: unknown }
  | { type: 'disconnect'; port: string }
  /** Close the library cleanly and exit (the app is quitting). */
  | { type: 'stop' };

/** To the parent. */
export type CoreMessage = { type: 'ready' } | { type: 'failed'; message: string } | { type: 'frame'; port: string; frame: unknown };

/** The shell's services the core calls on the 'shell' port (answered by the Electron main process). */
export const SHELL_SERVICES = { printPdf: 'shell.printPdf', capturePng: 'shell.capturePng', quit: 'shell.quit' } as const;
