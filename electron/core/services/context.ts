// What every handler receives: the database, the event bus and library facts.
import type Database from 'better-sqlite3';
import type { EventBus } from './events.js';

/** Prints a self-contained HTML document to PDF (Chromium in browser mode, printToPDF in Electron). */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;

export interface ServiceContext {
  db: Database.Database;
  events: EventBus;
  dataDir: string;
  /** Bundled resources: the sample study, guide templates. */
  resourcesDir: string;
  readOnly: boolean;
  readOnlyReason: string | null;
  appVersion: string;
  /** Absent where no printer is available; PDF exports then say so. */
  printPdf?: PdfPrinter | undefined;
}
