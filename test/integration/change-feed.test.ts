// The change feed: every committed write gets the next library revision, names its
// caller's mutation id and actor and the kinds it changed per study, and reaches
// subscribers in commit order; a retried write is answered with its first result; a
// client catches up from its last revision or is told to reload; history is pruned
// but never past a connected client; withdrawing consent scrubs kept answers; and
// board undo is per actor.
import { describe, expect, it } from 'vitest';
import type { Change } from '../../shared/api/changes.js';
import type { OperationInput, OperationName, OperationOutput } from '../../shared/api/contract.js';
import type { Library } from '../../electron/core/library.js';
import { ChangeFeed } from '../../electron/core/changes/feed.js';
import { createFinding } from '../../electron/core/db/repos/findings.js';
import { call } from '../helpers/call.js';
import { openTestLibrary } from '../helpers/library.js';

const TAB_A = 'tab-aaaaaaaa';
const TAB_B = 'tab-bbbbbbbb';

/** Calls as one browser tab would: with its actor id and, for a write, a mutation id. */
async function as<N extends OperationName>(library: Library, actor: string, name: N, input: OperationInput<N>, mutationId?: string): Promise<OperationOutput<N>> {
  const result = await library.dispatch(name, input, { actor, ...(mutationId ? { mutationId } : {}) });
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as OperationOutput<N>;
}

function heard(library: Library): Change[] {
  const changes: Change[] = [];
  library.events.subscribe((name, payload) => name === 'library.changed' && changes.push(payload as Change));
  return changes;
}

async function boardStudy(library: Library) {
  const study = await call(library, 'study.create', { name: 'Board study' });
  const { stages } = await call(library, 'study.overview', { id: study.id });
  const participant = await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P01' } });
  const finding = (text: string) => createFinding(library.context.db, study.id, { text, type: 'pain_point', stageId: stages[0]!.id, participantId: participant.id, terms: [] });
  return { study, stages, participant, cards: [finding('Waited three days for a quote'), finding('Hidden fees at signing'), finding('价格不透明')] };
}

