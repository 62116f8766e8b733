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
  return generateKeyBetween(others[index - 1]?.position ?? null, others[index]!.position);
}
