// One card on the board: the finding's text (clamped so its height is known), the
// participant, its type and TERMS. Memoised: during a drag only the dragged card and
// the drop target change.
import { useDraggable } from '@dnd-kit/core';
import { memo } from 'react';
import type { BoardCard } from '../../../shared/api/board';
import { CARD_HEIGHT } from './layout';
import type { SelectMode } from './selection';

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

/** The card's content, memoised apart from the draggable wrapper that dnd-kit re-renders. */
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
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: card.id, data: { kind: 'card' } });
  return (
    <div
      ref={setNodeRef}
      className={`board-card type-${card.type}${selected ? ' selected' : ''}${dimmed ? ' dimmed' : ''}${isDragging ? ' lifted' : ''}`}
      style={{ transform: `translate(0, ${top}px)`, height: CARD_HEIGHT }}
      data-card={card.id}
      data-group-id={card.groupId ?? ''}
      aria-selected={selected}
      {...attributes}
      {...listeners}
      onClick={(event) => onSelect(card.id, event.shiftKey || event.ctrlKey || event.metaKey ? 'toggle' : 'one')}
      onDoubleClick={() => onOpen(card.id)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onOpen(card.id);
        else if (event.code === 'Space' && (event.ctrlKey || event.metaKey || event.shiftKey)) {
          // Ctrl/Shift+Space selects instead of picking the card up.
          event.preventDefault();
          onSelect(card.id, 'toggle');
        } else if (!isDragging && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
          event.preventDefault();
          const next = neighbour(event.currentTarget, event.key === 'ArrowDown' ? 1 : -1);
          if (next) {
            next.focus();
            next.scrollIntoView({ block: 'nearest' });
            if (event.shiftKey) onSelect(next.dataset.card!, 'add');
          }
        } else listeners?.onKeyDown?.(event);
      }}
    >
      <CardBody card={card} typeLabel={typeLabel} termsLabels={termsLabels} />
    </div>
  );
});
