// Scheduled snapshots while the app is in use: a timer in the process that holds the
// library, snapshotting only when the library changed since the last snapshot, so an
// app left open over a weekend does not fill the folder with copies of the same state.
import type Database from 'better-sqlite3';
import { bookkeepingWrites } from '../db/repos/change-log.js';

/**
 * Differs whenever the library may have changed: rows this connection changed since it
 * opened (total_changes, less the change log's own bookkeeping) and commits by any
 * other connection (data_version).
 */
export function changeToken(db: Database.Database): string {
  const version = db.pragma('data_version', { simple: true }) as number;
  const changes = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n - bookkeepingWrites(db);
  return `${version}:${changes}`;
}

export interface ScheduleOptions {
  /** The library's current change token, or null when it cannot be snapshotted now. */
  token: () => string | null;
  /** Takes the scheduled snapshot (it marks its own token, see `snapshotted`). */
  take: () => Promise<unknown>;
  /** Time between checks; 0 turns the schedule off. */
  everyMs: number;
  /** Time to the first check after opening. */
  firstMs: number;
}

export class SnapshotSchedule {
  private timer: NodeJS.Timeout | null = null;
  private snapshottedToken: string | null = null;

  constructor(private readonly options: ScheduleOptions) {}

  /** The library's state with this token is already in a snapshot. */
  snapshotted(token: string | null): void {
    this.snapshottedToken = token;
  }

  start(): void {
    if (this.options.everyMs <= 0 || this.timer) return;
    const run = (delay: number) => {
      this.timer = setTimeout(() => {
        void this.tick()
          .catch((error: unknown) => console.error('the scheduled snapshot failed', error))
          .finally(() => {
            if (this.timer) run(this.options.everyMs);
          });
      }, delay);
      // The schedule never keeps the process alive on its own.
      this.timer.unref();
    };
    run(Math.min(this.options.firstMs, this.options.everyMs));
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Takes a snapshot when the library changed since the last one; true when it did. */
  async tick(): Promise<boolean> {
    const token = this.options.token();
    if (token === null || token === this.snapshottedToken) return false;
    await this.options.take();
    return true;
  }
}
