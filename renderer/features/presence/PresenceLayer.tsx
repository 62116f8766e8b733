// The others on the board: their pointers (drawn where the card, group, theme or column
// they point at is on this screen, since screens differ), a ring in their colour around
// what they have selected, and "moved by" on the cards they are dragging. Cards are
// marked on the page directly, not re-rendered: a board has thousands of them.
import { useEffect, useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardAnchor, BoardPresence } from '../../../shared/api/team';

const SELECTOR: Record<BoardAnchor['kind'], string> = {
  card: 'data-card',
  group: 'data-group',
  theme: 'data-theme',
  column: 'data-drop-column',
};

function elementOf(anchor: BoardAnchor): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[${SELECTOR[anchor.kind]}="${CSS.escape(anchor.id)}"]`);
}

/** Redraws on every scroll and resize (once per frame), so pointers follow what they point at. */
function useLayoutTick(): void {
  const [, tick] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    let frame = 0;
    const again = () => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), tick()));
    };
    document.addEventListener('scroll', again, true);
    window.addEventListener('resize', again);
    return () => {
      document.removeEventListener('scroll', again, true);
      window.removeEventListener('resize', again);
      cancelAnimationFrame(frame);
    };
  }, []);
}

/** Marks the cards others drag or selected, and unmarks them when that changes. */
function useCardMarks(others: readonly BoardPresence[], movedBy: (name: string) => string): void {
  useEffect(() => {
    const marked: HTMLElement[] = [];
    for (const person of others) {
      for (const id of person.selection) {
        const el = document.querySelector<HTMLElement>(`[data-card="${CSS.escape(id)}"]`);
        if (!el) continue;
        el.dataset.remoteSelected = person.name;
        el.style.setProperty('--remote-colour', person.color);
        marked.push(el);
      }
      for (const id of person.dragging) {
        const el = document.querySelector<HTMLElement>(`[data-card="${CSS.escape(id)}"]`);
        if (!el) continue;
        el.dataset.movedBy = movedBy(person.name);
        el.style.setProperty('--remote-colour', person.color);
        marked.push(el);
      }
    }
    return () => {
      for (const el of marked) {
        delete el.dataset.remoteSelected;
        delete el.dataset.movedBy;
        el.style.removeProperty('--remote-colour');
      }
    };
  }, [others, movedBy]);
}

export function PresenceCursors({ others }: { others: readonly BoardPresence[] }) {
  const { t } = useTranslation();
  useLayoutTick();
  useCardMarks(others, (name) => t('team.presence.movedBy', { name }));
  return (
    <div className="presence-layer" aria-hidden="true">
      {others.map((person) => {
        if (!person.cursor) return null;
        const el = elementOf(person.cursor);
        if (!el) return null;
        const box = el.getBoundingClientRect();
        const left = box.left + person.cursor.x * box.width;
        const top = box.top + person.cursor.y * box.height;
        return (
          <div key={person.client} className="presence-cursor" style={{ transform: `translate(${left}px, ${top}px)`, color: person.color }} data-presence={person.name}>
            <svg width="16" height="20" viewBox="0 0 16 20">
              <path d="M1 1l5.5 17 2.5-7 6-2.5z" fill="currentColor" stroke="#fff" strokeWidth="1.5" strokeLinejoin="round" />
            </svg>
            <span className="presence-name" style={{ background: person.color }}>
              {person.name}
            </span>
          </div>
        );
      })}
    </div>
  );
}

/** Who else is on the board, as avatars in their colours. */
export function PresenceAvatars({ others }: { others: readonly BoardPresence[] }) {
  const { t } = useTranslation();
  // One avatar per person, however many boards they have open.
  const people = [...new Map(others.map((p) => [`${p.name}\u0000${p.color}`, p])).values()];
  if (people.length === 0) return null;
  return (
    <span className="presence-avatars" aria-label={t('team.presence.here', { names: people.map((p) => p.name).join(', ') })} role="img">
      {people.slice(0, 8).map((person) => (
        <span key={person.client} className="team-avatar" style={{ background: person.color }} title={person.name}>
          {[...person.name][0]}
        </span>
      ))}
      {people.length > 8 && <span className="presence-more">+{people.length - 8}</span>}
    </span>
  );
}
