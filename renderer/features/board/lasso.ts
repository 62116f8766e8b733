// Lasso selection: press on empty board space and drag a rectangle; the cards it
// touches become the selection (Shift or Ctrl adds to it). The rectangle is drawn by
// moving one element directly, so dragging it re-renders nothing.
import { useEffect, type RefObject } from 'react';

/** Drags shorter than this are clicks on empty space, not a lasso. */
const MIN_SIZE = 6;

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export const intersects = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Where a lasso may start: on the board's empty space, not on a card, control or scrollbar. */
function startsLasso(event: PointerEvent, board: HTMLElement): boolean {
  const target = event.target as HTMLElement | null;
  if (event.button !== 0 || !target || !board.contains(target)) return false;
  if (target.closest('[data-card], button, input, select, textarea, a, .group-head, .group-menu')) return false;
  // A press on a scrollbar lands on the scroller itself, outside its client area.
  const scroller = target.closest<HTMLElement>('.board-column-body');
  if (scroller && event.clientX - scroller.getBoundingClientRect().left > scroller.clientWidth) return false;
  return true;
}

/** `board` is the element itself (state, not a ref): it mounts only once the board's data has loaded. */
export function useLasso(board: HTMLElement | null, box: RefObject<HTMLElement | null>, onSelect: (ids: string[], additive: boolean) => void) {
  useEffect(() => {
    const root = board;
    if (!root) return;
    let origin: { x: number; y: number } | null = null;
    let rect: Rect | null = null;
    const draw = (r: Rect | null) => {
      const el = box.current;
      if (!el) return;
      el.hidden = !r;
      if (r) Object.assign(el.style, { left: `${r.left}px`, top: `${r.top}px`, width: `${r.right - r.left}px`, height: `${r.bottom - r.top}px` });
    };
    const onDown = (event: PointerEvent) => {
      if (!startsLasso(event, root)) return;
      origin = { x: event.clientX, y: event.clientY };
      rect = null;
    };
    const onMove = (event: PointerEvent) => {
      if (!origin) return;
      const next = {
        left: Math.min(origin.x, event.clientX),
        top: Math.min(origin.y, event.clientY),
        right: Math.max(origin.x, event.clientX),
        bottom: Math.max(origin.y, event.clientY),
      };
      if (!rect && next.right - next.left < MIN_SIZE && next.bottom - next.top < MIN_SIZE) return;
      rect = next;
      event.preventDefault(); // no text selection while lassoing
      draw(rect);
    };
    const onUp = (event: PointerEvent) => {
      if (origin && rect) {
        const area = rect;
        const ids = [...root.querySelectorAll<HTMLElement>('[data-card]')]
          .filter((card) => !card.classList.contains('dimmed') && intersects(area, card.getBoundingClientRect()))
          .map((card) => card.dataset.card!);
        onSelect(ids, event.shiftKey || event.ctrlKey || event.metaKey);
      }
      origin = null;
      rect = null;
      draw(null);
    };
    root.addEventListener('pointerdown', onDown);
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
    return () => {
      root.removeEventListener('pointerdown', onDown);
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
    };
  }, [board, box, onSelect]);
}
