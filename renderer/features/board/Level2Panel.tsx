// Level 2 of the board: themes that gather groups, cause-effect links between groups
// or themes ("A leads to B"), and the drivers: cause chains ranked by the evidence
// behind them. Every change here is undoable like the rest of the board.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board, LinkEnd } from '../../../shared/api/board';
import { useMutationOf, useOperation } from '../../api/queries';
import { EditableText } from '../../components/EditableText';
import { Icon } from '../../components/Icon';
import { reportErrors } from '../../components/mutate';
import { conflictAware } from '../../components/editConflict';
import { Select } from '../../components/Select';
import { useReadOnly } from '../../app/useReadOnly';

const endKey = (end: LinkEnd) => `${end.kind}:${end.id}`;
const parseEnd = (value: string): LinkEnd | null => {
  const [kind, id] = value.split(':');
  return (kind === 'group' || kind === 'theme') && id ? { kind, id } : null;
};

export function Level2Panel({ board, studyId, onClose }: { board: Board; studyId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const drivers = useOperation('board.drivers', { studyId });
  const createTheme = useMutationOf('board.createTheme');
  const updateTheme = useMutationOf('board.updateTheme');
  const deleteTheme = useMutationOf('board.deleteTheme');
  const updateGroup = useMutationOf('board.updateGroup');
  const link = useMutationOf('board.link');
  const unlink = useMutationOf('board.unlink');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [label, setLabel] = useState('');
  const errors = reportErrors(t);
  const { readOnly, reason } = useReadOnly();
  const name = (end: LinkEnd) =>
    end.kind === 'group' ? (board.groups.find((g) => g.id === end.id)?.name ?? '') : (board.themes.find((x) => x.id === end.id)?.name ?? '');
  const ends = [
    ...board.themes.map((x) => ({ value: `theme:${x.id}`, label: `${t('board.theme')}: ${x.name}` })),
    ...board.groups.map((g) => ({ value: `group:${g.id}`, label: g.name })),
  ];

  return (
    <aside className="level2-panel" aria-label={t('board.level2')} data-testid="level2">
      <header>
        <h2>{t('board.level2')}</h2>
        <button className="icon-button" aria-label={t('common.dismiss')} onClick={onClose}>
          <Icon name="close" size={16} />
        </button>
      </header>

      {/* In a read-only library every control that would change the board is disabled up front, with the reason. */}
      <fieldset className="bare-fieldset" disabled={readOnly} title={reason}>
      <section aria-labelledby="themes-title">
        <h3 id="themes-title">{t('board.themes')}</h3>
        {board.themes.map((theme) => (
          <div key={theme.id} className="theme-block" data-theme={theme.id}>
            <div className="theme-head">
              <EditableText wrap className="theme-name" label={t('board.themeName')} value={theme.name} required maxLength={200} onSave={(n, base) =>
                  updateTheme.mutate({ id: theme.id, name: n, basedOn: { name: base } }, conflictAware(t, () => updateTheme.mutate({ id: theme.id, name: n }, errors)))
                }
              />
              <button className="icon-button danger" aria-label={t('board.deleteTheme', { name: theme.name })} onClick={() => deleteTheme.mutate({ id: theme.id }, errors)}>
                <Icon name="trash" size={14} />
              </button>
            </div>
            <ul className="chips">
              {board.groups
                .filter((g) => g.themeId === theme.id)
                .map((g) => (
                  <li key={g.id} className="chip">
                    <span>{g.name}</span>
                    <button className="chip-remove" aria-label={t('common.removeItem', { item: g.name })} onClick={() => updateGroup.mutate({ id: g.id, fields: { themeId: null } }, errors)}>
                      <Icon name="close" size={11} />
                    </button>
                  </li>
                ))}
            </ul>
            <Select
              aria-label={t('board.addGroupToTheme', { name: theme.name })}
              value=""
              onChange={(e) => e.target.value && updateGroup.mutate({ id: e.target.value, fields: { themeId: theme.id } }, errors)}
            >
              <option value="">{t('board.addGroup')}</option>
              {board.groups
                .filter((g) => g.themeId !== theme.id)
                .map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
            </Select>
          </div>
        ))}
        <button className="button small" onClick={() => createTheme.mutate({ studyId, name: t('board.newTheme'), groupIds: [] }, errors)}>
          <Icon name="plus" size={14} /> {t('board.addTheme')}
        </button>
      </section>

      <section aria-labelledby="links-title">
        <h3 id="links-title">{t('board.links')}</h3>
        <ul className="link-list">
          {board.links.map((l) => (
            <li key={l.id} data-link={l.id}>
              <span>
                <strong>{name(l.from)}</strong> → <strong>{name(l.to)}</strong>
                {l.label && <em> ({l.label})</em>}
              </span>
              <button className="icon-button danger" aria-label={t('board.unlink')} onClick={() => unlink.mutate({ id: l.id }, errors)}>
                <Icon name="close" size={13} />
              </button>
            </li>
          ))}
        </ul>
        <form
          className="link-form"
          onSubmit={(event) => {
            event.preventDefault();
            const a = parseEnd(from);
            const b = parseEnd(to);
            if (!a || !b) return;
            link.mutate({ studyId, from: a, to: b, label: label.trim() }, { ...errors, onSuccess: () => (setFrom(''), setTo(''), setLabel('')) });
          }}
        >
          <Select aria-label={t('board.cause')} value={from} onChange={(e) => setFrom(e.target.value)}>
            <option value="">{t('board.cause')}</option>
            {ends.map((e) => (
              <option key={e.value} value={e.value}>
                {e.label}
              </option>
            ))}
          </Select>
          <Select aria-label={t('board.effect')} value={to} onChange={(e) => setTo(e.target.value)}>
            <option value="">{t('board.effect')}</option>
            {ends
              .filter((e) => e.value !== from)
              .map((e) => (
                <option key={e.value} value={e.value}>
                  {e.label}
                </option>
              ))}
          </Select>
          <input aria-label={t('board.linkLabel')} placeholder={t('board.linkLabel')} value={label} maxLength={200} onChange={(e) => setLabel(e.target.value)} />
          <button className="button small primary" type="submit" disabled={!from || !to}>
            {t('board.addLink')}
          </button>
        </form>
      </section>
      </fieldset>

      <section aria-labelledby="drivers-title">
        <h3 id="drivers-title">{t('board.drivers')}</h3>
        <p className="hint">{t('board.driversHint')}</p>
        <ol className="driver-list" data-testid="drivers">
          {(drivers.data ?? []).map((d) => (
            <li key={d.path.map(endKey).join('>')}>
              <span>{d.path.map((p) => p.name).join(' → ')}</span>
              <span className="muted">{t('board.evidenceCount', { findings: d.findings, participants: d.participants })}</span>
            </li>
          ))}
        </ol>
        {drivers.data?.length === 0 && <p className="muted">{t('board.noDrivers')}</p>}
      </section>
    </aside>
  );
}
