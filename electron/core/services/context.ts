// What every handler receives: the database, the event bus and library facts.
import type Database from 'better-sqlite3';
import type { LibraryControl } from '../library-control.js';
import type { ChangeFeed } from '../changes/feed.js';
import type { EventBus } from './events.js';
import type { TeamControl } from '../team/control.js';

/** Prints a self-contained HTML document to PDF (Chromium in browser mode, printToPDF in Electron). */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;

/** Renders a self-contained HTML document `width` CSS pixels wide, full height, to PNG (same engines as PdfPrinter). */
export type PngCapturer = (html: string, width: number) => Promise<Uint8Array>;

export interface ServiceContext {
  db: Database.Database;
  events: EventBus;
  /** The change feed: each committed write's revision, pushed to every client. */
  changes: ChangeFeed;
  dataDir: string;
  /** Bundled resources: the sample study, guide templates. */
  resourcesDir: string;
  readOnly: boolean;
  readOnlyReason: string | null;
  appVersion: string;
  /** Absent where no printer is available; PDF exports then say so. */
  printPdf?: PdfPrinter | undefined;
  /** Absent where no renderer is available; PNG exports then say so. */
  capturePng?: PngCapturer | undefined;
  /** Whether the UI's first start makes the sample study (sample.firstStart); off for libraries opened without one. */
  sampleOnFirstStart?: boolean | undefined;
  /** The library's health and snapshots; absent for a bare database (unit tests). */
  library?: LibraryControl | undefined;
  /** Live team sessions; absent where nothing can listen for teammates. */
  team?: TeamControl | undefined;
}
