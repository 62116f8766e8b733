// A drop changes two columns; the others must keep their card lists, so their memoised
// columns skip re-rendering and re-laying out their cards.
import { describe, expect, it } from 'vitest';
import { splitByColumn } from '../../renderer/features/board/stableColumns';
import { moveLocally } from '../../renderer/features/board/optimistic';
import type { Board, BoardCard } from '../../shared/api/board';

const card = (id: string, stageId: string | null, position: string) => ({ id, stageId, position, groupId: null }) as unknown as BoardCard;

describe('cards split by column', () => {
  it('keeps the lists of columns a move did not touch, and gives new lists to the two it did', () => {
    const cards = [card('a', 's1', 'a0'), card('b', 's1', 'a1'), card('c', 's2', 'a0'), card('d', 's3', 'a0'), card('e', null, 'a0')];
    const board = { cards, groups: [], themes: [], links: [], undo: { undo: null, redo: null } } as unknown as Board;
    const before = splitByColumn(board.cards, new Map());
    expect(before.get('s1')?.map((c) => c.id)).toEqual(['a', 'b']);
    expect(before.get('')?.map((c) => c.id)).toEqual(['e']);

    const after = splitByColumn(moveLocally(board, ['a'], 's2', null, null).cards, before);
    expect(after.get('s1')?.map((c) => c.id)).toEqual(['b']);
    expect(after.get('s2')?.map((c) => c.id).sort()).toEqual(['a', 'c']);
    expect(after.get('s1')).not.toBe(before.get('s1'));
    expect(after.get('s2')).not.toBe(before.get('s2'));
    expect(after.get('s3')).toBe(before.get('s3'));
    expect(after.get('')).toBe(before.get(''));
  });

  it('drops a column that has no cards left', () => {
    const before = splitByColumn([card('a', 's1', 'a0')], new Map());
    const after = splitByColumn([card('a', 's2', 'a0')], before);
    expect(after.has('s1')).toBe(false);
    expect(after.get('s2')?.map((c) => c.id)).toEqual(['a']);
  });
});
