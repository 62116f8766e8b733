// Holds an open library together: its database connection (which a restore may
// replace), the state it opened in and the problem behind it, its snapshots and their
// schedule. When the library could not be opened at all it still answers the few
// operations that help the user out (status, snapshots, restore, export, quit), so
// the app starts and shows a clear screen instead of failing.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { isOperationName, policyOf, type OperationName } from '../../shared/api/contract.js';
import type { ExportedFile } from '../../shared/api/guide.js';
import type { LibraryStatus, RestoreOutcome, Snapshot, SnapshotReason } from '../../shared/api/snapshots.js';
import { ExclusiveGate } from './exclusive-gate.js';
import type { LibraryControl } from './library-control.js';
import { openLibraryFile, type LibraryProblem, type OpenOutcome } from './library-open.js';
import { exportReadableTables } from './readable-export.js';
import type { ServiceContext } from './services/context.js';
import type { Dispatch } from './services/dispatch.js';
import { DomainError, notFound } from './services/errors.js';
import { snapshotDirFor } from './snapshots/files.js';
import { checkSnapshot, putBack, restoreIntoLiveLibrary, restoreIntoNewFile, setAside } from './snapshots/restore.js';
import { snapshotFailure } from './snapshots/safety.js';
import { changeToken, SnapshotSchedule } from './snapshots/schedule.js';
import { SnapshotStore } from './snapshots/store.js';

/** What still works when the library could not be opened: the operations whose policy says so. */
const answersInProblem = (name: OperationName): boolean => policyOf(name).problem === true;
/** Operations that replace the library under everything else: they run alone. */
const runsAlone = (name: OperationName): boolean => {
  const policy = policyOf(name);
  return policy.kind === 'write' && policy.exclusive === true;
};
/** Problems where nothing can be written, so neither can a restore. */
const NO_WRITES: ReadonlySet<string> = new Set(['read_only_folder', 'disk_full']);

export interface HostOptions {
  file: string;
  appVersion: string;
  nativeBinding?: string | undefined;
  /** Time between scheduled snapshots (0: none); the first check comes after at most 10 minutes. */
  snapshotEveryMs: number;
  /** The file had content before this open, and when it was last written. */
  existedBefore: boolean;
  modifiedBefore: number;
  /** Quits the app (Electron) or stops the server (browser mode). */
  onQuit?: (() => void) | undefined;
}

/** Stands in for the database while none could be opened; only problem operations run. */
function placeholderDatabase(nativeBinding: string | undefined): Database.Database {
  return new Database(':memory:', { nativeBinding });
}

export class LibraryHost implements LibraryControl {
  readonly store: SnapshotStore;
  private readonly schedule: SnapshotSchedule;
  private readonly gate = new ExclusiveGate();
  private available = false;
  private problem: LibraryProblem | null = null;
  private acknowledged = false;
  private setAsideFile: string | null = null;
  private privateCopyDir: string | null = null;
  private closed = false;

  constructor(
    private readonly ctx: ServiceContext,
    outcome: OpenOutcome,
    private readonly options: HostOptions,
  ) {
    this.store = new SnapshotStore({
      dir: snapshotDirFor(options.file),
      libraryFile: options.file,
      appVersion: options.appVersion,
      nativeBinding: options.nativeBinding,
    });
    this.schedule = new SnapshotSchedule({
      token: () => (this.writable() ? changeToken(this.ctx.db) : null),
      take: () => this.gate.shared(() => this.takeSnapshot('scheduled')).catch((error: unknown) => {
        // Closing the library stops a snapshot under way; that is no failure to report.
        if (!this.closed) throw error;
      }),
      everyMs: options.snapshotEveryMs,
      firstMs: 10 * 60_000,
    });
    this.attach(outcome);
    ctx.library = this;
  }

