// Column layout of the board as a running sum of known heights: cards are clamped to
// a fixed height, so every card's and group's place is known without measuring the
// DOM. That is what lets a column mount only the cards in view (windowing) while
// every group box stays in place as a drop target.
import type { BoardCard, BoardGroup } from '../../../shared/api/board';

export const CARD_HEIGHT = 92;
export const CARD_GAP = 8;
export const GROUP_HEADER = 38;
export const GROUP_PADDING = 8;
export const GROUP_GAP = 14;
export const COLUMN_PADDING = 10;

export interface PlacedCard {
  card: BoardCard;
  top: number;
}

export interface PlacedGroup {
  group: BoardGroup;
  top: number;
  height: number;
  count: number;
}

export interface ColumnLayout {
  groups: PlacedGroup[];
  cards: PlacedCard[];
  height: number;
}

const byPosition = <T extends { position: string; id: string }>(a: T, b: T) =>
  a.position < b.position ? -1 : a.position > b.position ? 1 : a.id < b.id ? -1 : 1;

/** Lays out one column: its groups in order (each with its cards), then its loose cards. */
export function layoutColumn(groups: readonly BoardGroup[], cards: readonly BoardCard[]): ColumnLayout {
  const placedGroups: PlacedGroup[] = [];
  const placedCards: PlacedCard[] = [];
  const inGroup = new Map<string, BoardCard[]>();
  const loose: BoardCard[] = [];
  for (const card of cards) {
    if (card.groupId) {
      const list = inGroup.get(card.groupId) ?? [];
      list.push(card);
      inGroup.set(card.groupId, list);
    } else loose.push(card);
  }
  let y = COLUMN_PADDING;
  for (const group of [...groups].sort(byPosition)) {
    const members = (inGroup.get(group.id) ?? []).sort(byPosition);
    const top = y;
    let inner = top + GROUP_HEADER;
    if (!group.collapsed) {
      for (const card of members) {
        placedCards.push({ card, top: inner });
        inner += CARD_HEIGHT + CARD_GAP;
      }
    }
    const height = inner - top + GROUP_PADDING;
    placedGroups.push({ group, top, height, count: members.length });
    y = top + height + GROUP_GAP;
  }
  for (const card of loose.sort(byPosition)) {
    placedCards.push({ card, top: y });
    y += CARD_HEIGHT + CARD_GAP;
  }
  return { groups: placedGroups, cards: placedCards, height: y + COLUMN_PADDING + CARD_HEIGHT };
}

/** The cards whose box meets the visible band [from, to] (binary search on tops). */
export function visibleCards(cards: readonly PlacedCard[], from: number, to: number): PlacedCard[] {
  let lo = 0;
  let hi = cards.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cards[mid]!.top + CARD_HEIGHT < from) lo = mid + 1;
    else hi = mid;
  }
  const out: PlacedCard[] = [];
  for (let i = lo; i < cards.length && cards[i]!.top <= to; i++) out.push(cards[i]!);
  return out;
}
