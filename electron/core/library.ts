// A library is one database file in a data folder, served through the handler map.
// Opening it checks integrity, migrates, and on first open seeds the sample study.
import path from 'node:path';
import { openDatabase } from './db/connection.js';
import { LIBRARY_FILE } from './paths.js';
import type { PdfPrinter, PngCapturer, ServiceContext } from './services/context.js';
import { createDispatcher, type Dispatch } from './services/dispatch.js';
import { EventBus } from './services/events.js';
import { handlers } from './services/handlers.js';
import { readSampleStudy, seedSampleStudy } from './services/sample/seed.js';

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
}

export interface Library {
  dispatch: Dispatch;
  events: EventBus;
  context: ServiceContext;
  file: string;
  backupFile: string | null;
  close(): void;
}

const SAMPLE_MARKER = 'sample_study_created';

function seedOnce(ctx: ServiceContext, resourcesDir: string): void {
  const { db } = ctx;
  const done = db.prepare('SELECT value FROM app_setting WHERE key = ?').get(SAMPLE_MARKER);
  if (done) return; // created once; if the user deleted it, it stays deleted
  const sample = readSampleStudy(path.join(resourcesDir, 'sample-study', 'study.json'));
  db.transaction(() => {
    seedSampleStudy(db, sample);
    db.prepare('INSERT INTO app_setting (key, value) VALUES (?, ?)').run(SAMPLE_MARKER, new Date().toISOString());
  })();
}

export async function openLibrary(options: LibraryOptions): Promise<Library> {
  const file = path.join(options.dataDir, LIBRARY_FILE);
  const opened = await openDatabase(file, { nativeBinding: options.sqliteBinding });
  const events = new EventBus();
  const context: ServiceContext = {
    db: opened.db,
    events,
    dataDir: options.dataDir,
    resourcesDir: options.resourcesDir,
    printPdf: options.printPdf,
    capturePng: options.capturePng,
    readOnly: opened.readOnly,
    readOnlyReason: opened.readOnlyReason,
    appVersion: options.appVersion,
  };
  if (!opened.readOnly && options.seedSample !== false) seedOnce(context, options.resourcesDir);
  let closed = false;
  return {
    dispatch: createDispatcher(handlers, context),
    events,
    context,
    file,
    backupFile: opened.backupFile,
    close() {
      if (closed) return;
      closed = true;
      if (!opened.readOnly) opened.db.pragma('wal_checkpoint(TRUNCATE)');
      opened.db.close();
    },
  };
}
