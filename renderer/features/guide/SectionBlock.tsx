// A section of the guide: its title, planned time, and its questions in order.
import { useSortable, SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneyStage } from '../../../shared/api/entities';
import type { GuideQuestion, GuideSection } from '../../../shared/api/guide';
import { useMutationOf } from '../../api/queries';
import { EditableText } from '../../components/EditableText';
import { saveBasedOn } from '../../components/editConflict';
import { Icon } from '../../components/Icon';
import { reportErrors } from '../../components/mutate';
import { QuestionCard } from './QuestionCard';

interface Props {
  section: GuideSection;
  sections: GuideSection[];
  firstNumber: number;
  stages: JourneyStage[];
  readOnly: boolean;
  /** Set when a draft cannot be changed because the library is read-only. */
  readOnlyReason?: string;
  onMoveSection: (section: GuideSection, offset: -1 | 1) => void;
  onMoveQuestion: (question: GuideQuestion, offset: -1 | 1) => void;
}

export const SectionBlock = memo(function SectionBlock(props: Props) {
  const { section, sections, firstNumber, stages, readOnly, readOnlyReason, onMoveSection, onMoveQuestion } = props;
  const { t } = useTranslation();
  const rename = useMutationOf('guide.updateSection');
  const remove = useMutationOf('guide.deleteSection');
  const addQuestion = useMutationOf('guide.addQuestion');
  const errors = reportErrors(t);
  // The question this section just added, which opens ready to type.
  const [freshId, setFreshId] = useState<string | null>(null);
  const onAddQuestion = () => {
    const before = new Set(section.questions.map((q) => q.id));
    // Probes and stage left out: the core gives the default do/think/feel/why in the
    // study's language and the stage of this section.
    addQuestion.mutate(
      { sectionId: section.id, fields: { text: '', timeBudgetSec: 300 } },
      {
        ...errors,
        onSuccess: (doc) => setFreshId(doc.sections.find((s) => s.id === section.id)?.questions.find((q) => !before.has(q.id))?.id ?? null),
      },
    );
  };
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: `s:${section.id}`,
    disabled: readOnly,
  });
  const minutes = Math.round(section.questions.reduce((sum, q) => sum + q.timeBudgetSec, 0) / 60);

  const onKeyDown = (event: KeyboardEvent) => {
    if (readOnly || !event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    onMoveSection(section, event.key === 'ArrowUp' ? -1 : 1);
  };

  return (
    <section
      ref={setNodeRef}
      className={`guide-section${isDragging ? ' dragging' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      aria-label={section.title}
      data-testid="guide-section"
    >
      <header className="guide-section-head" onKeyDown={onKeyDown}>
        {!readOnly && (
          <button ref={setActivatorNodeRef} className="drag-handle" aria-label={t('guide.dragSection', { title: section.title })} title={t('guide.dragHint')} {...attributes} {...listeners}>
            <Icon name="drag" size={16} />
          </button>
        )}
        <EditableText
          className="section-title-input"
          label={t('guide.sectionTitle')}
          value={section.title}
          required
          readOnly={readOnly}
          maxLength={200}
          onSave={(title, base) => saveBasedOn(t, rename, { sectionId: section.id, title }, { title: base })}
        />
        <span className="muted section-time">{t('guide.minutes', { count: minutes })}</span>
        {(!readOnly || readOnlyReason) && (
          <button className="icon-button danger" aria-label={t('guide.deleteSection', { title: section.title })} title={readOnlyReason ?? t('guide.deleteSection', { title: section.title })} disabled={readOnly} onClick={() => remove.mutate({ sectionId: section.id }, errors)}>
            <Icon name="trash" size={15} />
          </button>
        )}
      </header>
      <SortableContext items={section.questions.map((q) => `q:${q.id}`)} strategy={verticalListSortingStrategy}>
        <ol className="questions">
          {section.questions.map((q, i) => (
            <QuestionCard key={q.id} question={q} number={firstNumber + i} sections={sections} stages={stages} readOnly={readOnly} onMove={onMoveQuestion} fresh={q.id === freshId} />
          ))}
        </ol>
      </SortableContext>
      {(!readOnly || readOnlyReason) && (
        <button className="link-button accent add-question" onClick={onAddQuestion} disabled={readOnly} title={readOnlyReason}>
          <Icon name="plus" size={14} /> {t('guide.addQuestion')}
        </button>
      )}
    </section>
  );
});
