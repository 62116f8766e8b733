// Segment attribute names already used in a study, and whether a name being typed is
// a near-miss of one of them. An attribute is a dimension of the sample (coverage,
// segment comparison, persona segments): "City" beside "city", or "budjet" beside
// "budget", silently splits one dimension in two, so the participant form suggests
// the names in use and warns about a close one. Pure, for the form and its tests.
import type { SegmentDimension } from './domain.js';

export interface KnownAttribute {
  dimension: SegmentDimension;
  name: string;
}

/** Every attribute name used by these participants, once per dimension, in first-use order. */
export function knownAttributes(participants: ReadonlyArray<{ attributes: Partial<Record<SegmentDimension, Record<string, string>>> }>): KnownAttribute[] {
  const seen = new Set<string>();
  const out: KnownAttribute[] = [];
  for (const p of participants) {
    for (const [dimension, values] of Object.entries(p.attributes) as Array<[SegmentDimension, Record<string, string> | undefined]>) {
      for (const name of Object.keys(values ?? {})) {
        const key = `${dimension}\u0000${name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ dimension, name });
      }
    }
  }
  return out;
}

/** Case, width (全角/half-width) and spacing do not make a different attribute. */
const folded = (name: string) => name.normalize('NFKC').toLowerCase().replace(/[\s_-]+/g, ' ').trim();

/** At most one insertion, deletion or substitution between the two (by code point). */
function oneEditApart(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i += 1;
  let j = 0;
  while (j < x.length - i && j < y.length - i && x[x.length - 1 - j] === y[y.length - 1 - j]) j += 1;
  return x.length - i - j <= 1 && y.length - i - j <= 1;
}

/** Short names (年龄, age) differ by one character legitimately; only longer ones count as typos. */
const TYPO_MIN_LENGTH = 4;

/**
 * The name in use that `typed` is a near-miss of (same letters in another case or
 * width, or one character off in a longer name), or null when `typed` is new or is
 * exactly a name in use in that dimension.
 */
export function nearAttribute(typed: string, dimension: SegmentDimension, known: readonly KnownAttribute[]): KnownAttribute | null {
  const name = typed.trim();
  if (!name) return null;
  if (known.some((k) => k.dimension === dimension && k.name === name)) return null;
  const exactElsewhere = known.find((k) => k.name === name);
  if (exactElsewhere) return exactElsewhere;
  const f = folded(name);
  const sameLetters = known.find((k) => folded(k.name) === f);
  if (sameLetters) return sameLetters;
  if ([...f].length < TYPO_MIN_LENGTH) return null;
  return known.find((k) => [...folded(k.name)].length >= TYPO_MIN_LENGTH && oneEditApart(folded(k.name), f)) ?? null;
}
