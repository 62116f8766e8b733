// A named group on the board: rename in place, colour, collapse to title and count,
// dissolve. Its box spans all its cards, so it is a drop target even where the
// column has not mounted them (nor, far from view, the group's own header).
import { useDraggable } from '@dnd-kit/core';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { RefObject, SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationOf } from '../../api/queries';
import { EditableText } from '../../components/EditableText';
import { Icon } from '../../components/Icon';
import { reportErrors } from '../../components/mutate';
import { conflictAware } from '../../components/editConflict';
import { useReadOnly } from '../../app/useReadOnly';
import type { BoardGroup } from '../../../shared/api/board';
import { useMenu } from './menuKeys';
import { placeMenu } from './menuPlace';

const COLOURS = ['#64748b', '#2f5d62', '#b4443a', '#d08a2e', '#5b7db1', '#7a9e5b', '#8e6bb8', '#c06c84'];

/**
 * A group moves by its handle: to another column, or onto a theme in the themes panel.
 * The draggable hook lives in this small component alone, and only for groups in view:
 * dnd-kit re-renders every draggable when a drag starts, and a column of a big board
 * holds dozens of groups.
 */
const GroupHandle = memo(function GroupHandle({ id, label }: { id: string; label: string }) {
  const { attributes, listeners, setNodeRef } = useDraggable({ id: `group:${id}`, data: { kind: 'group' } });
  return (
    <button ref={setNodeRef} className="drag-handle group-handle" aria-label={label} {...attributes} {...listeners}>
      <Icon name="drag" size={14} />
    </button>
  );
});

/**
 * The group's options (colour, dissolve). Drawn in a layer above the whole board, at the
 * button that opened it: inside the group it would sit under the group's own cards and
 * be cut off by the column. It opens below the button, or above it near the window's
 * bottom, and closes when the board scrolls the button away.
 */
function GroupMenu({ groupId, trigger, onClose }: { groupId: string; trigger: RefObject<HTMLButtonElement | null>; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useMutationOf('board.updateGroup');
  const remove = useMutationOf('board.deleteGroup');
  const errors = reportErrors(t);
  const menu = useRef<HTMLDivElement | null>(null);
  // The button as it is when the menu opens (scrolling closes the menu).
  const [anchor] = useState<DOMRect | null>(() => trigger.current?.getBoundingClientRect() ?? null);
  // Placed once the menu's own size is known, before it is painted.
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);
  useLayoutEffect(() => {
    const size = menu.current?.getBoundingClientRect();
    if (anchor && size) setPlace(placeMenu(anchor, size, { width: window.innerWidth, height: window.innerHeight }));
  }, [anchor]);
  const onKeyDown = useMenu(place !== null, menu, trigger, onClose);
  useEffect(() => {
    const onScroll = () => {
      const rect = trigger.current?.getBoundingClientRect();
      if (!rect || !anchor || Math.abs(rect.top - anchor.top) > 1 || Math.abs(rect.right - anchor.right) > 1) onClose();
    };
    window.addEventListener('scroll', onScroll, true);
    window.addEventListener('resize', onClose);
    return () => {
      window.removeEventListener('scroll', onScroll, true);
      window.removeEventListener('resize', onClose);
    };
  }, [onClose, trigger, anchor]);
  const done = () => {
    onClose();
    trigger.current?.focus();
  };
  return createPortal(
    <div
      ref={menu}
      className="group-menu"
      role="menu"
      aria-label={t('board.groupMenu')}
      data-group-menu={groupId}
      style={place ? { top: place.top, left: place.left } : { top: 0, left: 0, visibility: 'hidden' }}
      onKeyDown={onKeyDown}
    >
      <div className="swatches" role="group" aria-label={t('board.colours')}>
        {COLOURS.map((c) => (
          <button key={c} role="menuitem" tabIndex={-1} className="swatch" style={{ background: c }} aria-label={t('board.colour', { colour: c })} onClick={() => (update.mutate({ id: groupId, fields: { color: c } }, errors), done())} />
        ))}
      </div>
      <button role="menuitem" tabIndex={-1} className="link-button danger-link" onClick={() => (remove.mutate({ id: groupId }, errors), onClose())}>
        {t('board.dissolve')}
      </button>
    </div>,
    document.body,
  );
}

