// Where a small menu opens next to the button that opened it: below the button, right
// edges aligned; above it when the window has no room below (a group near the bottom);
// and always kept inside the window, so every item can be reached.

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const GAP = 4;
const MARGIN = 8;

export function placeMenu(button: Rect, menu: { width: number; height: number }, view: { width: number; height: number }): { left: number; top: number } {
  const below = button.bottom + GAP;
  const above = button.top - GAP - menu.height;
  const fitsBelow = below + menu.height <= view.height - MARGIN;
  const top = fitsBelow || above < MARGIN ? Math.min(below, view.height - MARGIN - menu.height) : above;
  const left = Math.min(button.right - menu.width, view.width - MARGIN - menu.width);
  return { left: Math.max(MARGIN, left), top: Math.max(MARGIN, top) };
}
