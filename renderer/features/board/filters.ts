// Board filters: text (any language: a plain case-insensitive substring, which is what
// Chinese needs, with Simplified and Traditional finding each other), finding types,
// TERMS kinds, tags, participants, participant source, a segment attribute value, and
// interviewer. Cards that do not match fade; counts follow.
import type { BoardCard } from '../../../shared/api/board';
import type { Participant } from '../../../shared/api/participants';
import type { SessionSummary } from '../../../shared/api/sessions';
import type { FindingType, PainKind, ParticipantSource, SegmentDimension } from '../../../shared/domain';
import { containsFiltered, filterForm } from '../../../shared/search/text-filter';

export interface BoardFilter {
  text: string;
  types: FindingType[];
  terms: PainKind[];
  tags: string[];
  participants: string[];
  sources: ParticipantSource[];
  interviewers: string[];
  segment: { dimension: SegmentDimension; name: string; value: string } | null;
}

export const NO_FILTER: BoardFilter = { text: '', types: [], terms: [], tags: [], participants: [], sources: [], interviewers: [], segment: null };

export function isFiltering(f: BoardFilter): boolean {
  return (
    f.text.trim() !== '' ||
    [f.types, f.terms, f.tags, f.participants, f.sources, f.interviewers].some((list) => list.length > 0) ||
    f.segment !== null
  );
}

/** Who and how, for filtering cards by their participant and interview. */
export interface FilterContext {
  participants: ReadonlyMap<string, Participant>;
  sessions: ReadonlyMap<string, SessionSummary>;
}

export function matcher(f: BoardFilter, context: FilterContext): ((card: BoardCard) => boolean) | null {
  if (!isFiltering(f)) return null;
  const text = filterForm(f.text.trim());
  return (card) => {
    const participant = card.participantId ? context.participants.get(card.participantId) : undefined;
    const session = card.sessionId ? context.sessions.get(card.sessionId) : undefined;
    return (
      containsFiltered(card.text, text) &&
      (f.types.length === 0 || f.types.includes(card.type)) &&
      (f.terms.length === 0 || f.terms.some((k) => card.terms.includes(k))) &&
      (f.tags.length === 0 || f.tags.some((tag) => card.tagIds.includes(tag))) &&
      (f.participants.length === 0 || (card.participantId !== null && f.participants.includes(card.participantId))) &&
      (f.sources.length === 0 || (participant !== undefined && f.sources.includes(participant.source))) &&
      (f.interviewers.length === 0 || (session !== undefined && f.interviewers.includes(session.interviewer))) &&
      (f.segment === null || participant?.attributes[f.segment.dimension]?.[f.segment.name] === f.segment.value)
    );
  };
}
