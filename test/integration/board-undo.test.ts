// Board undo never destroys work: it restores only the board's own fields that the
// undone action changed, refuses (and says why) when one of them changed since, never
// brings back a row another action deleted, reaches the last 500 actions, and keeps
// no text of a deleted finding, a withdrawn participant or a purged study.
import { describe, expect, it } from 'vitest';
import { createFinding } from '../../electron/core/db/repos/findings.js';
import type { Library } from '../../electron/core/library.js';
import type { OperationName } from '../../shared/api/contract.js';
import { withoutRevisions } from '../helpers/revisions.js';
import { call } from '../helpers/call.js';
import { openTestLibrary } from '../helpers/library.js';

async function setUp() {
  const library = await openTestLibrary();
  const study = await call(library, 'study.create', { name: 'Undo' });
  const { stages } = await call(library, 'study.overview', { id: study.id });
  const participant = await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P01' } });
  const other = await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P02' } });
  const card = (text: string, stage: number, who = participant.id) =>
    createFinding(library.context.db, study.id, { text, type: 'pain_point', stageId: stages[stage]!.id, participantId: who, terms: ['T'] });
  const cards = [card('等了三天才拿到报价', 0), card('Hidden fees at signing', 0), card('The salesperson pushed financing', 1, other.id), card('价格不透明', 1)];
  const move = (ids: string[], stage: number) =>
    call(library, 'board.moveCards', { studyId: study.id, findingIds: ids, stageId: stages[stage]!.id, groupId: null, beforeId: null });
  // Undo restores content; the revisions that count changes move on (see record-revisions.test.ts).
  const board = () => call(library, 'board.get', { studyId: study.id }).then(withoutRevisions);
  const cardOf = async (id: string) => (await board()).cards.find((c) => c.id === id);
  return { library, study, stages, cards, participant, other, move, board, cardOf };
}

/** The error of a call that must fail: its code and the reason the UI translates. */
async function refusal(library: Library, name: OperationName, input: unknown): Promise<{ code: string; reason: string | undefined }> {
  const result = await library.dispatch(name, input);
  if (result.ok) throw new Error(`${name} unexpectedly succeeded`);
  return { code: result.error.code, reason: result.error.reason };
}

