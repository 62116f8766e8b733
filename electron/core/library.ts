// A library is one database file in a data folder, served through the handler map.
// Opening it checks integrity, migrates, and on first open seeds the sample study.
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
import { handlers } from './services/handlers.js';
import { readSampleStudy, writeSampleStudy } from './services/sample/seed.js';

export interface LibraryOptions {
  dataDir: string;
  /** Folder holding sample-study/ and the other bundled resources. */
  resourcesDir: string;
  appVersion: string;
  /** Create the sample study when the library is new (default true). */
  seedSample?: boolean;
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

const SAMPLE_MARKER = 'sample_study_created';

function seedOnce(ctx: ServiceContext, resourcesDir: string): void {
  const { db } = ctx;
  const done = db.prepare('SELECT value FROM app_setting WHERE key = ?').get(SAMPLE_MARKER);
  if (done) return; // created once; if the user deleted it, it stays deleted
  const sample = readSampleStudy(path.join(resourcesDir, 'sample-study', 'study.json'));
  // The sample and the note that it was made commit together, or neither does.
  runInTransaction(ctx, () => {
    writeSampleStudy(ctx, sample);
    db.prepare('INSERT INTO app_setting (key, value) VALUES (?, ?)').run(SAMPLE_MARKER, new Date().toISOString());
  });
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
    dataDir: options.dataDir,
    resourcesDir: options.resourcesDir,
    printPdf: options.printPdf,
    capturePng: options.capturePng,
    appVersion: options.appVersion,
  } as ServiceContext; // the host sets db, readOnly and readOnlyReason from what opened
  const host = new LibraryHost(context, opened, {
    file,
    appVersion: options.appVersion,
    nativeBinding: options.sqliteBinding,
    snapshotEveryMs: options.snapshotEveryMs ?? 3_600_000,
    existedBefore: before.existed,
    modifiedBefore: before.modified,
    onQuit: options.onQuit,
  });
  if (opened.problem === null && options.seedSample !== false) seedOnce(context, options.resourcesDir);
  host.start();
  return {
    dispatch: host.guard(createDispatcher(handlers, context)),
    events,
    context,
    host,
    file,
    backupFile: opened.backupFile,
    close: () => host.close(),
  };
}
