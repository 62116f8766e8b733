// The board's selection rules, shared by clicks, keys and the lasso.
import { describe, expect, it } from 'vitest';
import { intersects } from '../../renderer/features/board/lasso';
import { selectCard, selectCards } from '../../renderer/features/board/selection';

describe('board selection', () => {
  it('selects one card on click and clears it on a second click', () => {
    const one = selectCard(new Set(['a', 'b']), 'c', 'one');
    expect([...one]).toEqual(['c']);
    expect(selectCard(one, 'c', 'one').size).toBe(0);
  });

  it('toggles with Ctrl/Shift and only adds with Shift+arrow', () => {
    const two = selectCard(new Set(['a']), 'b', 'toggle');
    expect([...two].sort()).toEqual(['a', 'b']);
    expect([...selectCard(two, 'a', 'toggle')]).toEqual(['b']);
    expect(selectCard(two, 'a', 'add')).toBe(two); // unchanged set, same identity: nothing re-renders
  });

  it('replaces the selection with a lasso, or adds to it with a modifier', () => {
    expect([...selectCards(new Set(['a']), ['b', 'c'], false)]).toEqual(['b', 'c']);
    expect([...selectCards(new Set(['a']), ['b'], true)].sort()).toEqual(['a', 'b']);
    const empty = new Set<string>();
    expect(selectCards(empty, [], false)).toBe(empty);
  });

  it('counts a card as lassoed when the rectangle touches it', () => {
    const card = { left: 10, top: 10, right: 100, bottom: 50 };
    expect(intersects({ left: 90, top: 40, right: 200, bottom: 200 }, card)).toBe(true);
    expect(intersects({ left: 101, top: 0, right: 200, bottom: 200 }, card)).toBe(false);
  });
});
