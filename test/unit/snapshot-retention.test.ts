// Snapshot retention: everything from the last hour, hourly for a day, daily for a
// month, by-hand and pre-restore snapshots for a month, pre-migration ones for three
// months, under a size cap that drops the oldest first and never the newest.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SnapshotReason } from '../../shared/api/snapshots.js';
import { retentionPolicy, snapshotsToDrop, type RetainedSnapshot } from '../../electron/core/snapshots/retention.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 4, 20, 12, 0, 0);
const ROOMY = retentionPolicy(1024 ** 3);

const kept = (all: RetainedSnapshot[], now = NOW, policy = ROOMY) => {
  const dropped = new Set(snapshotsToDrop(all, now, policy));
  return all.filter((s) => !dropped.has(s.id));
};

/** One scheduled snapshot every `everyMs` over `spanMs` up to now. */
function regular(spanMs: number, everyMs: number, reason: SnapshotReason = 'scheduled', size = 1000): RetainedSnapshot[] {
  const list: RetainedSnapshot[] = [];
  for (let age = 0; age <= spanMs; age += everyMs) list.push({ id: `${reason}-${age}`, takenAt: NOW - age, reason, size });
  return list;
}

const snapshotArb = fc.record({
  id: fc.uuid(),
  ageMs: fc.integer({ min: -HOUR, max: 120 * DAY }),
  reason: fc.constantFrom<SnapshotReason>('scheduled', 'manual', 'migration', 'restore', 'purge', 'tag-merge', 'import'),
  size: fc.integer({ min: 1, max: 5_000_000 }),
});
const listArb = fc
  .uniqueArray(snapshotArb, { selector: (s) => s.id, maxLength: 80 })
  .map((list) => list.map(({ ageMs, ...s }) => ({ ...s, takenAt: NOW - ageMs })));
const capArb = fc.integer({ min: 0, max: 100_000_000 });

describe('snapshot retention', () => {
  it('keeps every snapshot of the last hour, one per hour for a day and one per day for a month', () => {
    const all = regular(40 * DAY, 10 * MINUTE);
    const left = kept(all);
    const ages = left.map((s) => NOW - s.takenAt);
    expect(ages.filter((a) => a < HOUR)).toHaveLength(6);
    const hourly = ages.filter((a) => a >= HOUR && a < DAY);
    expect(new Set(hourly.map((a) => Math.floor((NOW - a) / HOUR))).size).toBe(hourly.length);
    expect(hourly.length).toBeGreaterThanOrEqual(22);
    const daily = ages.filter((a) => a >= DAY);
    expect(new Set(daily.map((a) => Math.floor((NOW - a) / DAY))).size).toBe(daily.length);
    expect(daily.length).toBeGreaterThanOrEqual(29);
    expect(Math.max(...ages)).toBeLessThan(30 * DAY);
  });

  it('keeps snapshots taken before a schema update for three months, and by-hand ones unthinned for a month', () => {
    const migrations = [10 * DAY, 60 * DAY, 89 * DAY, 91 * DAY].map((age) => ({ id: `m${age}`, takenAt: NOW - age, reason: 'migration' as const, size: 10 }));
    const manual = [2 * HOUR, 2 * HOUR + MINUTE, 29 * DAY, 31 * DAY].map((age) => ({ id: `h${age}`, takenAt: NOW - age, reason: 'manual' as const, size: 10 }));
    const left = new Set(kept([...migrations, ...manual]).map((s) => s.id));
    expect([...left].sort()).toEqual([`h${2 * HOUR}`, `h${2 * HOUR + MINUTE}`, `h${29 * DAY}`, `m${10 * DAY}`, `m${60 * DAY}`, `m${89 * DAY}`].sort());
  });

  it('drops the oldest first to stay under the size cap: 2 GB or ten times the library', () => {
    expect(retentionPolicy(50 * 1024 ** 2).maxBytes).toBe(500 * 1024 ** 2);
    expect(retentionPolicy(1024 ** 3).maxBytes).toBe(2 * 1024 ** 3);
    const all = regular(50 * MINUTE, 10 * MINUTE, 'scheduled', 100);
    const left = kept(all, NOW, { ...ROOMY, maxBytes: 350 });
    expect(left.map((s) => NOW - s.takenAt)).toEqual([0, 10 * MINUTE, 20 * MINUTE]);
  });

  it('always keeps the newest snapshot, even over the cap', () => {
    fc.assert(
      fc.property(listArb, capArb, (all, maxBytes) => {
        fc.pre(all.length > 0);
        const newest = [...all].sort((a, b) => b.takenAt - a.takenAt || (b.id < a.id ? -1 : 1))[0]!;
        expect(kept(all, NOW, { ...ROOMY, maxBytes }).map((s) => s.id)).toContain(newest.id);
      }),
    );
  });

  it('stays under the cap unless only the newest is left', () => {
    fc.assert(
      fc.property(listArb, capArb, (all, maxBytes) => {
        const left = kept(all, NOW, { ...ROOMY, maxBytes });
        const total = left.reduce((sum, s) => sum + s.size, 0);
        expect(total <= maxBytes || left.length === 1).toBe(true);
      }),
    );
  });

  it('keeps at most one thinned snapshot per hour between one hour and a day old', () => {
    fc.assert(
      fc.property(listArb, (all) => {
        const thinned = kept(all).filter((s) => NOW - s.takenAt >= HOUR && NOW - s.takenAt < DAY && !['manual', 'restore', 'migration'].includes(s.reason));
        const hours = thinned.map((s) => Math.floor(s.takenAt / HOUR));
        expect(new Set(hours).size).toBe(hours.length);
      }),
    );
  });

  it('keeps nothing older than three months but the newest', () => {
    fc.assert(
      fc.property(listArb, (all) => {
        const left = kept(all);
        expect(left.filter((s) => NOW - s.takenAt >= 90 * DAY).length).toBeLessThanOrEqual(1);
        if (left.some((s) => NOW - s.takenAt >= 90 * DAY)) expect(left).toHaveLength(1);
      }),
    );
  });

  it('keeps every snapshot of the last hour while they fit under the cap', () => {
    fc.assert(
      fc.property(listArb, (all) => {
        const recent = all.filter((s) => NOW - s.takenAt < HOUR);
        const ids = kept(all).map((s) => s.id);
        for (const s of recent) expect(ids).toContain(s.id);
      }),
    );
  });

  it('gives the same answer when applied again to what it kept', () => {
    fc.assert(
      fc.property(listArb, capArb, (all, maxBytes) => {
        const policy = { ...ROOMY, maxBytes };
        const once = kept(all, NOW, policy);
        expect(snapshotsToDrop(once, NOW, policy)).toEqual([]);
      }),
    );
  });
});
