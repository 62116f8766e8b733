// The PERSONAL checklist as a pure function of what is known about the personas.
import { describe, expect, it } from 'vitest';
import { PERSONA_LISTS } from '../../shared/domain.js';
import { personalChecklist, type PersonaFacts } from '../../shared/personal-checklist.js';

const counts = Object.fromEntries(PERSONA_LISTS.map((l) => [l, 1])) as PersonaFacts['itemCounts'];

function persona(id: string, participants: string[], cited: string[] = []): PersonaFacts {
  return {
    id,
    name: id,
    avatar: 'generated:blue',
    description: 'd',
    updatedAt: '2026-02-01T00:00:00.000Z',
    participants: participants.map((p) => ({ id: p, consented: true, screenedRelevant: true })),
    cited: cited.map((f, i) => ({ findingId: f, participantId: participants[i % participants.length] ?? null, stageId: 's', list: 'challenges', fromKeywordQuestion: true })),
    itemCounts: counts,
  };
}

const verdict = (p: PersonaFacts, all: PersonaFacts[], letter: string, guide: string | null = '2026-01-01T00:00:00.000Z') =>
  personalChecklist(p, { personas: all, guidePublishedAt: guide }).find((c) => c.letter === letter)!;

describe('PERSONAL checklist', () => {
  it('passes every letter for a well-evidenced persona of its own', () => {
    const p = persona('a', ['p1', 'p2'], ['f1', 'f2']);
    expect(personalChecklist(p, { personas: [p], guidePublishedAt: '2026-01-01T00:00:00.000Z' }).every((c) => c.pass)).toBe(true);
  });

  it('fails Singular from half of the participants or evidence shared with another persona', () => {
    const a = persona('a', ['p1', 'p2', 'p3', 'p4'], ['f1', 'f2', 'f3']);
    const b = persona('b', ['p1', 'p9'], ['f7']);
    expect(verdict(a, [a, b], 'S')).toMatchObject({ pass: true, count: 1, total: 4, otherPersona: { id: 'b' } });
    expect(verdict(b, [a, b], 'S')).toMatchObject({ pass: false, reason: 'overlaps_participants', count: 1, total: 2 });
    const c = persona('c', ['p8'], ['f1', 'f2']);
    expect(verdict(c, [a, c], 'S')).toMatchObject({ pass: false, reason: 'overlaps_evidence', count: 2, total: 2, otherPersona: { id: 'a' } });
  });

  it('fails Objectives when most evidence answers questions without keywords', () => {
    const p = persona('a', ['p1', 'p2'], ['f1', 'f2', 'f3']);
    const loose = { ...p, cited: p.cited.map((c, i) => ({ ...c, fromKeywordQuestion: i === 0 })) };
    expect(verdict(loose, [loose], 'O')).toMatchObject({ pass: false, reason: 'few_keyword_questions', count: 1, total: 3 });
  });

  it('fails Applicable when no goal or challenge evidence sits on a journey stage', () => {
    const p = persona('a', ['p1', 'p2'], ['f1']);
    const unstaged = { ...p, cited: p.cited.map((c) => ({ ...c, stageId: null })) };
    expect(verdict(unstaged, [unstaged], 'A')).toMatchObject({ pass: false, reason: 'not_on_journey', count: 0, total: 1 });
  });

  it('fails Long-lived before any guide is published and when the guide changed since', () => {
    const p = persona('a', ['p1'], []);
    expect(verdict(p, [p], 'L', null)).toMatchObject({ pass: false, reason: 'no_published_guide' });
    expect(verdict(p, [p], 'L', '2026-03-01T00:00:00.000Z')).toMatchObject({ pass: false, reason: 'older_than_guide', at: p.updatedAt });
  });
});
