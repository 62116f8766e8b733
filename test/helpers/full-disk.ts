// A disk with no room left, for real, on one library connection: the database may not
// grow by a single page. VACUUM first, so free pages left by earlier deletes or
// migrations (a dropped table) cannot absorb the next write.
import type Database from 'better-sqlite3';

export function fillDisk(db: Database.Database): void {
  db.exec('VACUUM');
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
}

export function freeDisk(db: Database.Database): void {
  db.pragma('max_page_count = 1073741823');
}
