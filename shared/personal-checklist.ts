// The PERSONAL checklist (DOMAIN.md section 6) computed from what the app knows about
// a persona: each letter passes or fails with a stable reason code the UI words, and
// the measure behind it. Pure, so it is unit-testable and the same everywhere.
import type { PersonalCheck, PersonalReason } from './api/personas.js';
import { PERSONA_HANDFUL, type PersonaList, type PersonalLetter } from './domain.js';

/** Sharing at least this much of its participants or evidence with another persona fails Singular. */
export const SINGULAR_MAX_OVERLAP = 0.5;
/** At least this share of the evidence should answer guide questions with keywords (Objectives). */
export const OBJECTIVES_MIN_SHARE = 0.5;

export interface CitedFinding {
  findingId: string;
  participantId: string | null;
  stageId: string | null;
  list: PersonaList;
  /** The finding answers a guide question that names its keywords up front. */
  fromKeywordQuestion: boolean;
}

export interface PersonaFacts {
  id: string;
  name: string;
  avatar: string;
  description: string;
  updatedAt: string;
  /** Participants behind the persona, withdrawn ones already left out. */
  participants: ReadonlyArray<{ id: string; consented: boolean; screenedRelevant: boolean }>;
  cited: readonly CitedFinding[];
  itemCounts: Readonly<Record<PersonaList, number>>;
}

export interface StudyPersonaFacts {
  personas: readonly PersonaFacts[];
  /** When the newest guide version was published; null before any is. */
  guidePublishedAt: string | null;
}

type Verdict = Omit<PersonalCheck, 'letter'>;

const verdict = (pass: boolean, reason: PersonalReason, extra: Partial<Verdict> = {}): Verdict => ({
  pass,
  reason,
  count: null,
  total: null,
  otherPersona: null,
  at: null,
  ...extra,
});

const distinct = <T>(values: readonly T[]) => new Set(values);

function primary(p: PersonaFacts): Verdict {
  const findings = distinct(p.cited.map((c) => c.findingId));
  const people = distinct(p.cited.flatMap((c) => (c.participantId ? [c.participantId] : [])));
  const measure = { count: people.size, total: findings.size };
  if (findings.size === 0) return verdict(false, 'no_evidence', measure);
  if (people.size < 2) return verdict(false, 'single_participant', measure);
  return verdict(true, 'ok', measure);
}

function empathy(p: PersonaFacts): Verdict {
  const consented = p.participants.filter((m) => m.consented).length;
  const measure = { count: consented, total: p.participants.length };
  if (p.avatar === '') return verdict(false, 'missing_avatar', measure);
  if (p.description.trim() === '') return verdict(false, 'missing_description', measure);
  if (consented < p.participants.length) return verdict(false, 'consent_missing', measure);
  return verdict(true, 'ok', measure);
}

function realistic(p: PersonaFacts): Verdict {
  const screened = p.participants.filter((m) => m.screenedRelevant).length;
  const measure = { count: screened, total: p.participants.length };
  if (p.participants.length === 0) return verdict(false, 'no_participants', measure);
  if (screened < p.participants.length) return verdict(false, 'not_screened', measure);
  return verdict(true, 'ok', measure);
}

/** The other persona sharing the largest part of this one's participants or evidence. */
function singular(p: PersonaFacts, all: readonly PersonaFacts[]): Verdict {
  const mine = { participants: distinct(p.participants.map((m) => m.id)), evidence: distinct(p.cited.map((c) => c.findingId)) };
  let worst: { share: number; shared: number; total: number; reason: PersonalReason; other: PersonaFacts } | null = null;
  for (const other of all) {
    if (other.id === p.id) continue;
    const theirs = { participants: distinct(other.participants.map((m) => m.id)), evidence: distinct(other.cited.map((c) => c.findingId)) };
    for (const kind of ['participants', 'evidence'] as const) {
      const total = mine[kind].size;
      const shared = [...mine[kind]].filter((x) => theirs[kind].has(x)).length;
      const share = total === 0 ? 0 : shared / total;
      if (shared > 0 && (worst === null || share > worst.share)) {
        worst = { share, shared, total, reason: kind === 'participants' ? 'overlaps_participants' : 'overlaps_evidence', other };
      }
    }
  }
  if (worst === null) return verdict(true, 'ok', { count: 0, total: mine.participants.size });
  const measure = { count: worst.shared, total: worst.total, otherPersona: { id: worst.other.id, name: worst.other.name } };
  return worst.share >= SINGULAR_MAX_OVERLAP ? verdict(false, worst.reason, measure) : verdict(true, 'ok', measure);
}

function objectives(p: PersonaFacts): Verdict {
  const findings = new Map(p.cited.map((c) => [c.findingId, c]));
  const keyworded = [...findings.values()].filter((c) => c.fromKeywordQuestion).length;
  const measure = { count: keyworded, total: findings.size };
  if (findings.size === 0) return verdict(false, 'no_evidence', measure);
  if (keyworded / findings.size < OBJECTIVES_MIN_SHARE) return verdict(false, 'few_keyword_questions', measure);
  return verdict(true, 'ok', measure);
}

function numberOf(all: readonly PersonaFacts[]): Verdict {
  const measure = { count: all.length, total: PERSONA_HANDFUL };
  return all.length > PERSONA_HANDFUL ? verdict(false, 'too_many_personas', measure) : verdict(true, 'ok', measure);
}

/** Goals and pain points (challenges) that map onto the journey: their evidence has a stage. */
function applicable(p: PersonaFacts): Verdict {
  const relevant = new Map(p.cited.filter((c) => c.list === 'goals' || c.list === 'challenges').map((c) => [c.findingId, c]));
  const staged = [...relevant.values()].filter((c) => c.stageId !== null).length;
  const measure = { count: staged, total: relevant.size };
  if (p.itemCounts.goals === 0) return verdict(false, 'missing_goals', measure);
  if (p.itemCounts.challenges === 0) return verdict(false, 'missing_challenges', measure);
  if (staged === 0) return verdict(false, 'not_on_journey', measure);
  return verdict(true, 'ok', measure);
}

/** Still current: reviewed since the guide's newest version was published. */
function longLived(p: PersonaFacts, guidePublishedAt: string | null): Verdict {
  const at = { at: p.updatedAt };
  if (guidePublishedAt === null) return verdict(false, 'no_published_guide', at);
  if (p.updatedAt < guidePublishedAt) return verdict(false, 'older_than_guide', at);
  return verdict(true, 'ok', at);
}

export function personalChecklist(p: PersonaFacts, study: StudyPersonaFacts): PersonalCheck[] {
  const checks: Record<PersonalLetter, Verdict> = {
    P: primary(p),
    E: empathy(p),
    R: realistic(p),
    S: singular(p, study.personas),
    O: objectives(p),
    N: numberOf(study.personas),
    A: applicable(p),
    L: longLived(p, study.guidePublishedAt),
  };
  return (Object.entries(checks) as Array<[PersonalLetter, Verdict]>).map(([letter, v]) => ({ letter, ...v }));
}
