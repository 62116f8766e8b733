// Open-ended JSON in the contract (the rich-text editor's serialized state) is checked
// to be plain JSON data of bounded depth, without recursion: a hostile nesting cannot
// overflow the stack of whatever walks it later, and values JSON cannot hold (BigInt,
// Map, Date, NaN, which structured-clone IPC would carry) never reach the database.

/** What is wrong with `value` as JSON data nested at most `maxDepth` deep, or null. */
export function jsonDataProblem(value: unknown, maxDepth: number): string | null {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const next = pending.pop()!;
    const v = next.value;
    // undefined is what JSON.stringify drops: optional fields left unset.
    if (v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return 'Numbers must be finite.';
      continue;
    }
    if (typeof v !== 'object') return `A ${typeof v} is not JSON data.`;
    if (next.depth >= maxDepth) return `Nested deeper than ${maxDepth} levels.`;
    const proto: unknown = Object.getPrototypeOf(v);
    if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) return 'Only plain objects and arrays are JSON data.';
    for (const child of Object.values(v)) pending.push({ value: child, depth: next.depth + 1 });
  }
  return null;
}
