// The snapshot folder of one library: takes snapshots with SQLite's online backup
// (consistent while the library is in use, WAL included; never a file copy), checks
// each with quick_check on a read-only connection before it counts, lists, deletes
// and thins them. Snapshot work runs one at a time, so a restore never overlaps a
// scheduled snapshot.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { Snapshot, SnapshotReason } from '../../../shared/api/snapshots.js';
import { databasePath, listSnapshotFiles, newSnapshotId, PARTIAL_SUFFIX, removeDatabaseFiles, removeLeftovers, removeSnapshotFiles, writeSidecar } from './files.js';
import { retentionPolicy, snapshotsToDrop } from './retention.js';
import { summariseLibrary } from './summary.js';

export class SnapshotVerificationError extends Error {
  constructor(readonly problems: string[]) {
    super(`The snapshot failed its integrity check (${problems.slice(0, 3).join('; ')}) and was deleted.`);
    this.name = 'SnapshotVerificationError';
  }
}

export interface SnapshotStoreOptions {
  dir: string;
  libraryFile: string;
  appVersion: string;
  /** better-sqlite3 addon for another runtime (Electron in development). */
  nativeBinding?: string | undefined;
  /** Clock, for tests of retention. */
  now?: () => Date;
}

export interface TakeOptions {
  detail?: string | null | undefined;
  /** Skips thinning the folder afterwards (a pre-migration snapshot while the library is not open yet). */
  keepAll?: boolean;
}

export class SnapshotStore {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly now: () => Date;

  constructor(private readonly options: SnapshotStoreOptions) {
    this.now = options.now ?? (() => new Date());
    removeLeftovers(options.dir);
  }

  get dir(): string {
    return this.options.dir;
  }

  /** Runs `work` when all earlier snapshot work has finished; later work waits for it. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  take(db: Database.Database, reason: SnapshotReason, options: TakeOptions = {}): Promise<Snapshot> {
    return this.exclusive(() => this.takeNow(db, reason, options));
  }

  /** Takes a snapshot without queueing: only from inside `exclusive`. */
  async takeNow(db: Database.Database, reason: SnapshotReason, options: TakeOptions = {}): Promise<Snapshot> {
    fs.mkdirSync(this.dir, { recursive: true });
    const takenAt = this.now();
    const id = newSnapshotId(takenAt, reason);
    const partial = `${databasePath(this.dir, id)}${PARTIAL_SUFFIX}`;
    try {
      await db.backup(partial);
      const checked = this.verify(partial);
      fs.renameSync(partial, databasePath(this.dir, id));
      const snapshot: Snapshot = {
        id,
        takenAt: takenAt.toISOString(),
        reason,
        detail: options.detail ?? null,
        appVersion: this.options.appVersion,
        schemaVersion: checked.schemaVersion,
        size: fs.statSync(databasePath(this.dir, id)).size,
        verified: true,
        summary: checked.summary,
        restorable: true,
      };
      writeSidecar(this.dir, snapshot);
      if (!options.keepAll) this.prune();
      return snapshot;
    } catch (error) {
      removeDatabaseFiles(partial);
      removeSnapshotFiles(this.dir, id);
      throw error;
    }
  }

  /**
   * Makes the new file stand alone (a backup of a WAL library says "WAL" in its header,
   * and reading it would then leave -wal and -shm files), then checks it read-only.
   */
  private verify(file: string): { schemaVersion: number; summary: Snapshot['summary'] } {
    const writable = new Database(file, { fileMustExist: true, nativeBinding: this.options.nativeBinding });
    try {
      writable.pragma('journal_mode = DELETE');
    } finally {
      writable.close();
    }
    const db = openSnapshotReadOnly(file, this.options.nativeBinding);
    try {
      const problems = (db.pragma('quick_check') as Array<{ quick_check: string }>).map((r) => r.quick_check).filter((r) => r !== 'ok');
      if (problems.length > 0) throw new SnapshotVerificationError(problems);
      return { schemaVersion: db.pragma('user_version', { simple: true }) as number, summary: summariseLibrary(db) };
    } finally {
      db.close();
    }
  }

  list(): Snapshot[] {
    return listSnapshotFiles(this.dir);
  }

  find(id: string): Snapshot | undefined {
    return this.list().find((s) => s.id === id);
  }

  file(id: string): string {
    return databasePath(this.dir, id);
  }

  delete(id: string): boolean {
    if (!this.find(id)) return false;
    removeSnapshotFiles(this.dir, id);
    return true;
  }

  /** Applies the retention policy; returns the ids removed. */
  prune(): string[] {
    const listed = this.list();
    const snapshots = listed.map((s) => ({ id: s.id, takenAt: Date.parse(s.takenAt), reason: s.reason, size: s.size }));
    // The library's size, WAL included; a snapshot is a full copy, so the newest one
    // stands in when the file is small or missing (a fresh library still in its WAL).
    const librarySize = Math.max(fileSize(this.options.libraryFile) + fileSize(`${this.options.libraryFile}-wal`), listed[0]?.size ?? 0);
    const drop = snapshotsToDrop(snapshots, this.now().getTime(), retentionPolicy(librarySize));
    for (const id of drop) removeSnapshotFiles(this.dir, id);
    return drop;
  }
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** Opens a snapshot for reading only; it is never changed once written. */
export function openSnapshotReadOnly(file: string, nativeBinding?: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
}
