// A named group on the board: rename in place, colour, collapse to title and count,
// dissolve. Its box spans all its cards, so it is a drop target even where the
// column has not mounted them.
import { useDraggable } from '@dnd-kit/core';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationOf } from '../../api/queries';
import { EditableText } from '../../components/EditableText';
import { Icon } from '../../components/Icon';
import { reportErrors } from '../../components/mutate';
import type { PlacedGroup } from './layout';

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

export const GroupBox = memo(function GroupBox({ placed, inView }: { placed: PlacedGroup; inView: boolean }) {
  const { t } = useTranslation();
  const update = useMutationOf('board.updateGroup');
  const remove = useMutationOf('board.deleteGroup');
  const [menu, setMenu] = useState(false);
  const errors = reportErrors(t);
  const { group } = placed;
  return (
    <div
      className={`group-box${group.collapsed ? ' collapsed' : ''}`}
      style={{ transform: `translate(0, ${placed.top}px)`, height: placed.height, borderColor: group.color }}
      data-group={group.id}
      aria-label={group.name}
    >
      <header className="group-head" style={{ background: `${group.color}1a` }}>
        {inView ? <GroupHandle id={group.id} label={t('board.moveGroup', { name: group.name })} /> : <span className="drag-handle group-handle" aria-hidden />}
        <span className="group-dot" style={{ background: group.color }} />
        <EditableText className="group-name" label={t('board.groupName')} value={group.name} required maxLength={200} onSave={(name) => update.mutate({ id: group.id, fields: { name } }, errors)} />
        <span className="group-count">{placed.count}</span>
        <button
          className="icon-button"
          aria-label={group.collapsed ? t('board.expand') : t('board.collapse')}
          title={group.collapsed ? t('board.expand') : t('board.collapse')}
          onClick={() => update.mutate({ id: group.id, fields: { collapsed: !group.collapsed } }, errors)}
        >
          <Icon name={group.collapsed ? 'arrowDown' : 'arrowUp'} size={14} />
        </button>
        <button className="icon-button" aria-label={t('board.groupMenu')} aria-expanded={menu} onClick={() => setMenu(!menu)}>
          <Icon name="edit" size={14} />
        </button>
      </header>
      {menu && (
        <div className="group-menu" role="menu">
          <div className="swatches">
            {COLOURS.map((c) => (
              <button key={c} role="menuitem" className="swatch" style={{ background: c }} aria-label={t('board.colour', { colour: c })} onClick={() => (update.mutate({ id: group.id, fields: { color: c } }, errors), setMenu(false))} />
            ))}
          </div>
          <button role="menuitem" className="link-button danger-link" onClick={() => remove.mutate({ id: group.id }, errors)}>
            {t('board.dissolve')}
          </button>
        </div>
      )}
    </div>
  );
});
