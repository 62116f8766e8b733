// One card on the board: the finding's text (clamped so its height is known), the
// participant, its type and TERMS. Memoised, and with no dnd-kit hook of its own (the
// board's one draggable is pointed at it when pressed, see cardDrag.tsx): a drag
// renders only the card picked up and, at the drop, the card moved.
import { memo, useCallback } from 'react';
import type { BoardCard } from '../../../shared/api/board';
import { CARD_HEIGHT } from './layout';
import type { SelectMode } from './selection';
import { useCardDrag, useLifted } from './cardDrag';

/** The card above or below in the same column, in layout order (cards mount in that order). */
function neighbour(card: HTMLElement, step: 1 | -1): HTMLElement | null {
  const cards = [...(card.parentElement?.querySelectorAll<HTMLElement>(':scope > [data-card]') ?? [])];
  return cards[cards.indexOf(card) + step] ?? null;
}

interface Props {
  card: BoardCard;
  /** The type's label, translated once per column rather than per card. */
  typeLabel: string;
  /** What each TERMS letter means ("T Time"), translated once per column. */
  termsLabels: Readonly<Record<string, string>>;
  top: number;
  selected: boolean;
  dimmed: boolean;
  onSelect: (id: string, mode: SelectMode) => void;
  onOpen: (id: string) => void;
}

/** The card's content, memoised apart from the wrapper, which changes as the card is selected or picked up. */
const CardBody = memo(function CardBody({ card, typeLabel, termsLabels }: { card: BoardCard; typeLabel: string; termsLabels: Readonly<Record<string, string>> }) {
  return (
    <>
      <p className="board-card-text">{card.text}</p>
      <div className="board-card-meta">
        <span className="board-card-type">{typeLabel}</span>
        {card.participantCode && <span className="mono">{card.participantCode}</span>}
        {card.terms.map((k) => (
          <span key={k} className={`terms-chip small terms-${k}`} title={termsLabels[k]} aria-label={termsLabels[k]}>
            {k}
          </span>
        ))}
      </div>
    </>
  );
});

export const BoardCardView = memo(function BoardCardView({ card, typeLabel, termsLabels, top, selected, dimmed, onSelect, onOpen }: Props) {
  const drag = useCardDrag();
  const lifted = useLifted(card.id);
  const { id } = card;
  const mounted = useCallback((element: HTMLDivElement | null) => {
    if (element) drag.mounted(id, element);
  }, [drag, id]);
  return (
    <div
      ref={mounted}
      className={`board-card type-${card.type}${selected ? ' selected' : ''}${dimmed ? ' dimmed' : ''}${lifted ? ' lifted' : ''}`}
      style={{ transform: `translate(0, ${top}px)`, height: CARD_HEIGHT }}
      data-card={id}
      data-group-id={card.groupId ?? ''}
      aria-selected={selected}
      // What dnd-kit's useDraggable would give a draggable button.
      role="button"
      tabIndex={0}
      aria-disabled={false}
      aria-pressed={lifted || undefined}
      aria-roledescription="draggable"
      aria-describedby={drag.describedBy}
      onPointerDown={(event) => drag.onPointerDown(id, event)}
      onClick={(event) => onSelect(id, event.shiftKey || event.ctrlKey || event.metaKey ? 'toggle' : 'one')}
      onDoubleClick={() => onOpen(id)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onOpen(id);
        else if (event.code === 'Space' && (event.ctrlKey || event.metaKey || event.shiftKey)) {
          // Ctrl/Shift+Space selects instead of picking the card up.
          event.preventDefault();
          onSelect(id, 'toggle');
        } else if (!lifted && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
          event.preventDefault();
          const next = neighbour(event.currentTarget, event.key === 'ArrowDown' ? 1 : -1);
          if (next) {
            next.focus();
            next.scrollIntoView({ block: 'nearest' });
            if (event.shiftKey) onSelect(next.dataset.card!, 'add');
          }
        } else drag.onKeyDown(id, event);
      }}
    >
      <CardBody card={card} typeLabel={typeLabel} termsLabels={termsLabels} />
    </div>
  );
});
