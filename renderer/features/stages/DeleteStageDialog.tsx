// Removing a stage asks where its findings, groups and guide questions should go.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneyStage } from '../../../shared/api/entities';
import { Dialog } from '../../components/Dialog';
import { stageName } from '../overview/stageName';
import { Select } from '../../components/Select';

interface Props {
  stage: JourneyStage;
  others: JourneyStage[];
  onCancel: () => void;
  onConfirm: (moveTo: string | null) => void;
}

export function DeleteStageDialog({ stage, others, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const [moveTo, setMoveTo] = useState<string>(others[0]?.id ?? '');
  return (
    <Dialog title={t('stages.deleteTitle', { name: stageName(t, stage) })} onClose={onCancel}>
      <p>{t('stages.deleteBody')}</p>
      <label className="field">
        <span>{t('stages.moveTo')}</span>
        <Select value={moveTo} onChange={(e) => setMoveTo(e.target.value)}>
          {others.map((s) => (
            <option key={s.id} value={s.id}>
              {stageName(t, s)}
            </option>
          ))}
          <option value="">{t('stages.unsorted')}</option>
        </Select>
      </label>
      <div className="dialog-actions">
        <button className="button" autoFocus onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button className="button danger-solid" onClick={() => onConfirm(moveTo || null)}>
          {t('stages.deleteConfirm')}
        </button>
      </div>
    </Dialog>
  );
}
