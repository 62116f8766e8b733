// Pick findings to cite as evidence for a persona statement or a journey-map item:
// the study's findings (withdrawn participants' never appear), narrowed by text in
// any language (Simplified and Traditional Chinese alike) and, for a persona, to its
// own participants first.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { containsFiltered, filterForm } from '../../../shared/search/text-filter';
import { useOperation } from '../../api/queries';
import { Dialog } from '../../components/Dialog';

interface Props {
  studyId: string;
  /** When set, findings of these participants only, unless the user widens it. */
  participantIds?: readonly string[];
  cited: readonly string[];
  onPick: (findingIds: string[]) => void;
  onClose: () => void;
}

const SHOWN = 80;

export function EvidencePicker({ studyId, participantIds, cited, onPick, onClose }: Props) {
  const { t } = useTranslation();
  const board = useOperation('board.get', { studyId });
  const [text, setText] = useState('');
  const [everyone, setEveryone] = useState(!participantIds);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const candidates = useMemo(() => {
    const needle = filterForm(text.trim());
    const members = new Set(participantIds ?? []);
    return (board.data?.cards ?? []).filter(
      (c) => !cited.includes(c.id) && (everyone || (c.participantId !== null && members.has(c.participantId))) && containsFiltered(c.text, needle),
    );
  }, [board.data, text, everyone, participantIds, cited]);

  const toggle = (id: string) => {
    const next = new Set(picked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setPicked(next);
  };

  return (
    <Dialog title={t('documents.pickEvidence')} onClose={onClose}>
      <div className="evidence-picker">
        <input className="search" type="search" autoFocus aria-label={t('documents.filterFindings')} placeholder={t('documents.filterFindings')} value={text} onChange={(e) => setText(e.target.value)} />
        {participantIds && (
          <label className="check">
            <input type="checkbox" checked={everyone} onChange={(e) => setEveryone(e.target.checked)} />
            {t('documents.allParticipants')}
          </label>
        )}
        <ul className="evidence-options">
          {candidates.slice(0, SHOWN).map((c) => (
            <li key={c.id}>
              <label className="check">
                <input type="checkbox" checked={picked.has(c.id)} onChange={() => toggle(c.id)} />
                <span className="mono">{c.participantCode}</span>
                <span>{c.text}</span>
                <span className="muted">{t(`findingTypes.${c.type}.name`)}</span>
              </label>
            </li>
          ))}
        </ul>
        {candidates.length === 0 && <p className="muted">{board.isLoading ? t('common.loading') : t('documents.noFindings')}</p>}
        {candidates.length > SHOWN && <p className="muted">{t('documents.moreFindings', { count: candidates.length - SHOWN })}</p>}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button className="button primary" disabled={picked.size === 0} onClick={() => onPick([...picked])}>
            {t('documents.cite', { count: picked.size })}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