  /**
   * Starts the schedule. The state as opened counts as snapshotted when the library is
   * new or a snapshot is newer than its last write; otherwise the first check takes one.
   */
  start(): void {
    const newest = this.store.list()[0];
    this.startSchedule(!this.options.existedBefore || (newest !== undefined && Date.parse(newest.takenAt) >= this.options.modifiedBefore));
  }

  private startSchedule(alreadySnapshotted: boolean): void {
    if (!this.writable()) return;
    this.schedule.snapshotted(alreadySnapshotted ? changeToken(this.ctx.db) : null);
    this.schedule.start();
  }

  /** Runs the scheduled check now (tests, and nothing else, call this directly). */
  scheduledSnapshot(): Promise<boolean> {
    return this.schedule.tick();
  }

  /** The dispatcher behind the library's rules: problem mode, and restores running alone. */
  guard(inner: Dispatch): Dispatch {
    const run: Dispatch = async (name, input, meta) => {
      if (!this.available && isOperationName(name) && !answersInProblem(name)) {
        return {
          ok: false,
          error: { code: 'storage', message: `The library could not be opened: ${this.problem?.message ?? ''}`, reason: 'snapshots.library_unavailable' },
        };
      }
      return inner(name, input, meta);
    };
    return (name, input, meta) =>
      isOperationName(name) && runsAlone(name) ? this.gate.exclusive(() => run(name, input, meta)) : this.gate.shared(() => run(name, input, meta));
  }

  status(): LibraryStatus {
    const state = !this.available ? 'unavailable' : this.ctx.readOnly ? 'read_only' : 'ok';
    const kind = this.problem?.kind;
    return {
      state,
      problem: this.problem,
      acknowledged: this.acknowledged,
      file: this.options.file,
      setAsideFile: this.setAsideFile,
      can: {
        restore: !kind || !NO_WRITES.has(kind),
        openReadOnly: this.available && this.ctx.readOnly,
        exportReadable: this.available || kind === 'migration_failed' || kind === 'foreign_database',
        snapshot: state === 'ok',
      },
    };
  }

  acknowledge(): LibraryStatus {
    if (!this.available) throw new DomainError('conflict', 'The library cannot be read, so it cannot be opened read-only.', 'snapshots.library_unavailable');
    this.acknowledged = true;
    return this.status();
  }

  snapshots(): Snapshot[] {
    return this.store.list();
  }

  async takeSnapshot(reason: SnapshotReason, detail: string | null = null): Promise<Snapshot> {
    if (!this.writable()) throw new DomainError('read_only', 'Snapshots can only be taken of a library that opened normally.', 'snapshots.not_writable');
    const db = this.ctx.db;
    const token = changeToken(db);
    const snapshot = await this.store.take(db, reason, { detail });
    this.schedule.snapshotted(token);
    return snapshot;
  }

  deleteSnapshot(id: string): boolean {
    return this.store.delete(id);
  }

  async restore(id: string): Promise<RestoreOutcome> {
    const snapshot = this.store.find(id);
    if (!snapshot) throw notFound('The snapshot');
    if (!this.status().can.restore) {
      throw new DomainError('read_only', 'Nothing can be written to the library’s folder, so a snapshot cannot be restored there.', 'snapshots.not_writable');
    }
    const file = this.store.file(id);
    checkSnapshot(file, this.options.nativeBinding);
    return this.store.exclusive(() => (this.writable() ? this.restoreLive(snapshot, file) : this.restoreBySwap(snapshot, file)));
  }

  /** Snapshots the current state, then backs the snapshot up into the open library. */
  private async restoreLive(snapshot: Snapshot, file: string): Promise<RestoreOutcome> {
    const db = this.ctx.db;
    const before = studyIds(db);
    let safety: Snapshot;
    try {
      // keepAll: thinning now could remove the very snapshot being restored.
      safety = await this.store.takeNow(db, 'restore', { keepAll: true });
    } catch (error) {
      throw snapshotFailure(error);
    }
    await restoreIntoLiveLibrary({ live: db, liveFile: this.options.file, snapshotFile: file, stagingDir: this.store.dir, nativeBinding: this.options.nativeBinding });
    this.schedule.snapshotted(changeToken(db));
    this.store.prune();
    this.announce(before);
    return { restored: snapshot, safetySnapshot: safety, setAsideFile: null };
  }

