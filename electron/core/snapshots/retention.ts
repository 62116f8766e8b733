// Which snapshots to keep: every one from the last hour, then the newest of each hour
// for a day, the newest of each day for a month; snapshots the user took by hand or
// that hold the state before a restore for a month, those taken before a schema
// update for three months; and never more bytes than the size cap, dropping the
// oldest first. The newest snapshot is always kept. Pure, so it is tested alone.
import type { SnapshotReason } from '../../../shared/api/snapshots.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface RetentionPolicy {
  keepAllMs: number;
  hourlyMs: number;
  dailyMs: number;
  /** Kept whole, not thinned: the user asked for them or they undo a restore. */
  protectedMs: number;
  migrationMs: number;
  maxBytes: number;
}

export interface RetainedSnapshot {
  id: string;
  /** Milliseconds since the epoch. */
  takenAt: number;
  reason: SnapshotReason;
  size: number;
}

const GIGABYTE = 1024 ** 3;

/** The policy for a library of `librarySize` bytes: the cap is 2 GB or ten times the library, whichever is smaller. */
export function retentionPolicy(librarySize: number): RetentionPolicy {
  return {
    keepAllMs: HOUR,
    hourlyMs: DAY,
    dailyMs: 30 * DAY,
    protectedMs: 30 * DAY,
    migrationMs: 90 * DAY,
    maxBytes: Math.min(2 * GIGABYTE, 10 * Math.max(librarySize, 0)),
  };
}

const PROTECTED: ReadonlySet<SnapshotReason> = new Set(['manual', 'restore']);

/** Kept by age and kind alone, before the size cap. */
function keptByAge(snapshots: readonly RetainedSnapshot[], now: number, policy: RetentionPolicy): Set<string> {
  const kept = new Set<string>();
  const hoursSeen = new Set<number>();
  const daysSeen = new Set<number>();
  // Newest first, so the first snapshot met in an hour or a day is the one kept for it.
  for (const s of [...snapshots].sort(newestFirst)) {
    const age = Math.max(0, now - s.takenAt);
    const hour = Math.floor(s.takenAt / HOUR);
    const day = Math.floor(s.takenAt / DAY);
    const keep =
      age < policy.keepAllMs ||
      (PROTECTED.has(s.reason) && age < policy.protectedMs) ||
      (s.reason === 'migration' && age < policy.migrationMs) ||
      (age < policy.hourlyMs && !hoursSeen.has(hour)) ||
      (age < policy.dailyMs && !daysSeen.has(day));
    if (!keep) continue;
    kept.add(s.id);
    hoursSeen.add(hour);
    daysSeen.add(day);
  }
  return kept;
}

function newestFirst(a: RetainedSnapshot, b: RetainedSnapshot): number {
  return b.takenAt - a.takenAt || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0);
}

/** The ids of the snapshots to delete. */
export function snapshotsToDrop(snapshots: readonly RetainedSnapshot[], now: number, policy: RetentionPolicy): string[] {
  if (snapshots.length === 0) return [];
  const ordered = [...snapshots].sort(newestFirst);
  const newest = ordered[0]!;
  const kept = keptByAge(ordered, now, policy);
  kept.add(newest.id);
  let total = ordered.filter((s) => kept.has(s.id)).reduce((sum, s) => sum + s.size, 0);
  for (const s of [...ordered].reverse()) {
    if (total <= policy.maxBytes) break;
    if (s.id === newest.id || !kept.has(s.id)) continue;
    kept.delete(s.id);
    total -= s.size;
  }
  return ordered.filter((s) => !kept.has(s.id)).map((s) => s.id);
}
