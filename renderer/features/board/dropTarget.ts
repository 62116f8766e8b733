// Where a drop lands, read from the element under the pointer, not from dnd-kit's
// per-item measurements: only columns are registered with dnd-kit, so starting a
// drag measures a handful of rectangles instead of thousands.
import type { CollisionDetection } from '@dnd-kit/core';

export type DropTarget =
  | { kind: 'theme'; themeId: string }
  | { kind: 'card'; cardId: string; groupId: string | null; stageId: string | null }
  | { kind: 'group'; groupId: string; stageId: string | null }
  | { kind: 'column'; stageId: string | null };

export function targetAt(x: number, y: number): DropTarget | null {
  const element = document.elementFromPoint(x, y);
  const theme = element?.closest<HTMLElement>('[data-theme]');
  if (theme) return { kind: 'theme', themeId: theme.dataset.theme! };
  const column = element?.closest<HTMLElement>('[data-drop-column]');
  if (!element || !column) return null;
  const stageId = column.dataset.dropColumn || null;
  const card = element.closest<HTMLElement>('[data-card]');
  if (card && !card.classList.contains('lifted')) {
    return { kind: 'card', cardId: card.dataset.card!, groupId: card.dataset.groupId || null, stageId };
  }
  const group = element.closest<HTMLElement>('[data-group]');
  if (group) return { kind: 'group', groupId: group.dataset.group!, stageId };
  return { kind: 'column', stageId };
}

/** dnd-kit collision detection by hit-testing: the column under the point, if any. */
export const columnUnderPoint: CollisionDetection = ({ pointerCoordinates, collisionRect, droppableContainers }) => {
  const point = pointerCoordinates ?? { x: collisionRect.left + collisionRect.width / 2, y: collisionRect.top + collisionRect.height / 2 };
  const column = document.elementFromPoint(point.x, point.y)?.closest<HTMLElement>('[data-drop-column]');
  if (!column) return [];
  const id = `column:${column.dataset.dropColumn ?? ''}`;
  const container = droppableContainers.find((c) => c.id === id);
  return container ? [{ id, data: { droppableContainer: container, value: 0 } }] : [];
};

let highlighted: Element | null = null;

/** Marks the drop target with a class, outside React, so hovering re-renders nothing. */
export function highlight(target: DropTarget | null): void {
  const next =
    target?.kind === 'theme'
      ? document.querySelector(`[data-theme="${target.themeId}"]`)
      : target?.kind === 'card'
      ? document.querySelector(`[data-card="${target.cardId}"]`)
      : target?.kind === 'group'
        ? document.querySelector(`[data-group="${target.groupId}"]`)
        : target
          ? document.querySelector(`[data-drop-column="${target.stageId ?? ''}"]`)
          : null;
  if (next === highlighted) return;
  highlighted?.classList.remove('drop-target');
  next?.classList.add('drop-target');
  highlighted = next;
}
