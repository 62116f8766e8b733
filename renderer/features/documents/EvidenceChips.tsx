// The findings a statement cites, as small numbered chips (participant code and the
// start of the finding), each removable; the full text shows on hover.
import { useTranslation } from 'react-i18next';
import type { EvidenceRef } from '../../../shared/api/personas';
import { useReadOnly } from '../../app/useReadOnly';
import { Icon } from '../../components/Icon';

export function EvidenceChips({ evidence, onUnlink, onAdd }: { evidence: readonly EvidenceRef[]; onUnlink: (findingId: string) => void; onAdd: () => void }) {
  const { t } = useTranslation();
  const { readOnly, reason } = useReadOnly();
  return (
    <div className="evidence-chips">
      {evidence.map((e) => (
        <span key={e.findingId} className="evidence-chip" title={e.text}>
          <span className="mono">{e.participantCode ?? '—'}</span>
          <span className="evidence-chip-text">{e.text}</span>
          <button className="chip-remove" aria-label={t('documents.unlink', { text: e.text })} onClick={() => onUnlink(e.findingId)} disabled={readOnly} title={reason}>
            <Icon name="close" size={11} />
          </button>
        </span>
      ))}
      <button className="link-button accent evidence-add" onClick={onAdd} disabled={readOnly} title={reason}>
        <Icon name="plus" size={12} /> {t('documents.addEvidence')}
      </button>
    </div>
  );
}
