// The affinity board's services on a real database: moving cards (and their stage
// with them), groups, themes, cause-effect links, drivers, and the undo log that
// survives a reload.
import { describe, expect, it } from 'vitest';
import { createFinding } from '../../electron/core/db/repos/findings.js';
import { openTestLibrary } from '../helpers/library.js';
import { withoutRevisions } from '../helpers/revisions.js';
import { call, failure } from '../helpers/call.js';
import { tempDir } from '../helpers/temp.js';
import type { Library } from '../../electron/core/library.js';

async function setUp(dataDir?: string) {
  const library = await openTestLibrary(dataDir ? { dataDir } : {});
  const study = await call(library, 'study.create', { name: 'Board' });
  const { stages } = await call(library, 'study.overview', { id: study.id });
  const participant = await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P01' } });
  const other = await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P02' } });
  const card = (text: string, stage: number | null, who = participant.id) =>
    createFinding(library.context.db, study.id, { text, type: 'pain_point', stageId: stage === null ? null : stages[stage]!.id, participantId: who });
  const cards = [card('等了三天才拿到报价', 0), card('Hidden fees', 0), card('Pushy salesperson', 1, other.id), card('No price online', null)];
  return { library, study, stages, cards, participant, other };
}

const board = (library: Library, studyId: string) => call(library, 'board.get', { studyId });
const cardOf = async (library: Library, studyId: string, id: string) => (await board(library, studyId)).cards.find((c) => c.id === id)!;