  /** The library file is damaged or not ours: it is moved aside, never written, and the snapshot takes its place. */
  private async restoreBySwap(snapshot: Snapshot, file: string): Promise<RestoreOutcome> {
    this.detach();
    const libraryFile = this.options.file;
    let movedTo: string | null = null;
    try {
      if (fs.existsSync(libraryFile)) movedTo = setAside(libraryFile);
      const db = await restoreIntoNewFile(libraryFile, file, this.options.nativeBinding);
      this.attach({ db, readOnly: false, problem: null, backupFile: null, privateCopyDir: null });
    } catch (error) {
      if (movedTo) putBack(movedTo, libraryFile);
      this.attach(await openLibraryFile(libraryFile, { nativeBinding: this.options.nativeBinding, appVersion: this.options.appVersion }));
      throw error;
    }
    this.setAsideFile = movedTo;
    this.startSchedule(true);
    this.announce([]);
    return { restored: snapshot, safetySnapshot: null, setAsideFile: movedTo };
  }

  /**
   * Tells every window that every study changed (its change names all kinds, from the
   * restore's policy), so each refreshes what it shows, the snapshot list included.
   */
  private announce(before: string[]): void {
    for (const studyId of new Set([...before, ...studyIds(this.ctx.db)])) this.ctx.events.touch(studyId, 'study');
    this.ctx.events.touch(null, 'snapshot');
  }

  exportReadable(): ExportedFile {
    const name = path.basename(this.options.file);
    if (this.available) return exportReadableTables(this.ctx.db, name);
    let db: Database.Database;
    try {
      db = new Database(this.options.file, { readonly: true, fileMustExist: true, nativeBinding: this.options.nativeBinding });
    } catch (error) {
      throw new DomainError('storage', `Nothing in the library file could be read (${error instanceof Error ? error.message : String(error)}).`, 'snapshots.nothing_readable');
    }
    try {
      return exportReadableTables(db, name);
    } finally {
      db.close();
    }
  }

  quit(): boolean {
    const onQuit = this.options.onQuit;
    if (!onQuit) return false;
    // After the answer is on its way.
    setTimeout(onQuit, 50);
    return true;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.detach();
  }

  private writable(): boolean {
    return !this.closed && this.available && !this.ctx.readOnly;
  }

  private attach(outcome: OpenOutcome): void {
    this.available = outcome.db !== null;
    this.ctx.db = outcome.db ?? placeholderDatabase(this.options.nativeBinding);
    this.ctx.readOnly = outcome.readOnly;
    this.ctx.readOnlyReason = outcome.readOnly ? (outcome.problem?.message ?? 'The library is open read-only.') : null;
    this.problem = outcome.problem;
    this.acknowledged = false;
    this.privateCopyDir = outcome.privateCopyDir;
  }

  /** Closes the connection (checkpointing a healthy library) and removes a private copy. */
  private detach(): void {
    this.schedule.stop();
    const db = this.ctx.db;
    if (db.open) {
      if (this.available && !this.ctx.readOnly) {
        try {
          db.pragma('wal_checkpoint(TRUNCATE)');
        } catch (error) {
          console.error('closing the library: checkpoint failed', error);
        }
      }
      db.close();
    }
    if (this.privateCopyDir) fs.rmSync(this.privateCopyDir, { recursive: true, force: true });
    this.privateCopyDir = null;
    this.available = false;
  }
}

function studyIds(db: Database.Database): string[] {
  return (db.prepare('SELECT id FROM study').all() as Array<{ id: string }>).map((r) => r.id);
}