describe('the change feed', () => {
  it('gives each committed write the next revision and pushes it in commit order, with its caller and the kinds it changed', async () => {
    const library = await openTestLibrary();
    const changes = heard(library);
    const study = await as(library, TAB_A, 'study.create', { name: '购车研究' }, 'mutation-0001');
    await as(library, TAB_B, 'study.rename', { id: study.id, name: '购车研究 2026' }, 'mutation-0002');
    await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P01' } });
    // A read changes nothing and is not in the feed.
    await as(library, TAB_A, 'study.list', {});

    expect(changes.map((c) => c.operation)).toEqual(['study.create', 'study.rename', 'participant.create']);
    const revisions = changes.map((c) => c.revision);
    expect(revisions).toEqual([revisions[0]!, revisions[0]! + 1, revisions[0]! + 2]);
    expect(changes[0]).toMatchObject({ mutationId: 'mutation-0001', actor: TAB_A, studies: [{ studyId: study.id, kinds: ['study'] }] });
    expect(changes[1]).toMatchObject({ mutationId: 'mutation-0002', actor: TAB_B });
    expect(changes[2]).toMatchObject({ mutationId: null, actor: null });
    expect(changes[2]!.studies.find((s) => s.studyId === study.id)!.kinds).toContain('participant');
    expect(library.context.changes.revision()).toBe(revisions[2]);
  });

  it('publishes nothing for a write that failed and rolled back', async () => {
    const library = await openTestLibrary();
    const changes = heard(library);
    const before = library.context.changes.revision();
    const refused = await library.dispatch('study.rename', { id: '0190b5a2-7c1e-7000-8000-000000000000', name: 'Nobody' }, { actor: TAB_A });
    expect(refused.ok).toBe(false);
    expect(changes).toEqual([]);
    expect(library.context.changes.revision()).toBe(before);
  });

  it('answers a retried write (same mutation id) with its first result, and makes the change once', async () => {
    const library = await openTestLibrary();
    const changes = heard(library);
    const first = await as(library, TAB_A, 'study.create', { name: 'Retried' }, 'retry-000001');
    const again = await as(library, TAB_A, 'study.create', { name: 'Retried' }, 'retry-000001');
    expect(again).toEqual(first);
    expect((await call(library, 'study.list', {})).filter((s) => s.name === 'Retried')).toHaveLength(1);
    expect(changes).toHaveLength(1);
    // The same id for another operation is a conflict, not a silent success.
    const misuse = await library.dispatch('study.rename', { id: first.id, name: 'Other' }, { actor: TAB_A, mutationId: 'retry-000001' });
    expect(misuse).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('lets a client catch up from its last revision, and says "reload required" when history no longer reaches back or is ahead', async () => {
    const library = await openTestLibrary();
    const start = library.context.changes.revision();
    const study = await call(library, 'study.create', { name: 'Catch up' });
    await call(library, 'study.rename', { id: study.id, name: 'Caught up' });
    const since = await call(library, 'change.since', { revision: start });
    expect(since.revision).toBe(start + 2);
    expect(since.changes.map((c) => [c.revision, c.operation])).toEqual([
      [start + 1, 'study.create'],
      [start + 2, 'study.rename'],
    ]);
    expect(await call(library, 'change.since', { revision: start + 2 })).toEqual({ revision: start + 2, changes: [] });
    expect(await library.dispatch('change.since', { revision: start + 99 })).toMatchObject({ ok: false, error: { code: 'reload_required' } });

    library.context.db.prepare('DELETE FROM change_log WHERE revision <= ?').run(start + 1);
    expect(await library.dispatch('change.since', { revision: start })).toMatchObject({ ok: false, error: { code: 'reload_required', reason: 'changes.reload_required' } });
    expect((await call(library, 'change.since', { revision: start + 1 })).changes.map((c) => c.operation)).toEqual(['study.rename']);
  });

  it('prunes history older than 7 days beyond the newest 10,000 entries, never past a connected client', async () => {
    const library = await openTestLibrary();
    const db = library.context.db;
    const old = '2026-01-01T00:00:00.000Z';
    const insert = db.prepare("INSERT INTO change_log (at, mutation_id, actor, operation, studies) VALUES (?, NULL, NULL, 'study.rename', '[]')");
    db.transaction(() => {
      for (let i = 0; i < 10_050; i += 1) insert.run(old);
    })();
    const oldest = db.prepare('SELECT min(revision) FROM change_log').pluck().get() as number;
    const feed = new ChangeFeed({ db: () => db, now: () => new Date('2026-12-05T12:00:00Z') });

    // A client that has seen up to oldest + 9 keeps everything after it.
    const client = feed.pin(oldest + 9);
    feed.prune();
    expect(db.prepare('SELECT min(revision) FROM change_log').pluck().get()).toBe(oldest + 10);
    // Once it has moved on, pruning goes down to the newest 10,000 entries.
    client.move(feed.revision());
    feed.prune();
    expect(db.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(10_000);
    client.release();
    // Entries of the last 7 days are kept however many there are; the older ones then go.
    db.transaction(() => {
      for (let i = 0; i < 10_050; i += 1) insert.run('2026-12-04T00:00:00.000Z');
    })();
    feed.prune();
    expect(db.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(10_050);
    expect(db.prepare("SELECT count(*) FROM change_log WHERE at < '2026-11-28'").pluck().get()).toBe(0);
  });

  it('forgets the answers kept for retries that held a withdrawn participant\'s words', async () => {
    const library = await openTestLibrary();
    const { study, participant } = await boardStudy(library);
    const session = await call(library, 'session.create', { studyId: study.id, participantId: participant.id, guideVersionId: null, interviewer: 'Interviewer' });
    await as(library, TAB_A, 'finding.create', { sessionId: session.id, questionId: null, paragraphKey: null, text: '等了三天才拿到报价', type: 'pain_point' }, 'finding-00001');
    const kept = () => library.context.db.prepare('SELECT result FROM mutation_result WHERE mutation_id = ?').pluck().get('finding-00001') as string | null;
    expect(kept()).toContain('等了三天才拿到报价');
    await call(library, 'participant.setWithdrawn', { id: participant.id, withdrawn: true });
    expect(kept()).toBeNull();
    expect(JSON.stringify(library.context.db.prepare('SELECT * FROM change_log').all())).not.toContain('等了三天');
  });

  it('undoes only the undoing tab\'s own board actions when two tabs work on one board', async () => {
    const library = await openTestLibrary();
    const { study, stages, cards } = await boardStudy(library);
    const group = await as(library, TAB_A, 'board.createGroup', { studyId: study.id, stageId: stages[0]!.id, name: 'Slow quotes', findingIds: [cards[0]!, cards[1]!] });
    await as(library, TAB_B, 'board.moveCards', { studyId: study.id, findingIds: [cards[2]!], stageId: stages[1]!.id, groupId: null, beforeId: null });
    await as(library, TAB_A, 'board.updateGroup', { id: group.id, fields: { name: 'Opaque pricing' } });

    // Tab B's undo takes back B's move, not A's later rename.
    await as(library, TAB_B, 'board.undo', { studyId: study.id });
    let board = await call(library, 'board.get', { studyId: study.id });
    expect(board.cards.find((c) => c.id === cards[2])!.stageId).toBe(stages[0]!.id);
    expect(board.groups[0]!.name).toBe('Opaque pricing');
    // Tab A's undo takes back A's rename, then A's group; B has nothing left to undo.
    await as(library, TAB_A, 'board.undo', { studyId: study.id });
    board = await call(library, 'board.get', { studyId: study.id });
    expect(board.groups[0]!.name).toBe('Slow quotes');
    expect((await as(library, TAB_B, 'board.get', { studyId: study.id })).undo).toMatchObject({ undo: null });
  });
});
