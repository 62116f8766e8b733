// One dnd-kit draggable for all the board's cards. dnd-kit re-renders every component
// that calls useDraggable each time the drag state changes (pick-up, each new drop
// target, the drop), whatever React.memo says: with a hook per card in view that was
// every mounted card, twice at pick-up and twice at the drop, on a 5,000-card board the
// bulk of those frames. Here a single draggable is pointed at a card just before dnd-kit
// sees the press or key that may start dragging it, so the cards themselves render only
// when they change (the lifted card, the moved one).
import { useDraggable } from '@dnd-kit/core';
import { createContext, useContext, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';

export interface CardDrag {
  /** A card's pointer-down and key-down: dnd-kit decides whether they start dragging it. */
  onPointerDown(cardId: string, event: PointerEvent<HTMLElement>): void;
  onKeyDown(cardId: string, event: KeyboardEvent<HTMLElement>): void;
  /**
   * A card's element as it mounts. A card moved to another column is a new element;
   * dnd-kit gives keyboard focus back to the draggable's element after a drop.
   */
  mounted(cardId: string, element: HTMLElement): void;
  /** The id of dnd-kit's screen-reader instructions, which every card points to. */
  describedBy: string | undefined;
}

// Registered while no card is armed; no element, so nothing can start from it.
const NO_CARD = 'card:none';
const CARD_DATA = { kind: 'card' };

const CardDragContext = createContext<CardDrag | null>(null);

export function useCardDrag(): CardDrag {
  const drag = useContext(CardDragContext);
  if (!drag) throw new Error('useCardDrag outside CardDragSource');
  return drag;
}

// The card being dragged, outside React state: each card reads whether it is the one,
// so a pick-up or a drop renders that card alone.
let lifted: string | null = null;
const watchers = new Set<() => void>();
function setLifted(cardId: string | null): void {
  if (cardId === lifted) return;
  lifted = cardId;
  for (const watcher of watchers) watcher();
}
const watchLifted = (watcher: () => void) => {
  watchers.add(watcher);
  return () => void watchers.delete(watcher);
};

/** Whether this card is the one being dragged (drawn faded, its overlay follows the pointer). */
export function useLifted(cardId: string): boolean {
  return useSyncExternalStore(watchLifted, () => lifted === cardId);
}

/** Holds the shared draggable; must sit inside DndContext and around every card. */
export function CardDragSource({ children }: { children: ReactNode }) {
  const [armed, setArmed] = useState<string | null>(null);
  const { attributes, listeners, setNodeRef, isDragging, activatorEvent, node } = useDraggable({ id: armed ?? NO_CARD, data: CARD_DATA });
  // The listeners bound to the armed card, current as soon as arming has rendered.
  const latest = useRef(listeners);
  useLayoutEffect(() => {
    latest.current = listeners;
  }, [listeners]);
  useLayoutEffect(() => setLifted(isDragging ? armed : null), [isDragging, armed]);
  // A board left in the middle of a drag must not leave the next one believing a card is up.
  useLayoutEffect(() => () => setLifted(null), []);
  // A card picked up with the pointer gives up the focus the press gave it: when the drop
  // moves it to another column its element is removed, and removing the focused element
  // cost that frame 3-4 ms (the focus was lost with it anyway). Picked up by keyboard, the
  // card keeps the focus, and dnd-kit gives it back to the card in its new place.
  useLayoutEffect(() => {
    const card = node.current;
    if (isDragging && activatorEvent instanceof PointerEvent && card?.contains(document.activeElement)) card.blur();
  }, [isDragging, activatorEvent, node]);
  const armedRef = useRef(armed);
  useLayoutEffect(() => {
    armedRef.current = armed;
  }, [armed]);

  const describedBy = attributes['aria-describedby'];
  const drag = useMemo<CardDrag>(() => {
    // Points the draggable at this card, rendered at once so dnd-kit sees the press as the
    // card's. Never while a drag is on: that would swap the dragged card's identity.
    const arm = (cardId: string, element: HTMLElement) => {
      if (lifted !== null) return;
      setNodeRef(element);
      if (armedRef.current !== cardId) flushSync(() => setArmed(cardId));
    };
    return {
      onPointerDown: (cardId, event) => {
        arm(cardId, event.currentTarget);
        latest.current?.onPointerDown?.(event);
      },
      onKeyDown: (cardId, event) => {
        arm(cardId, event.currentTarget);
        latest.current?.onKeyDown?.(event);
      },
      mounted: (cardId, element) => {
        if (armedRef.current === cardId) setNodeRef(element);
      },
      describedBy,
    };
  }, [setNodeRef, describedBy]);

  return <CardDragContext.Provider value={drag}>{children}</CardDragContext.Provider>;
}
