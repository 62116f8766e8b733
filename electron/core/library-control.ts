// What operations may ask of the library itself, beyond its database: its health,
// its snapshots, restoring one, and the ways out when it could not open normally.
// Implemented by the library host; handlers reach it through the service context.
import type { ExportedFile } from '../../shared/api/guide.js';
import type { LibraryStatus, RestoreOutcome, Snapshot, SnapshotReason } from '../../shared/api/snapshots.js';

export interface LibraryControl {
  status(): LibraryStatus;
  /** The user saw the problem and goes on read-only. */
  acknowledge(): LibraryStatus;
  snapshots(): Snapshot[];
  takeSnapshot(reason: SnapshotReason, detail?: string | null): Promise<Snapshot>;
  deleteSnapshot(id: string): boolean;
  /** Replaces the library's content with a snapshot's, after snapshotting the current state. */
  restore(id: string): Promise<RestoreOutcome>;
  /** Every table that can still be read, as one JSON file. */
  exportReadable(): ExportedFile;
  /** Asks the app to quit; false where this process cannot stop itself. */
  quit(): boolean;
}
