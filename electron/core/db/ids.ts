// Row identity and ordering helpers shared by the repositories.
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import { v7 as uuidv7 } from 'uuid';

/** Text UUID v7: sorts by creation time and never collides across exported libraries. */
export const newId = (): string => uuidv7();

export const nowIso = (): string => new Date().toISOString();

/** A position after `last` (or the first one), so appending writes one row. */
export const positionAfter = (last: string | null): string => generateKeyBetween(last, null);

export const positionBetween = (before: string | null, after: string | null): string =>
  generateKeyBetween(before, after);

/** `n` ascending positions after `last` (or from the start). */
export const positionsAfter = (last: string | null, n: number): string[] => generateNKeysBetween(last, null, n);

/** `n` ascending positions for a fresh list. */
export const positions = (n: number): string[] => generateNKeysBetween(null, null, n);

/**
 * The position that puts an item just before `beforeId` in an ordered list (or at the
 * end when null), so a move rewrites only the moved row. Returns null when `beforeId`
 * is not in the list.
 */
export function positionForMove(
  ordered: ReadonlyArray<{ id: string; position: string }>,
  movingId: string,
  beforeId: string | null,
): string | null {
  if (beforeId === movingId) return ordered.find((o) => o.id === movingId)?.position ?? null; // stays put
  const others = ordered.filter((o) => o.id !== movingId);
  if (beforeId === null) return generateKeyBetween(others.at(-1)?.position ?? null, null);
  const index = others.findIndex((o) => o.id === beforeId);
  if (index < 0) return null;
  return keysAt(others, index, 1)[0]!;
}

/**
 * `n` ascending positions for items inserted at `index` of a list ordered by
 * (position, id). Two rows can share a position (an older library, an imported
 * study), and no key sorts strictly between equal ones: then the keys go before the
 * whole run of equal positions, which keeps the order valid instead of failing.
 */
export function keysAt(ordered: ReadonlyArray<{ position: string }>, index: number, n: number): string[] {
  const upper = ordered[index]?.position ?? null;
  let below = index - 1;
  while (upper !== null && below >= 0 && ordered[below]!.position >= upper) below--;
  return generateNKeysBetween(ordered[below]?.position ?? null, upper, n);
}
