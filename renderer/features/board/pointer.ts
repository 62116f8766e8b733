// The pointer's last position, read straight from the events. dnd-kit reports moves
// after React renders them, so on a busy machine a release can arrive before the last
// move was rendered; the drop must land where the pointer was released, not where
// the board last drew it.
export interface Point {
  x: number;
  y: number;
}

let last: Point | null = null;
const record = (event: PointerEvent) => {
  last = { x: event.clientX, y: event.clientY };
};

/** Follows the pointer (capture phase, before dnd-kit's own listeners) until the returned stop. */
export function trackPointer(): () => void {
  window.addEventListener('pointermove', record, { capture: true, passive: true });
  window.addEventListener('pointerup', record, { capture: true, passive: true });
  return () => {
    window.removeEventListener('pointermove', record, { capture: true });
    window.removeEventListener('pointerup', record, { capture: true });
  };
}

export const lastPointer = (): Point | null => last;

/** The centre of the lifted card's overlay, as drawn now. */
export function overlayCentre(): Point | null {
  const rect = document.querySelector('.board-card.overlay')?.getBoundingClientRect();
  return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
}
