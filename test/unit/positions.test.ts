// Orders are fractional positions; two rows can share one (a library from before stage
// removal kept positions apart, or an imported study). Placing an item among them must
// still give a position that sorts where asked, never fail.
import { describe, expect, it } from 'vitest';
import { keysAt, positionForMove } from '../../electron/core/db/ids.js';

const sorted = (list: Array<{ id: string; position: string }>) =>
  [...list].sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : a.id < b.id ? -1 : 1)).map((o) => o.id);

describe('positions among equal ones', () => {
  it('places an item before a run of equal positions instead of failing', () => {
    const list = [
      { id: 'a', position: 'a0' },
      { id: 'b', position: 'a1' },
      { id: 'c', position: 'a1' },
      { id: 'd', position: 'a2' },
    ];
    const position = positionForMove(list, 'x', 'c')!;
    expect(sorted([...list, { id: 'x', position }])).toEqual(['a', 'x', 'b', 'c', 'd']);
  });

  it('gives several ascending keys at the start of a list whose first items share a position', () => {
    const keys = keysAt([{ position: 'a0' }, { position: 'a0' }], 1, 3);
    expect(keys).toHaveLength(3);
    expect([...keys].sort()).toEqual(keys);
    expect(keys.every((k) => k < 'a0')).toBe(true);
  });

  it('places between two different positions exactly as before', () => {
    expect(positionForMove([{ id: 'a', position: 'a0' }, { id: 'b', position: 'a1' }], 'x', 'b')!).toMatch(/^a0/);
  });
});
