// Board filters: text (any language: a plain case-insensitive substring, which is what
// Chinese needs), finding types, TERMS kinds and participants. Cards that do not
// match fade; counts follow.
import type { BoardCard } from '../../../shared/api/board';
import type { FindingType, PainKind } from '../../../shared/domain';

export interface BoardFilter {
  text: string;
  types: FindingType[];
  terms: PainKind[];
  participants: string[];
}

export const NO_FILTER: BoardFilter = { text: '', types: [], terms: [], participants: [] };

export function isFiltering(f: BoardFilter): boolean {
  return f.text.trim() !== '' || f.types.length > 0 || f.terms.length > 0 || f.participants.length > 0;
}

export function matcher(f: BoardFilter): ((card: BoardCard) => boolean) | null {
  if (!isFiltering(f)) return null;
  const text = f.text.trim().toLocaleLowerCase();
  return (card) =>
    (!text || card.text.toLocaleLowerCase().includes(text)) &&
    (f.types.length === 0 || f.types.includes(card.type)) &&
    (f.terms.length === 0 || f.terms.some((k) => card.terms.includes(k))) &&
    (f.participants.length === 0 || (card.participantId !== null && f.participants.includes(card.participantId)));
}
