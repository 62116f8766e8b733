// Splits the board's cards (or groups) by column, handing back last time's array for a
// column whose items are the very same objects in the same order. A drop changes two
// columns; the others keep their arrays, so their memoised columns neither re-render nor
// lay out their cards again (on a 5,000-card board that was most of the drop's frame).
import { useState } from 'react';

export function splitByColumn<T extends { stageId: string | null }>(items: readonly T[], previous: ReadonlyMap<string, readonly T[]>): Map<string, readonly T[]> {
  const fresh = new Map<string, T[]>();
  for (const item of items) {
    const column = item.stageId ?? '';
    const list = fresh.get(column);
    if (list) list.push(item);
    else fresh.set(column, [item]);
  }
  const result = new Map<string, readonly T[]>();
  for (const [column, list] of fresh) {
    const before = previous.get(column);
    result.set(column, before && sameItems(before, list) ? before : list);
  }
  return result;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** splitByColumn, remembering the last split between renders (state derived from props). */
export function useColumns<T extends { stageId: string | null }>(items: readonly T[] | undefined): ReadonlyMap<string, readonly T[]> {
  const [last, setLast] = useState<{ items: readonly T[] | undefined; split: Map<string, readonly T[]> }>(() => ({ items, split: splitByColumn(items ?? [], new Map()) }));
  if (last.items === items) return last.split;
  const next = { items, split: splitByColumn(items ?? [], last.split) };
  setLast(next);
  return next.split;
}
