// The pain-point heatmap: pain-point findings counted by journey stage x TERMS kind,
// with the distinct participants behind each count. Only findings typed as pain points
// count: an influencer or an improvement idea may carry TERMS too, but it is not a
// pain. Pure, so the dashboard, its drill-down, the segment comparison and the
// exported document use the same rule and can never disagree.
import type { PainMatrix } from '../api/analysis.js';
import { PAIN_KINDS, type FindingType, type PainKind } from '../domain.js';

export interface PainFinding {
  id: string;
  participantId: string | null;
  stageId: string | null;
  type: FindingType;
  terms: readonly PainKind[];
}

/** A finding the heatmap counts at all: a pain point classified by at least one TERMS kind. */
export const isCountedPain = (f: PainFinding): boolean => f.type === 'pain_point' && f.terms.length > 0;

/** Whether a finding is counted in a cell; an omitted stage or kind means any. */
export function inPainCell(f: PainFinding, stageId: string | null | undefined, kind: PainKind | undefined): boolean {
  if (!isCountedPain(f)) return false;
  if (stageId !== undefined && f.stageId !== stageId) return false;
  return kind === undefined || f.terms.includes(kind);
}

function evidence(findings: readonly PainFinding[]): { findings: number; participants: number } {
  const participants = new Set<string>();
  for (const f of findings) if (f.participantId !== null) participants.add(f.participantId);
  return { findings: findings.length, participants: participants.size };
}

/** Rows are `stageIds` in order (include null for findings without a stage). */
export function painMatrix(findings: readonly PainFinding[], stageIds: ReadonlyArray<string | null>): PainMatrix {
  const painful = findings.filter(isCountedPain);
  const where = (stageId: string | null | undefined, kind: PainKind | undefined) => painful.filter((f) => inPainCell(f, stageId, kind));
  return {
    cells: stageIds.flatMap((stageId) => PAIN_KINDS.map((kind) => ({ stageId, kind, ...evidence(where(stageId, kind)) }))),
    byStage: stageIds.map((stageId) => ({ stageId, ...evidence(where(stageId, undefined)) })),
    byKind: PAIN_KINDS.map((kind) => ({ kind, ...evidence(where(undefined, kind)) })),
    total: evidence(painful),
  };
}
