// Toggles and list edits travel as intents ("add M", "remove T"), not as whole lists
// computed from what one window last saw: two people toggling different TERMS of one
// card at once both get their way, where whole lists would keep only the last.

/** `current` with `add` joined and `remove` taken out; in `order` when given (TERMS read T, E, R, M, S). */
export function applyListIntent<T>(current: readonly T[], add: readonly T[] = [], remove: readonly T[] = [], order?: readonly T[]): T[] {
  const next = [...current.filter((x) => !remove.includes(x)), ...add.filter((x) => !current.includes(x) && !remove.includes(x))];
  const unique = [...new Set(next)];
  return order ? order.filter((x) => unique.includes(x)) : unique;
}
