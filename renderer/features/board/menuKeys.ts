// Keyboard for the board's small menus (group options, image export), as in any desktop
// menu: on opening, the first item takes focus; arrows move between items (wrapping),
// Home and End jump; Escape closes and gives focus back to the button that opened it;
// Tab and Shift+Tab close it and give focus back to that button too (the menu sits at
// the end of the page, so letting Tab through would send focus to the page's top); a
// click outside closes.
import { useEffect, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from 'react';

const NEXT = new Set(['ArrowDown', 'ArrowRight']);
const PREVIOUS = new Set(['ArrowUp', 'ArrowLeft']);

export function useMenu(open: boolean, menu: RefObject<HTMLElement | null>, trigger: RefObject<HTMLElement | null>, close: () => void) {
  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !trigger.current?.contains(target)) close();
    };
    document.addEventListener('pointerdown', outside, true);
    return () => document.removeEventListener('pointerdown', outside, true);
  }, [open, menu, trigger, close]);

  return (event: ReactKeyboardEvent<HTMLElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    let next: number | null = null;
    if (NEXT.has(event.key)) next = (at + 1) % items.length;
    else if (PREVIOUS.has(event.key)) next = (at - 1 + items.length) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      // Not a board-wide Escape (which would clear the selection).
      event.stopPropagation();
      event.nativeEvent.stopImmediatePropagation();
      close();
      trigger.current?.focus();
      return;
    }
    if (next !== null && items.length) {
      event.preventDefault();
      items[next]!.focus();
    }
  };
}
