// Shapes of the snapshot and library-health operations: what a snapshot says about
// itself (when, why, what it holds), and the state the library opened in, with the
// choices the user has when it could not open normally.
import { z } from 'zod';

/** Why a snapshot was taken. Everything but `scheduled` and `manual` is "before ...". */
export const SNAPSHOT_REASONS = ['scheduled', 'manual', 'migration', 'restore', 'purge', 'tag-merge', 'import'] as const;
export type SnapshotReason = (typeof SNAPSHOT_REASONS)[number];

/** Snapshot ids are their file names without extension: UTC time, reason, a random suffix. */
export const SnapshotId = z.string().regex(/^\d{8}T\d{9}Z-[a-z-]{1,20}-[0-9a-f]{6}$/);

export const SnapshotSummary = z.strictObject({
  studies: z.number().int(),
  /** Of `studies`, how many were in the trash. */
  inTrash: z.number().int(),
  participants: z.number().int(),
  sessions: z.number().int(),
  findings: z.number().int(),
  /** Study names, newest first, at most a few dozen. */
  studyNames: z.array(z.strictObject({ name: z.string(), inTrash: z.boolean() })),
});
export type SnapshotSummary = z.infer<typeof SnapshotSummary>;

export const Snapshot = z.strictObject({
  id: SnapshotId,
  takenAt: z.string(),
  reason: z.enum(SNAPSHOT_REASONS),
  /** A word about what came next, e.g. the imported file's name. */
  detail: z.string().nullable(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  /** Bytes on disk. */
  size: z.number().int(),
  /** Passed quick_check when it was written. */
  verified: z.boolean(),
  /** Null when the snapshot's tables could not be counted (an unusual old schema). */
  summary: SnapshotSummary.nullable(),
  /** False for a snapshot written by a newer Fieldwork: this version cannot restore it. */
  restorable: z.boolean(),
});
export type Snapshot = z.infer<typeof Snapshot>;

export const RestoreOutcome = z.strictObject({
  restored: Snapshot,
  /** The snapshot of the state just before the restore (absent when that state could not be read). */
  safetySnapshot: Snapshot.nullable(),
  /** Where a damaged or foreign library file was moved, so nothing is overwritten. */
  setAsideFile: z.string().nullable(),
});
export type RestoreOutcome = z.infer<typeof RestoreOutcome>;

/** What kept the library from opening normally. */
export const LIBRARY_PROBLEMS = [
  /** Failed its integrity check. */
  'damaged',
  /** Written by a newer Fieldwork. */
  'newer_schema',
  /** Not an SQLite database at all. */
  'not_a_database',
  /** An SQLite database, but some other program's. */
  'foreign_database',
  /** Updating it to this version's schema failed (it was left as it was). */
  'migration_failed',
  /** The folder or file cannot be written. */
  'read_only_folder',
  'disk_full',
  /** Anything else the system refused. */
  'cannot_open',
] as const;
export type LibraryProblemKind = (typeof LIBRARY_PROBLEMS)[number];

export const LibraryStatus = z.strictObject({
  /** ok: read and write; read_only: readable only; unavailable: nothing could be read. */
  state: z.enum(['ok', 'read_only', 'unavailable']),
  problem: z.strictObject({ kind: z.enum(LIBRARY_PROBLEMS), message: z.string() }).nullable(),
  /** The user saw the problem and chose to go on read-only. */
  acknowledged: z.boolean(),
  file: z.string(),
  /** Where a restore moved the damaged or foreign file. */
  setAsideFile: z.string().nullable(),
  can: z.strictObject({
    restore: z.boolean(),
    openReadOnly: z.boolean(),
    exportReadable: z.boolean(),
    snapshot: z.boolean(),
  }),
});
export type LibraryStatus = z.infer<typeof LibraryStatus>;
