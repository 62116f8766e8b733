// Applies a card move to the cached board at once, the way the core will, so the
// board answers the drop in the same frame; the core's answer then replaces it.
import { generateNKeysBetween } from 'fractional-indexing';
import type { Board } from '../../../shared/api/board';

export function moveLocally(board: Board, ids: readonly string[], stageId: string | null, groupId: string | null, beforeId: string | null): Board {
  const group = groupId ? board.groups.find((g) => g.id === groupId) : undefined;
  const column = group ? group.stageId : stageId;
  const siblings = board.cards
    .filter((c) => c.stageId === column && c.groupId === groupId && !ids.includes(c.id))
    .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  const index = beforeId ? siblings.findIndex((c) => c.id === beforeId) : siblings.length;
  const at = index < 0 ? siblings.length : index;
  const keys = generateNKeysBetween(siblings[at - 1]?.position ?? null, siblings[at]?.position ?? null, ids.length);
  const next = new Map(ids.map((id, i) => [id, keys[i]!]));
  return {
    ...board,
    cards: board.cards.map((c) => (next.has(c.id) ? { ...c, stageId: column, groupId, position: next.get(c.id)! } : c)),
  };
}
