// A library is one database file in a data folder, served through the handler map.
// Opening it checks integrity, migrates, and (for tests and tools) may seed the sample
// study; the app leaves that to the UI's first start, in the UI's language.
// A file that cannot be opened normally still gives a library, in a problem state
// the user resolves (see library-host.ts): opening never throws for the file's sake.
import fs from 'node:fs';
import path from 'node:path';
import { LibraryHost } from './library-host.js';
import { openLibraryFile } from './library-open.js';
import { LIBRARY_FILE } from './paths.js';
import type { PdfPrinter, PngCapturer, ServiceContext } from './services/context.js';
import { createDispatcher, runInTransaction, type Dispatch } from './services/dispatch.js';
import { EventBus } from './services/events.js';
import { ChangeFeed } from './changes/feed.js';
import { handlers } from './services/handlers.js';
import { seedSampleOnce } from './services/sample-first-start.js';
import { offloadHeavyReads, type OffloadOptions } from './heavy/offload.js';
import type { StudyLanguage } from '../../shared/domain.js';

export interface LibraryOptions {
  dataDir: string;
  /** Folder holding sample-study/ and the other bundled resources. */
  resourcesDir: string;
  appVersion: string;
  /**
   * The sample study of a new library: 'first-start' (default) makes it when the UI
   * first starts, in the UI's language; true makes it now, in `sampleLanguage`
   * (English unless given); false never.
   */
  seedSample?: boolean | 'first-start';
  sampleLanguage?: StudyLanguage;
  /** better-sqlite3 addon built for Electron, when the default one is built for Node. */
  sqliteBinding?: string | undefined;
  /** Prints HTML to PDF for document exports. */
  printPdf?: PdfPrinter | undefined;
  /** Renders HTML to PNG for image exports. */
  capturePng?: PngCapturer | undefined;
  /** Time between scheduled snapshots while the library is open; 0 turns them off (default one hour). */
  snapshotEveryMs?: number;
  /** Quits the app or stops the server: the "Quit" choice when the library has a problem. */
  onQuit?: () => void;
  /** Runs the contract's heavy reads on a worker thread with a read-only connection (see heavy/offload.ts). */
  heavyReads?: Omit<OffloadOptions, 'nativeBinding'> | undefined;
}

export interface Library {
  dispatch: Dispatch;
  events: EventBus;
  context: ServiceContext;
  /** The library's state, snapshots and restore. */
  host: LibraryHost;
  file: string;
  /** The snapshot taken before migrating, when the file needed an update. */
  backupFile: string | null;
  close(): void;
}

function lastWritten(file: string): { existed: boolean; modified: number } {
  try {
    const stat = fs.statSync(file);
    return { existed: stat.size > 0, modified: stat.mtimeMs };
  } catch {
    return { existed: false, modified: 0 };
  }
}

export async function openLibrary(options: LibraryOptions): Promise<Library> {
  const file = path.join(options.dataDir, LIBRARY_FILE);
  const before = lastWritten(file);
  const opened = await openLibraryFile(file, { nativeBinding: options.sqliteBinding, appVersion: options.appVersion });
  const events = new EventBus();
  const context = {
    events,
    changes: undefined as unknown as ChangeFeed, // set just below, once the context exists
    dataDir: options.dataDir,
    resourcesDir: options.resourcesDir,
    printPdf: options.printPdf,
    capturePng: options.capturePng,
    appVersion: options.appVersion,
    sampleOnFirstStart: (options.seedSample ?? 'first-start') === 'first-start',
  } as ServiceContext; // the host sets db, readOnly and readOnlyReason from what opened
  context.changes = new ChangeFeed({ db: () => context.db });
  // A change made outside any operation's transaction (a restore's announcement) is recorded on its own.
  events.outsideTransaction = (studies) =>
    runInTransaction(context, () => {
      for (const study of studies) for (const kind of study.kinds) events.touch(study.studyId, kind);
    });
  const host = new LibraryHost(context, opened, {
    file,
    appVersion: options.appVersion,
    nativeBinding: options.sqliteBinding,
    snapshotEveryMs: options.snapshotEveryMs ?? 3_600_000,
    existedBefore: before.existed,
    modifiedBefore: before.modified,
    onQuit: options.onQuit,
  });
  if (opened.problem === null && options.seedSample === true) runInTransaction(context, () => seedSampleOnce(context, options.sampleLanguage ?? 'en'));
  host.start();
  const inProcess = createDispatcher(handlers, context);
  const heavy = options.heavyReads ? offloadHeavyReads(inProcess, context, { ...options.heavyReads, nativeBinding: options.sqliteBinding }) : null;
  return {
    dispatch: host.guard(heavy ? heavy.dispatch : inProcess),
    events,
    context,
    host,
    file,
    backupFile: opened.backupFile,
    close: () => {
      void heavy?.close();
      host.close();
    },
  };
}
