// A change refreshes exactly the cached queries of its study that read a kind it touched:
// a board move in one study leaves the other study's board, the personas and the
// snapshot list alone; the study list hears of a study's change in any study.
import { describe, expect, it } from 'vitest';
import type { ChangedStudy } from '../../shared/api/changes.js';
import { isStale, studyOfQuery } from '../../renderer/api/staleQueries.js';

const A = '0190b5a2-7c1e-7000-8000-00000000000a';
const B = '0190b5a2-7c1e-7000-8000-00000000000b';
const change = (...studies: ChangedStudy[]) => ({ studies });

describe('which cached queries a change makes stale', () => {
  it('refreshes the queries of the changed study that read a touched kind, and no other', () => {
    const moved = change({ studyId: A, kinds: ['board', 'finding'] });
    expect(isStale(moved, 'board.get', { studyId: A }, undefined)).toBe(true);
    expect(isStale(moved, 'board.get', { studyId: B }, undefined)).toBe(false);
    expect(isStale(moved, 'persona.list', { studyId: A }, undefined)).toBe(false);
    expect(isStale(moved, 'snapshot.list', {}, undefined)).toBe(false);
    // The study list counts findings: it is stale for a change in any study.
    expect(isStale(moved, 'study.list', {}, undefined)).toBe(true);
    // study.overview names its study by `id`.
    expect(isStale(moved, 'study.overview', { id: A }, undefined)).toBe(true);
    expect(isStale(moved, 'study.overview', { id: B }, undefined)).toBe(false);
  });

  it('finds a query\'s study in its answer when its input names only a record', () => {
    expect(studyOfQuery('persona.get', { id: 'p' }, { studyId: B, name: '李姐' })).toBe(B);
    const renamed = change({ studyId: A, kinds: ['persona'] });
    expect(isStale(renamed, 'persona.get', { id: 'p' }, { studyId: B })).toBe(false);
    expect(isStale(renamed, 'persona.get', { id: 'p' }, { studyId: A })).toBe(true);
  });

  it('makes a library-wide change (a snapshot taken) stale for the snapshot list only', () => {
    const snapshot = change({ studyId: null, kinds: ['snapshot'] });
    expect(isStale(snapshot, 'snapshot.list', {}, undefined)).toBe(true);
    expect(isStale(snapshot, 'board.get', { studyId: A }, undefined)).toBe(false);
  });

  it('leaves out what the caller already shows, and never refreshes a write', () => {
    const moved = change({ studyId: A, kinds: ['board'] });
    expect(isStale(moved, 'board.get', { studyId: A }, undefined, new Set(['board.get']))).toBe(false);
    expect(isStale(moved, 'board.moveCards', { studyId: A }, undefined)).toBe(false);
    expect(isStale(moved, 'no.such.operation', { studyId: A }, undefined)).toBe(false);
  });
});