describe('affinity board', () => {
  it('moves cards between columns in order; a card takes the stage of its column', async () => {
    const { library, study, stages, cards } = await setUp();
    await call(library, 'board.moveCards', { studyId: study.id, findingIds: [cards[3]!], stageId: stages[0]!.id, groupId: null, beforeId: cards[0]! });
    const b = await board(library, study.id);
    const column = b.cards.filter((c) => c.stageId === stages[0]!.id && !c.groupId).sort((x, y) => (x.position < y.position ? -1 : 1));
    expect(column.map((c) => c.id)).toEqual([cards[3], cards[0], cards[1]]);
    expect(b.undo).toEqual({ undo: 'move', redo: null });
  });

  it('makes a group from cards, joins it from another column, and dissolves it', async () => {
    const { library, study, stages, cards } = await setUp();
    const group = await call(library, 'board.createGroup', { studyId: study.id, stageId: stages[0]!.id, name: '报价慢', findingIds: [cards[0]!, cards[1]!] });
    await call(library, 'board.moveCards', { studyId: study.id, findingIds: [cards[2]!], stageId: null, groupId: group.id, beforeId: null });
    const joined = await cardOf(library, study.id, cards[2]!);
    expect(joined).toMatchObject({ groupId: group.id, stageId: stages[0]!.id }); // moved column with the group
    await call(library, 'board.updateGroup', { id: group.id, fields: { name: 'Slow quotes', color: '#b4443a', collapsed: true } });
    expect((await board(library, study.id)).groups[0]).toMatchObject({ name: 'Slow quotes', color: '#b4443a', collapsed: true });
    await call(library, 'board.deleteGroup', { id: group.id });
    const after = await board(library, study.id);
    expect(after.groups).toEqual([]);
    expect(after.cards.filter((c) => c.stageId === stages[0]!.id).map((c) => c.groupId)).toEqual([null, null, null]);
  });

  it('moves a group to another column, taking its cards\' stage along', async () => {
    const { library, study, stages, cards } = await setUp();
    const group = await call(library, 'board.createGroup', { studyId: study.id, stageId: stages[0]!.id, name: 'Fees', findingIds: [cards[1]!] });
    await call(library, 'board.moveGroup', { id: group.id, stageId: stages[3]!.id, beforeId: null });
    expect(await cardOf(library, study.id, cards[1]!)).toMatchObject({ stageId: stages[3]!.id, groupId: group.id });
  });

  it('gathers groups into themes, links them, and ranks the drivers by evidence', async () => {
    const { library, study, stages, cards } = await setUp();
    const slow = await call(library, 'board.createGroup', { studyId: study.id, stageId: stages[0]!.id, name: 'Slow quotes', findingIds: [cards[0]!, cards[1]!] });
    const pushy = await call(library, 'board.createGroup', { studyId: study.id, stageId: stages[1]!.id, name: 'Pushy sales', findingIds: [cards[2]!] });
    const theme = await call(library, 'board.createTheme', { studyId: study.id, name: 'Opaque pricing', groupIds: [slow.id] });
    expect((await board(library, study.id)).groups.find((g) => g.id === slow.id)!.themeId).toBe(theme.id);
    const link = await call(library, 'board.link', { studyId: study.id, from: { kind: 'group', id: slow.id }, to: { kind: 'group', id: pushy.id }, label: 'leads to' });
    expect(link).toMatchObject({ from: { kind: 'group', id: slow.id }, to: { kind: 'group', id: pushy.id }, label: 'leads to' });
    await call(library, 'board.link', { studyId: study.id, from: { kind: 'theme', id: theme.id }, to: { kind: 'group', id: pushy.id }, label: '' });
    expect(await failure(library, 'board.link', { studyId: study.id, from: { kind: 'group', id: slow.id }, to: { kind: 'group', id: slow.id }, label: '' })).toBe('conflict');
    const drivers = await call(library, 'board.drivers', { studyId: study.id });
    expect(drivers[0]).toMatchObject({ findings: 3, participants: 2 });
    expect(drivers.map((d) => d.path.map((p) => p.name))).toContainEqual(['Slow quotes', 'Pushy sales']);
    // Dissolving a group removes its links with it, and undo brings both back.
    await call(library, 'board.deleteGroup', { id: slow.id });
    expect((await board(library, study.id)).links).toHaveLength(1);
    await call(library, 'board.undo', { studyId: study.id });
    const restored = await board(library, study.id);
    expect(restored.links).toHaveLength(2);
    expect(restored.cards.filter((c) => c.groupId === slow.id)).toHaveLength(2);
  });

  it('undoes and redoes every action in order, and a new action clears the redo', async () => {
    const { library, study, stages, cards } = await setUp();
    const snapshot = async () => JSON.stringify((({ undo: _u, ...rest }) => rest)(withoutRevisions(await board(library, study.id))));
    const start = await snapshot();
    const group = await call(library, 'board.createGroup', { studyId: study.id, stageId: stages[0]!.id, name: 'G', findingIds: [cards[0]!] });
    const grouped = await snapshot();
    await call(library, 'board.updateGroup', { id: group.id, fields: { name: 'Renamed' } });
    const renamed = await snapshot();
    expect(await call(library, 'board.undo', { studyId: study.id })).toEqual({ undo: 'group', redo: 'rename' });
    expect(await snapshot()).toBe(grouped);
    await call(library, 'board.undo', { studyId: study.id });
    expect(await snapshot()).toBe(start);
    expect(await call(library, 'board.undo', { studyId: study.id })).toEqual({ undo: null, redo: 'group' });
    await call(library, 'board.redo', { studyId: study.id });
    await call(library, 'board.redo', { studyId: study.id });
    expect(await snapshot()).toBe(renamed);
    await call(library, 'board.undo', { studyId: study.id });
    await call(library, 'board.moveCards', { studyId: study.id, findingIds: [cards[3]!], stageId: stages[2]!.id, groupId: null, beforeId: null });
    expect((await board(library, study.id)).undo).toEqual({ undo: 'move', redo: null });
  });

  it('keeps the undo log across a reload of the library', async () => {
    const dataDir = tempDir();
    const first = await setUp(dataDir);
    await call(first.library, 'board.createGroup', { studyId: first.study.id, stageId: first.stages[0]!.id, name: 'Kept', findingIds: [first.cards[0]!] });
    first.library.close();
    const { openTestLibrary: reopen } = await import('../helpers/library.js');
    const library = await reopen({ dataDir });
    expect((await call(library, 'board.get', { studyId: first.study.id })).undo.undo).toBe('group');
    await call(library, 'board.undo', { studyId: first.study.id });
    expect((await call(library, 'board.get', { studyId: first.study.id })).groups).toEqual([]);
  });

  it('leaves out the cards of a participant who withdrew consent', async () => {
    const { library, study, cards, other } = await setUp();
    await call(library, 'participant.setWithdrawn', { id: other.id, withdrawn: true });
    const b = await board(library, study.id);
    expect(b.cards.map((c) => c.id)).not.toContain(cards[2]);
    expect(b.cards).toHaveLength(3);
  });

  it('refuses cards, groups and stages of another study', async () => {
    const { library, study, cards } = await setUp();
    const second = await setUp();
    expect(await failure(library, 'board.moveCards', { studyId: study.id, findingIds: [second.cards[0]!], stageId: null, groupId: null, beforeId: null })).toBe('not_found');
    expect(await failure(library, 'board.moveCards', { studyId: study.id, findingIds: [cards[0]!], stageId: second.stages[0]!.id, groupId: null, beforeId: null })).toBe('not_found');
    expect((await board(library, study.id)).undo.undo).toBeNull();
  });
});
