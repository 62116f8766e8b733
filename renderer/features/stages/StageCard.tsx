// One journey stage in the hypothesis journey: name, description, information needs,
// touchpoints and influencers, all edited in place; a handle to drag it (mouse or
// keyboard) and Alt+←/→ shortcuts to move it.
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneyStage } from '../../../shared/api/entities';
import { useMutationOf } from '../../api/queries';
import { useReadOnly } from '../../app/useReadOnly';
import { ChipEditor } from '../../components/ChipEditor';
import { EditableText } from '../../components/EditableText';
import { saveBasedOn } from '../../components/editConflict';
import { Icon } from '../../components/Icon';
import { reportErrors } from '../../components/mutate';
import { stageName } from '../overview/stageName';

interface Props {
  stage: JourneyStage;
  index: number;
  onMove: (stage: JourneyStage, offset: -1 | 1) => void;
  onDelete: (stage: JourneyStage) => void;
  /** Set when this is the study's only stage, which cannot be removed: the id of the text saying why. */
  lastStageHintId?: string | undefined;
}

export const StageCard = memo(function StageCard({ stage, index, onMove, onDelete, lastStageHintId }: Props) {
  const { t } = useTranslation();
  const update = useMutationOf('stage.update');
  const addItem = useMutationOf('stage.addItem');
  const removeItem = useMutationOf('stage.removeItem');
  const { readOnly, reason } = useReadOnly();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: stage.id, disabled: readOnly });
  const name = stageName(t, stage);
  const errors = reportErrors(t);

  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.altKey || readOnly) return;
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      onMove(stage, event.key === 'ArrowLeft' ? -1 : 1);
    }
  };

  return (
    <article
      ref={setNodeRef}
      className={`stage-column editable-stage${isDragging ? ' dragging' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-testid="stage"
      aria-label={name}
      onKeyDown={onKeyDown}
    >
      <header>
        <button
          ref={setActivatorNodeRef}
          className="drag-handle"
          aria-label={t('stages.dragHandle', { name })}
          title={reason ?? t('stages.dragHint')}
          disabled={readOnly}
          {...attributes}
          {...listeners}
        >
          <Icon name="drag" size={16} />
        </button>
        <span className="stage-index">{index + 1}</span>
        <EditableText
          className="stage-name"
          label={t('stages.name')}
          value={name}
          required
          maxLength={200}
          readOnly={readOnly}
          onSave={(name, base) => saveBasedOn(t, update, { id: stage.id, name }, { name: base })}
        />
        <button
          className="icon-button danger"
          aria-label={t('stages.delete', { name })}
          title={reason ?? (lastStageHintId ? t('stages.lastStage') : t('stages.delete', { name }))}
          disabled={Boolean(lastStageHintId) || readOnly}
          aria-describedby={lastStageHintId}
          onClick={() => onDelete(stage)}
        >
          <Icon name="trash" size={15} />
        </button>
      </header>
      <EditableText
        multiline
        rows={2}
        className="stage-description"
        label={t('stages.description')}
        placeholder={t('stages.descriptionPlaceholder')}
        value={stage.description}
        readOnly={readOnly}
        onSave={(description, base) => saveBasedOn(t, update, { id: stage.id, description }, { description: base })}
      />
      <h4>{t('overview.touchpoints')}</h4>
      <ChipEditor
        items={stage.touchpoints}
        label={t('stages.touchpoints', { name })}
        placeholder={t('stages.addTouchpoint')}
        itemKey={(i) => i.id}
        itemText={(i) => i.name}
        onAdd={(text) => addItem.mutate({ stageId: stage.id, kind: 'touchpoint', name: text }, errors)}
        onRemove={(i) => removeItem.mutate({ stageId: stage.id, kind: 'touchpoint', itemId: i.id }, errors)}
        readOnly={readOnly}
      />
      <h4>{t('overview.influencers')}</h4>
      <ChipEditor
        tone="warm"
        items={stage.influencers}
        label={t('stages.influencers', { name })}
        placeholder={t('stages.addInfluencer')}
        itemKey={(i) => i.id}
        itemText={(i) => i.name}
        onAdd={(text) => addItem.mutate({ stageId: stage.id, kind: 'influencer', name: text }, errors)}
        onRemove={(i) => removeItem.mutate({ stageId: stage.id, kind: 'influencer', itemId: i.id }, errors)}
        readOnly={readOnly}
      />
      <h4>{t('stages.informationNeeds')}</h4>
      <EditableText
        multiline
        rows={2}
        label={t('stages.informationNeedsOf', { name })}
        placeholder={t('stages.informationNeedsPlaceholder')}
        value={stage.informationNeeds}
        readOnly={readOnly}
        onSave={(informationNeeds, base) => saveBasedOn(t, update, { id: stage.id, informationNeeds }, { informationNeeds: base })}
      />
    </article>
  );
});