interface HeadProps {
  group: BoardGroup;
  count: number;
  /** Near the column's visible band: only then does the group get a draggable handle. */
  inView: boolean;
}

/**
 * The group's header: name, count, collapse and menu. Memoised on the group itself, so
 * a drop above the group, which only moves its box, does not render it again (a column
 * of a big board holds dozens of groups, and a header is the costly part).
 */
const GroupHead = memo(function GroupHead({ group, count, inView }: HeadProps) {
  const { t } = useTranslation();
  const update = useMutationOf('board.updateGroup');
  const [menu, setMenu] = useState(false);
  const menuButton = useRef<HTMLButtonElement | null>(null);
  const closeMenu = useCallback(() => setMenu(false), []);
  // While the name is edited: what its field holds.
  const [typed, setTyped] = useState<string | null>(null);
  const showTyped = (event: SyntheticEvent) => {
    if (event.target instanceof HTMLInputElement) setTyped(event.target.value);
  };
  const errors = reportErrors(t);
  const { readOnly, reason } = useReadOnly();
  return (
    <>
      <header className="group-head" style={{ background: `${group.color}1a` }}>
        {inView ? <GroupHandle id={group.id} label={t('board.moveGroup', { name: group.name })} /> : <span className="drag-handle group-handle" aria-hidden />}
        <span className="group-dot" style={{ background: group.color }} />
        {/* Cut with an ellipsis on a whole character; the full name on hover and, while editing, under the header:
            there it follows what is typed (the saved name would contradict the field). */}
        <span className="group-name-wrap" title={typed === null ? group.name : undefined} onFocus={showTyped} onInput={showTyped} onBlur={() => setTyped(null)}>
          <EditableText className="group-name" label={t('board.groupName')} value={group.name} required maxLength={200} readOnly={readOnly} onSave={(name, base) =>
              update.mutate({ id: group.id, fields: { name }, basedOn: { name: base } }, conflictAware(t, () => update.mutate({ id: group.id, fields: { name } }, errors)))
            }
          />
          <span className="group-name-full" aria-hidden="true">
            {typed ?? group.name}
          </span>
        </span>
        <span className="group-count">{count}</span>
        <button
          className="icon-button"
          aria-label={group.collapsed ? t('board.expand') : t('board.collapse')}
          title={reason ?? (group.collapsed ? t('board.expand') : t('board.collapse'))}
          disabled={readOnly}
          onClick={() => update.mutate({ id: group.id, fields: { collapsed: !group.collapsed } }, errors)}
        >
          <Icon name={group.collapsed ? 'arrowDown' : 'arrowUp'} size={14} />
        </button>
        <button ref={menuButton} className="icon-button" aria-label={t('board.groupMenu')} title={reason ?? t('board.groupMenu')} disabled={readOnly} aria-haspopup="menu" aria-expanded={menu} onClick={() => setMenu(!menu)}>
          <Icon name="more" size={14} strokeWidth={3} />
        </button>
      </header>
      {menu && <GroupMenu groupId={group.id} trigger={menuButton} onClose={closeMenu} />}
    </>
  );
});

/**
 * The group's box, placed in its column. Takes its place as plain numbers (a layout
 * makes new objects each time), so only a group that moved or changed renders again.
 * Its header is drawn only near the visible band (or while something in it has focus,
 * such as a name being typed): a big board holds hundreds of groups, and their headers
 * were most of the page's elements, which React walks on every change of drag state.
 * The box itself is always there, a drop target and an arrow's end.
 */
export const GroupBox = memo(function GroupBox({ group, top, height, count, inView }: HeadProps & { top: number; height: number }) {
  const [focused, setFocused] = useState(false);
  return (
    <div
      className={`group-box${group.collapsed ? ' collapsed' : ''}`}
      style={{ transform: `translate(0, ${top}px)`, height, borderColor: group.color }}
      data-group={group.id}
      aria-label={group.name}
      onFocus={() => setFocused(true)}
      onBlur={(event) => setFocused(event.currentTarget.contains(event.relatedTarget))}
    >
      {(inView || focused) && <GroupHead group={group} count={count} inView={inView} />}
    </div>
  );
});
