// Keyboard dragging on the board: with a card picked up (Space), ←/→ jump to the
// previous or next column and ↑/↓ move one card up or down; Space drops, Escape
// cancels. dnd-kit's default moves 25 px a press, useless across columns.
import { KeyboardCode, type KeyboardCoordinateGetter } from '@dnd-kit/core';
import { CARD_HEIGHT, CARD_GAP } from './layout';

export const boardKeyboardCoordinates: KeyboardCoordinateGetter = (event, { currentCoordinates }) => {
  const columns = [...document.querySelectorAll<HTMLElement>('[data-drop-column]')].map((el) => el.getBoundingClientRect());
  const x = currentCoordinates.x;
  switch (event.code) {
    case KeyboardCode.Right: {
      const next = columns.find((c) => c.left > x + 20);
      return next ? { x: next.left + 12, y: currentCoordinates.y } : currentCoordinates;
    }
    case KeyboardCode.Left: {
      const previous = [...columns].reverse().find((c) => c.left < x - 20);
      return previous ? { x: previous.left + 12, y: currentCoordinates.y } : currentCoordinates;
    }
    case KeyboardCode.Down:
      return { x, y: currentCoordinates.y + CARD_HEIGHT + CARD_GAP };
    case KeyboardCode.Up:
      return { x, y: currentCoordinates.y - CARD_HEIGHT - CARD_GAP };
    default:
      return undefined;
  }
};
