// Splits the board's cards (or groups) by column, handing back last time's array for a
// column whose items are the very same objects in the same order. A drop changes two
// columns; the others keep their arrays, so their memoised columns neither re-render nor
// lay out their cards again (on a 5,000-card board that was most of the drop's frame).
import { useMemo, useState } from 'react';

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

/** One list's last split, so that the next hands back the columns it left unchanged. */
class ColumnSplitter<T extends { stageId: string | null }> {
  private last = new Map<string, readonly T[]>();

  split(items: readonly T[]): ReadonlyMap<string, readonly T[]> {
    this.last = splitByColumn(items, this.last);
    return this.last;
  }
}

/**
 * splitByColumn, remembering the last split between renders. Worked out in a memo, not
 * kept as state set while rendering: that made React run the whole board screen twice
 * for every change of the board.
 */
export function useColumns<T extends { stageId: string | null }>(items: readonly T[] | undefined): ReadonlyMap<string, readonly T[]> {
  const [splitter] = useState(() => new ColumnSplitter<T>());
  return useMemo(() => splitter.split(items ?? []), [splitter, items]);
}
