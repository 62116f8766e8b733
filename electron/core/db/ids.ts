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
