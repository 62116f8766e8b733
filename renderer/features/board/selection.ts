// The board's card selection as pure set updates, shared by clicks, keys and the lasso.
export type SelectMode = 'one' | 'toggle' | 'add';

/** Click selects one card (or clears it when it alone was selected); Ctrl/Shift toggles; Shift+arrow adds. */
export function selectCard(current: ReadonlySet<string>, id: string, mode: SelectMode): ReadonlySet<string> {
  if (mode === 'one') return current.size === 1 && current.has(id) ? new Set() : new Set([id]);
  if (mode === 'add' && current.has(id)) return current;
  const next = new Set(current);
  if (mode === 'toggle' && next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** A lasso or Ctrl+A: replaces the selection, or adds to it. */
export function selectCards(current: ReadonlySet<string>, ids: readonly string[], additive: boolean): ReadonlySet<string> {
  if (!additive) return ids.length === 0 && current.size === 0 ? current : new Set(ids);
  return new Set([...current, ...ids]);
}
