// Segment attribute names in use, and the near-misses the participant form warns about.
import { describe, expect, it } from 'vitest';
import { knownAttributes, nearAttribute } from '../../shared/attribute-names.js';

const known = knownAttributes([
  { attributes: { geographic: { city: 'Shanghai' }, behavioural: { budget: 'RMB 200k' } } },
  { attributes: { geographic: { city: 'Beijing', region: 'North' }, demographic: { 年龄: '35-44' } } },
]);

describe('segment attribute names', () => {
  it('lists each name in use once per dimension, in the order first used', () => {
    expect(known).toEqual([
      { dimension: 'geographic', name: 'city' },
      { dimension: 'behavioural', name: 'budget' },
      { dimension: 'geographic', name: 'region' },
      { dimension: 'demographic', name: '年龄' },
    ]);
  });

  it('finds the name in use that a new name differs from by case, width, spacing or one letter', () => {
    expect(nearAttribute('City', 'geographic', known)).toEqual({ dimension: 'geographic', name: 'city' });
    expect(nearAttribute('ｃｉｔｙ ', 'geographic', known)?.name).toBe('city');
    expect(nearAttribute('budjet', 'behavioural', known)?.name).toBe('budget');
    expect(nearAttribute('budgets', 'behavioural', known)?.name).toBe('budget');
    expect(nearAttribute('regions', 'geographic', known)?.name).toBe('region');
  });

  it('points at a name in use under another dimension', () => {
    expect(nearAttribute('budget', 'needs', known)).toEqual({ dimension: 'behavioural', name: 'budget' });
  });

  it('says nothing for a name in use in its dimension, an empty name, or a genuinely new one', () => {
    expect(nearAttribute('city', 'geographic', known)).toBeNull();
    expect(nearAttribute('  ', 'geographic', known)).toBeNull();
    expect(nearAttribute('income band', 'demographic', known)).toBeNull();
    // Short names one character apart are different words (年龄 / 年级).
    expect(nearAttribute('年级', 'demographic', known)).toBeNull();
  });
});
