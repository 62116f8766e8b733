// One cell of the journey map (a stage × a lane): its items, each editable in place,
// with TERMS chips on pain points and the findings it cites; type to add one.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneyItem } from '../../../shared/api/journey';
import { PAIN_KINDS, type JourneyLane } from '../../../shared/domain';
import { useMutationOf } from '../../api/queries';
import { EditableText } from '../../components/EditableText';
import { Icon } from '../../components/Icon';
import { reportErrors } from '../../components/mutate';
import { conflictAware } from '../../components/editConflict';
import { useReadOnly } from '../../app/useReadOnly';
import { EvidenceChips } from '../documents/EvidenceChips';

interface Props {
  mapId: string;
  stageId: string;
  stageName: string;
  lane: JourneyLane;
  items: readonly JourneyItem[];
  onCite: (item: JourneyItem) => void;
}

export function JourneyCell({ mapId, stageId, stageName, lane, items, onCite }: Props) {
  const { t } = useTranslation();
  const add = useMutationOf('journey.addItem');
  const update = useMutationOf('journey.updateItem');
  const remove = useMutationOf('journey.deleteItem');
  const unlink = useMutationOf('journey.unlinkEvidence');
  const errors = reportErrors(t);
  const [draft, setDraft] = useState('');
  const laneName = t(`journey.lanes.${lane}`);
  const { readOnly, reason } = useReadOnly();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (text) add.mutate({ mapId, stageId, lane, text }, { ...errors, onSuccess: () => setDraft('') });
  };

  return (
    <div className={`journey-cell lane-${lane}`} role="cell" data-cell={`${stageId}|${lane}`}>
      {items.map((item) => (
        <div key={item.id} className="journey-item" data-item={item.id}>
          {lane === 'pain_points' && (
            <div className="terms-filter" role="group" aria-label={t('codebook.terms')}>
              {PAIN_KINDS.map((k) => {
                const on = item.terms.includes(k);
                return (
                  <button
                    key={k}
                    className={`key-chip terms-toggle small${on ? ` on terms-${k}` : ''}`}
                    aria-pressed={on}
                    title={reason ?? t(`terms.${k}.name`)}
                    disabled={readOnly}
                    onClick={() => update.mutate(on ? { itemId: item.id, removeTerms: [k] } : { itemId: item.id, addTerms: [k] }, errors)}
                  >
                    {k}
                  </button>
                );
              })}
            </div>
          )}
          <div className="journey-item-row">
            <EditableText label={t('journey.itemIn', { lane: laneName, stage: stageName })} value={item.text} multiline rows={2} required readOnly={readOnly} onSave={(text, base) => update.mutate({ itemId: item.id, text, basedOn: { text: base } }, conflictAware(t, () => update.mutate({ itemId: item.id, text }, errors)))} />
            <button className="icon-button" aria-label={t('journey.deleteItem', { text: item.text })} title={reason} disabled={readOnly} onClick={() => remove.mutate({ itemId: item.id }, errors)}>
              <Icon name="close" size={12} />
            </button>
          </div>
          <EvidenceChips evidence={item.evidence} onAdd={() => onCite(item)} onUnlink={(findingId) => unlink.mutate({ itemId: item.id, findingId }, errors)} />
        </div>
      ))}
      <form onSubmit={submit} className="journey-add">
        <input disabled={readOnly} title={reason} aria-label={t('journey.addTo', { lane: laneName, stage: stageName })} placeholder={t('journey.add')} maxLength={2000} value={draft} onChange={(e) => setDraft(e.target.value)} />
      </form>
    </div>
  );
}
