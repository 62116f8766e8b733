// One column of the board (a journey stage, or Unsorted). It scrolls on its own and
// mounts only the cards near the visible band; group boxes are always in place, at
// full height, so a drop lands in the right group even where no card is mounted.
import { useDroppable } from '@dnd-kit/core';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { FINDING_TYPES, PAIN_KINDS } from '../../../shared/domain';
import { useTranslation } from 'react-i18next';
import type { BoardCard, BoardGroup } from '../../../shared/api/board';
import { BoardCardView } from './BoardCardView';
import { GroupBox } from './GroupBox';
import { GROUP_HEADER, layoutColumn, visibleCards } from './layout';
import type { SelectMode } from './selection';

const OVERSCAN = 240;

interface Props {
  columnId: string; // a stage id, or '' for Unsorted
  title: string;
  groups: readonly BoardGroup[];
  cards: readonly BoardCard[];
  selected: ReadonlySet<string>;
  matches: ((card: BoardCard) => boolean) | null;
  onSelect: (id: string, mode: SelectMode) => void;
  onOpen: (id: string) => void;
}

const sameItems = <T,>(a: readonly T[], b: readonly T[]) => a === b || (a.length === b.length && a.every((item, i) => item === b[i]));

/**
 * Re-render a column only when its own cards or groups changed (the query cache keeps
 * unchanged cards as the same objects), so a move touches two columns, not all.
 */
function sameColumn(a: Props, b: Props): boolean {
  return (
    a.columnId === b.columnId &&
    a.title === b.title &&
    a.selected === b.selected &&
    a.matches === b.matches &&
    a.onSelect === b.onSelect &&
    a.onOpen === b.onOpen &&
    sameItems(a.cards, b.cards) &&
    sameItems(a.groups, b.groups)
  );
}

/**
 * Registers the column with dnd-kit as a drop target. A component of its own that draws
 * nothing: dnd-kit re-renders every useDroppable's component on each change of the drag
 * state, and the column itself is costly to render (a few dozen group boxes).
 *
 * dnd-kit is given the canvas inside the scrolling body, not the body. It auto-scrolls the
 * scroll containers around the drop target (between columns, around the picked-up card),
 * pairing them by index with rectangles it may measure some frames later. Seen from the
 * body they were [board]; from a card, [body, board]: a stale pairing gave the board a
 * column's rectangle and scrolled it sideways under the drag. From the canvas they are
 * [body, board] too; and the column under the pointer now scrolls near its ends.
 */
const ColumnDropTarget = memo(function ColumnDropTarget({ columnId, canvas }: { columnId: string; canvas: RefObject<HTMLDivElement | null> }) {
  const { setNodeRef } = useDroppable({ id: `column:${columnId}`, data: { kind: 'column', stageId: columnId || null } });
  // After the commit, when the canvas's ref is set (a child's effects run before its parent's refs).
  useEffect(() => setNodeRef(canvas.current), [setNodeRef, canvas]);
  return null;
});

export const BoardColumn = memo(function BoardColumn({ columnId, title, groups, cards, selected, matches, onSelect, onOpen }: Props) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement | null>(null);
  const canvas = useRef<HTMLDivElement | null>(null);
  const [band, setBand] = useState({ top: 0, height: 900 });
  const layout = useMemo(() => layoutColumn(groups, cards), [groups, cards]);
  const typeLabels = useMemo(() => Object.fromEntries(FINDING_TYPES.map((type) => [type, t(`findingTypes.${type}.name`)])), [t]);
  const termsLabels = useMemo(() => Object.fromEntries(PAIN_KINDS.map((k) => [k, t('board.termsChip', { letter: k, name: t(`terms.${k}.name`) })])), [t]);
  const from = band.top - OVERSCAN;
  const to = band.top + band.height + OVERSCAN;
  const shown = visibleCards(layout.cards, from, to);
  const count = matches ? cards.filter(matches).length : cards.length;

  const measure = useCallback(() => {
    const el = scroller.current;
    if (el) setBand({ top: el.scrollTop, height: el.clientHeight });
  }, []);
  useEffect(() => {
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [measure]);
  const frame = useRef(0);
  const onScroll = () => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(measure);
  };

  return (
    <section className="board-column" aria-label={title} data-column={columnId}>
      <header className="board-column-head">
        <h2>{title}</h2>
        <span className="muted">{matches ? t('board.countOf', { shown: count, total: cards.length }) : count}</span>
      </header>
      <div
        className="board-column-body"
        ref={scroller}
        onScroll={onScroll}
        data-drop-column={columnId}
      >
        <div className="board-column-canvas" ref={canvas} style={{ height: layout.height }}>
          {layout.groups.map((placed) => (
            <GroupBox
              key={placed.group.id}
              group={placed.group}
              top={placed.top}
              height={placed.height}
              count={placed.count}
              inView={placed.top + GROUP_HEADER >= from && placed.top <= to}
            />
          ))}
          {shown.map(({ card, top }) => (
            <BoardCardView
              key={card.id}
              card={card}
              typeLabel={typeLabels[card.type] ?? card.type}
              termsLabels={termsLabels}
              top={top}
              selected={selected.has(card.id)}
              dimmed={matches ? !matches(card) : false}
              onSelect={onSelect}
              onOpen={onOpen}
            />
          ))}
        </div>
      </div>
      <ColumnDropTarget columnId={columnId} canvas={canvas} />
    </section>
  );
}, sameColumn);
