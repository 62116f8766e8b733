// Library files as the tests handle them from outside: their hash (to prove nothing
// wrote to them), pages overwritten with garbage, and a closed library to damage.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { call } from './call.js';
import { openTestLibrary } from './library.js';
import { tempDir } from './temp.js';

export const sha256 = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Overwrites whole pages (1-based) of a closed database file with a repeating byte. */
export function overwritePages(file: string, pages: number[], byte = 0x5a): void {
  const probe = new Database(file, { readonly: true });
  const pageSize = probe.pragma('page_size', { simple: true }) as number;
  probe.close();
  const fd = fs.openSync(file, 'r+');
  try {
    for (const page of pages) fs.writeSync(fd, Buffer.alloc(pageSize, byte), 0, pageSize, (page - 1) * pageSize);
  } finally {
    fs.closeSync(fd);
  }
}

/** The root page of a table or index, to damage it precisely. */
export function rootPage(file: string, name: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(name) as { rootpage: number }).rootpage;
  } finally {
    db.close();
  }
}

/** A closed library holding the sample study and one study of our own; returns its folder and file. */
export async function closedLibrary(studyName = 'Kept study') {
  const dataDir = tempDir();
  const library = await openTestLibrary({ dataDir, seedSample: true });
  const study = await call(library, 'study.create', { name: studyName });
  const file = library.file;
  library.close();
  return { dataDir, file, studyId: study.id };
}
