// Study use cases through the dispatcher on a real database: create with default
// stages, rename, trash, restore, purge, and push events only after commit.
import { describe, expect, it } from 'vitest';
import type { StudyOverview, StudySummary } from '../../shared/api/entities.js';
import { openTestLibrary } from '../helpers/library.js';

async function value<T>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`operation failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

describe('studies', () => {
  it('creates a study with the six default journey stages in order', async () => {
    const library = await openTestLibrary();
    const created = await value<{ id: string }>(library.dispatch('study.create', { name: '  首次购车用户旅程  ', goal: 'Why buyers drop out' }));
    const overview = await value<StudyOverview>(library.dispatch('study.overview', { id: created.id }));
    expect(overview.study.name).toBe('首次购车用户旅程');
    expect(overview.stages.map((s) => s.defaultKey)).toEqual([
      'awareness', 'consideration', 'decision', 'purchase', 'experience', 'loyalty',
    ]);
    expect(overview.counts).toEqual({ participants: 0, sessions: 0, findings: 0, groups: 0, personas: 0 });
  });

  it('renames, moves to the trash, restores and purges a study', async () => {
    const library = await openTestLibrary();
    const { id } = await value<{ id: string }>(library.dispatch('study.create', { name: 'Draft' }));
    await value(library.dispatch('study.rename', { id, name: 'Home insurance buyers' }));
    expect((await value<StudySummary[]>(library.dispatch('study.list', {})))[0]!.name).toBe('Home insurance buyers');

    await value(library.dispatch('study.delete', { id }));
    expect(await value<StudySummary[]>(library.dispatch('study.list', {}))).toEqual([]);
    expect((await value<StudySummary[]>(library.dispatch('study.list', { trash: true })))[0]!.deletedAt).not.toBeNull();

    await value(library.dispatch('study.restore', { id }));
    expect(await value<StudySummary[]>(library.dispatch('study.list', {}))).toHaveLength(1);

    // Purging works only from the trash, and removes the stages with the study.
    expect(await library.dispatch('study.purge', { id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await value(library.dispatch('study.delete', { id }));
    await value(library.dispatch('study.purge', { id }));
    const stages = library.context.db.prepare('SELECT count(*) n FROM journey_stage WHERE study_id = ?').get(id) as { n: number };
    expect(stages.n).toBe(0);
  });

  it('answers a missing study with not_found and an empty name with invalid_input', async () => {
    const library = await openTestLibrary();
    const missing = await library.dispatch('study.rename', { id: '0190b5a2-7c1e-7000-8000-000000000000', name: 'x' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const blank = await library.dispatch('study.create', { name: '   ' });
    expect(blank).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('pushes the change to subscribers after it is committed, naming the study and what kind of record changed', async () => {
    const library = await openTestLibrary();
    const seen: Array<{ name: string; payload: unknown; rows: number }> = [];
    library.events.subscribe((name, payload) => {
      // The listener runs after commit, so the new row is already visible.
      const rows = (library.context.db.prepare('SELECT count(*) n FROM study').get() as { n: number }).n;
      seen.push({ name, payload, rows });
    });
    const { id } = await value<{ id: string }>(library.dispatch('study.create', { name: 'Evented' }));
    expect(seen).toMatchObject([{ name: 'library.changed', payload: { operation: 'study.create', studies: [{ studyId: id, kinds: ['study'] }] }, rows: 1 }]);
  });
});
