// Arriving on the board for one item (from search): a card opens with its evidence
// and is scrolled into its column's view; a group or theme is scrolled to and marked.
import { useEffect, useRef } from 'react';
import type { Board } from '../../../shared/api/board';
import { CARD_HEIGHT, layoutColumn } from './layout';

export function useBoardFocus(focusId: string | undefined, board: Board | undefined, openCard: (id: string) => void) {
  const done = useRef<string | null>(null);
  useEffect(() => {
    if (!focusId || !board || done.current === focusId) return;
    done.current = focusId;
    const card = board.cards.find((c) => c.id === focusId);
    const group = card ? null : board.groups.find((g) => g.id === focusId);
    const stageId = card?.stageId ?? group?.stageId ?? null;
    if (card) openCard(card.id);
    if (!card && !group) return;
    // The column mounts only what is in view: scroll it to the item's known place first.
    requestAnimationFrame(() => {
      const body = document.querySelector<HTMLElement>(`[data-drop-column="${stageId ?? ''}"]`);
      if (!body) return;
      const layout = layoutColumn(
        board.groups.filter((g) => g.stageId === stageId),
        board.cards.filter((c) => c.stageId === stageId),
      );
      const top = card ? layout.cards.find((p) => p.card.id === card.id)?.top : layout.groups.find((p) => p.group.id === group!.id)?.top;
      if (top !== undefined) body.scrollTop = Math.max(0, top - (body.clientHeight - CARD_HEIGHT) / 2);
      body.closest('.board-column')?.scrollIntoView({ inline: 'center', block: 'nearest' });
      setTimeout(() => {
        const element = document.querySelector(card ? `[data-card="${card.id}"]` : `[data-group="${group!.id}"]`);
        element?.classList.add('search-focus');
        setTimeout(() => element?.classList.remove('search-focus'), 4000);
      }, 120);
    });
  }, [focusId, board, openCard]);
}