/** Everything the board's undo log holds, whatever its tables are called, as one string. */
function undoLogText(library: Library): string {
  const { db } = library.context;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'board\\_%' ESCAPE '\\'").pluck().all() as string[];
  expect(tables.length).toBeGreaterThan(0);
  return JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM ${t}`).all()));
}

describe('board undo restores only what the undone action changed', () => {
  it('undoing a move puts the card back and keeps the wording edited after the move', async () => {
    const { library, stages, cards, move, cardOf, study } = await setUp();
    await move([cards[0]!], 2);
    await call(library, 'finding.update', { id: cards[0]!, fields: { text: '等了整整三天才拿到报价' } });
    await call(library, 'board.undo', { studyId: study.id });
    expect(await cardOf(cards[0]!)).toMatchObject({ stageId: stages[0]!.id, text: '等了整整三天才拿到报价' });
  });

  it('undoing a move keeps the TERMS, type and tags set after the move', async () => {
    const { library, stages, cards, move, cardOf, study } = await setUp();
    const tag = await call(library, 'tag.create', { studyId: study.id, fields: { name: '等待' } });
    await move([cards[1]!], 3);
    await call(library, 'finding.update', { id: cards[1]!, fields: { terms: ['M', 'R'], type: 'quote', tagIds: [tag.id] } });
    await call(library, 'board.undo', { studyId: study.id });
    expect(await cardOf(cards[1]!)).toMatchObject({ stageId: stages[0]!.id, terms: ['R', 'M'], type: 'quote', tagIds: [tag.id] });
  });

  it('undoing a grouping keeps a wording edit of a grouped card and dissolves the group', async () => {
    const { library, stages, cards, cardOf, study, board } = await setUp();
    await call(library, 'board.createGroup', { studyId: study.id, stageId: stages[0]!.id, name: '报价慢', findingIds: [cards[0]!, cards[1]!] });
    await call(library, 'finding.update', { id: cards[1]!, fields: { text: 'Fees only shown at signing' } });
    await call(library, 'board.undo', { studyId: study.id });
    expect((await board()).groups).toEqual([]);
    expect(await cardOf(cards[1]!)).toMatchObject({ groupId: null, stageId: stages[0]!.id, text: 'Fees only shown at signing' });
  });

  it('never brings back a finding deleted after a move: undo moves the other cards back and the deleted one stays deleted', async () => {
    const { library, stages, cards, move, cardOf, study } = await setUp();
    const tag = await call(library, 'tag.create', { studyId: study.id, fields: { name: '费用' } });
    await call(library, 'finding.update', { id: cards[1]!, fields: { tagIds: [tag.id] } });
    await move([cards[0]!, cards[1]!], 2);
    await call(library, 'finding.delete', { id: cards[1]! });
    expect(await call(library, 'board.undo', { studyId: study.id })).toEqual({ undo: null, redo: 'move' });
    expect(library.context.db.prepare('SELECT count(*) FROM finding WHERE id = ?').pluck().get(cards[1]!)).toBe(0);
    expect(await cardOf(cards[0]!)).toMatchObject({ stageId: stages[0]!.id });
    // Redo moves what is left, and again does not bring the deleted finding back.
    await call(library, 'board.redo', { studyId: study.id });
    expect(await cardOf(cards[0]!)).toMatchObject({ stageId: stages[2]!.id });
    expect(library.context.db.prepare('SELECT count(*) FROM finding WHERE id = ?').pluck().get(cards[1]!)).toBe(0);
  });

  it('forgets a move of a single finding once it is deleted, so undo goes on to the action before', async () => {
    const { library, stages, cards, move, study, board } = await setUp();
    await call(library, 'board.createGroup', { studyId: study.id, stageId: stages[1]!.id, name: 'Pushy sales', findingIds: [cards[2]!] });
    await move([cards[3]!], 0);
    await call(library, 'finding.delete', { id: cards[3]! });
    expect((await board()).undo).toEqual({ undo: 'group', redo: null });
    await call(library, 'board.undo', { studyId: study.id });
    expect((await board()).groups).toEqual([]);
    expect(library.context.db.prepare('SELECT count(*) FROM finding WHERE id = ?').pluck().get(cards[3]!)).toBe(0);
  });

  it('refuses to undo a move when the card was moved since, changes nothing, and lets undo go on to the action before', async () => {
    const { library, stages, cards, move, cardOf, study, board } = await setUp();
    const group = await call(library, 'board.createGroup', { studyId: study.id, stageId: stages[1]!.id, name: 'Pushy sales', findingIds: [cards[2]!] });
    await move([cards[3]!], 0);
    await call(library, 'finding.update', { id: cards[3]!, fields: { stageId: stages[4]!.id, text: 'Price not shown anywhere' } });
    expect(await refusal(library, 'board.undo', { studyId: study.id })).toEqual({ code: 'conflict', reason: 'board.undo_changed_since' });
    expect(await cardOf(cards[3]!)).toMatchObject({ stageId: stages[4]!.id, text: 'Price not shown anywhere' });
    expect((await board()).undo).toEqual({ undo: 'group', redo: null });
    await call(library, 'board.undo', { studyId: study.id });
    expect((await board()).groups.map((g) => g.id)).not.toContain(group.id);
    expect(await cardOf(cards[3]!)).toMatchObject({ stageId: stages[4]!.id });
  });

  it('refuses to redo a move when the card changed since the undo, and forgets what there was to redo', async () => {
    const { library, stages, cards, move, cardOf, study, board } = await setUp();
    await move([cards[0]!], 3);
    await call(library, 'board.undo', { studyId: study.id });
    await call(library, 'finding.update', { id: cards[0]!, fields: { stageId: stages[5]!.id } });
    expect(await refusal(library, 'board.redo', { studyId: study.id })).toEqual({ code: 'conflict', reason: 'board.redo_changed_since' });
    expect(await cardOf(cards[0]!)).toMatchObject({ stageId: stages[5]!.id });
    expect((await board()).undo).toEqual({ undo: null, redo: null });
  });

  it('does not delete a group on undo when its column was removed since', async () => {
    const { library, stages, cards, study, board } = await setUp();
    const group = await call(library, 'board.createGroup', { studyId: study.id, stageId: stages[1]!.id, name: 'Pushy sales', findingIds: [cards[2]!] });
    await call(library, 'stage.delete', { id: stages[1]!.id, moveTo: null });
    expect(await refusal(library, 'board.undo', { studyId: study.id })).toEqual({ code: 'conflict', reason: 'board.undo_changed_since' });
    expect((await board()).groups.map((g) => g.id)).toEqual([group.id]);
  });

  it('does not bring back a dissolved group into a column removed since: it refuses instead', async () => {
    const { library, stages, cards, study, board } = await setUp();
    const group = await call(library, 'board.createGroup', { studyId: study.id, stageId: stages[1]!.id, name: 'Pushy sales', findingIds: [cards[2]!] });
    await call(library, 'board.deleteGroup', { id: group.id });
    await call(library, 'stage.delete', { id: stages[1]!.id, moveTo: null });
    expect(await refusal(library, 'board.undo', { studyId: study.id })).toEqual({ code: 'conflict', reason: 'board.undo_deleted_since' });
    expect((await board()).groups).toEqual([]);
  });

  it('undoes a dissolved group, its links and its cards together, and redoes it', async () => {
    const { library, stages, cards, study, board } = await setUp();
    const slow = await call(library, 'board.createGroup', { studyId: study.id, stageId: stages[0]!.id, name: 'Slow quotes', findingIds: [cards[0]!, cards[1]!] });
    const pushy = await call(library, 'board.createGroup', { studyId: study.id, stageId: stages[1]!.id, name: 'Pushy sales', findingIds: [cards[2]!] });
    await call(library, 'board.link', { studyId: study.id, from: { kind: 'group', id: slow.id }, to: { kind: 'group', id: pushy.id }, label: 'leads to' });
    const whole = await board();
    await call(library, 'board.deleteGroup', { id: slow.id });
    await call(library, 'finding.update', { id: cards[0]!, fields: { text: 'Waited three days' } });
    await call(library, 'board.undo', { studyId: study.id });
    const restored = await board();
    expect(restored.groups).toEqual(whole.groups);
    expect(restored.links).toEqual(whole.links);
    expect(restored.cards.filter((c) => c.groupId === slow.id).map((c) => c.text).sort()).toEqual(['Hidden fees at signing', 'Waited three days']);
    await call(library, 'board.redo', { studyId: study.id });
    expect((await board()).groups.map((g) => g.id)).toEqual([pushy.id]);
    expect((await board()).links).toEqual([]);
  });

  it('undoes a deleted theme with its groups and links, and redoes it', async () => {
    const { library, stages, cards, study, board } = await setUp();
    const slow = await call(library, 'board.createGroup', { studyId: study.id, stageId: stages[0]!.id, name: 'Slow quotes', findingIds: [cards[0]!] });
    const pushy = await call(library, 'board.createGroup', { studyId: study.id, stageId: stages[1]!.id, name: 'Pushy sales', findingIds: [cards[2]!] });
    const theme = await call(library, 'board.createTheme', { studyId: study.id, name: 'Opaque pricing', groupIds: [slow.id] });
    await call(library, 'board.link', { studyId: study.id, from: { kind: 'theme', id: theme.id }, to: { kind: 'group', id: pushy.id }, label: '' });
    const whole = await board();
    await call(library, 'board.deleteTheme', { id: theme.id });
    expect((await board()).themes).toEqual([]);
    await call(library, 'board.undo', { studyId: study.id });
    const restored = await board();
    expect([restored.themes, restored.groups, restored.links]).toEqual([whole.themes, whole.groups, whole.links]);
    await call(library, 'board.redo', { studyId: study.id });
    const again = await board();
    expect([again.themes, again.links, again.groups.map((g) => g.themeId)]).toEqual([[], [], [null, null]]);
  });
});

describe('board undo log', () => {
  it('reaches the last 500 actions and no further', async () => {
    const { library, cards, move, study, board } = await setUp();
    for (let i = 0; i < 505; i++) await move([cards[i % 2]!], i % 6);
    let undone = 0;
    for (let state = (await board()).undo; state.undo !== null; undone++) state = await call(library, 'board.undo', { studyId: study.id });
    expect(undone).toBe(500);
  }, 120_000); // a thousand committed writes, each synced to disk

  it('keeps no trace of a deleted finding, in the same change that deletes it', async () => {
    const { library, stages, cards, move, study } = await setUp();
    await move([cards[0]!, cards[1]!], 2);
    await call(library, 'board.createGroup', { studyId: study.id, stageId: stages[2]!.id, name: 'Slow quotes', findingIds: [cards[0]!] });
    await call(library, 'finding.delete', { id: cards[0]! });
    const log = undoLogText(library);
    expect(log).not.toContain('等了三天才拿到报价');
    expect(log).not.toContain(cards[0]!);
    expect(log).toContain(cards[1]!); // the other card's move is still undoable
  });

  it('holds no text of a participant who withdrew consent', async () => {
    const { library, stages, cards, move, study, other } = await setUp();
    await move([cards[2]!], 4);
    await call(library, 'board.createGroup', { studyId: study.id, stageId: stages[4]!.id, name: 'Finance', findingIds: [cards[2]!] });
    await call(library, 'participant.setWithdrawn', { id: other.id, withdrawn: true });
    expect(undoLogText(library)).not.toContain('The salesperson pushed financing');
  });

  it('forgets a purged study, with the study', async () => {
    const { library, cards, move, study } = await setUp();
    await move([cards[0]!], 3);
    await call(library, 'study.delete', { id: study.id });
    await call(library, 'study.purge', { id: study.id });
    const log = undoLogText(library);
    expect(log).not.toContain(study.id);
    expect(log).not.toContain(cards[0]!);
  });
});
