// A disk that is already full when Fieldwork starts is named as such, not as "could
// not be opened / disk I/O error": SQLite reports the refusal to make its WAL index as
// an I/O error, so the free space of the library's folder decides.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { freeSpace, LOW_SPACE_BYTES, problemKindOf } from '../../electron/core/library-open.js';
import { tempDir } from '../helpers/temp.js';
import path from 'node:path';
import { fillDisk } from '../helpers/full-disk.js';

/** A real SQLITE_FULL: the database may not grow by a single page. */
function realDiskFullError(): unknown {
  const db = new Database(path.join(tempDir(), 'full.sqlite'));
  try {
    db.exec('CREATE TABLE t (x TEXT)');
    fillDisk(db);
    db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(100_000));
  } catch (error) {
    return error;
  } finally {
    db.close();
  }
  throw new Error('the insert should have been refused');
}

describe('a disk already full at start-up', () => {
  it('is called a full disk whether SQLite says "full" or only "disk I/O error"', () => {
    const full = realDiskFullError();
    expect((full as { code: string }).code).toBe('SQLITE_FULL');
    expect(problemKindOf(full)).toBe('disk_full');
    const shm = new Database.SqliteError('disk I/O error', 'SQLITE_IOERR_SHMSIZE');
    expect(problemKindOf(shm, 4096)).toBe('disk_full');
    expect(problemKindOf(shm, LOW_SPACE_BYTES * 100)).toBe('cannot_open');
    expect(problemKindOf(shm, null)).toBe('cannot_open');
  });

  it('reads the free space of the library folder', () => {
    expect(freeSpace(tempDir())).toBeGreaterThan(0);
    expect(freeSpace(path.join(tempDir(), 'no-such-folder'))).toBeNull();
  });
});
