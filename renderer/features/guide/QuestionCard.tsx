// One guide question: collapsed, it reads like the hand card (text, stage, keywords
// in bold, time); opened, every part is editable. Drag by the handle, or Alt+↑/↓.
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneyStage } from '../../../shared/api/entities';
import type { GuideQuestion, GuideSection } from '../../../shared/api/guide';
import { useMutationOf } from '../../api/queries';
import { ChipEditor } from '../../components/ChipEditor';
import { EditableText } from '../../components/EditableText';
import { saveBasedOn } from '../../components/editConflict';
import { Icon } from '../../components/Icon';
import { reportErrors } from '../../components/mutate';
import { useLocalCopy } from '../../components/useLocalCopy';
import { stageName } from '../overview/stageName';
import { Select } from '../../components/Select';

interface Props {
  question: GuideQuestion;
  number: number;
  sections: GuideSection[];
  stages: JourneyStage[];
  readOnly: boolean;
  onMove: (question: GuideQuestion, offset: -1 | 1) => void;
  /** Just added by the user: opens with its text field focused, ready to type. */
  fresh?: boolean;
}

export const QuestionCard = memo(function QuestionCard({ question, number, sections, stages, readOnly, onMove, fresh = false }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(fresh);
  const [wasFresh, setWasFresh] = useState(fresh);
  if (fresh !== wasFresh) {
    // Marked as just added after it appeared (the list refreshed before the reply came): open it now.
    setWasFresh(fresh);
    if (fresh) setOpen(true);
  }
  const update = useMutationOf('guide.updateQuestion');
  const move = useMutationOf('guide.moveQuestion');
  const remove = useMutationOf('guide.deleteQuestion');
  const errors = reportErrors(t);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: `q:${question.id}`,
    disabled: readOnly,
  });
  const stage = stages.find((s) => s.id === question.stageId);
  const [keywords, setKeywords] = useLocalCopy(question.keywords);
  const [probes, setProbes] = useLocalCopy(question.probes);
  const saveKeywords = (next: string[]) => (setKeywords(next), save({ keywords: next }));
  const saveProbes = (next: string[]) => (setProbes(next), save({ probes: next }));
  const save = (fields: Parameters<typeof update.mutate>[0]['fields']) => update.mutate({ questionId: question.id, fields }, errors);
  const label = question.text || t('guide.untitledQuestion');

  const onKeyDown = (event: KeyboardEvent) => {
    if (readOnly || !event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    event.stopPropagation();
    onMove(question, event.key === 'ArrowUp' ? -1 : 1);
  };

  return (
    <li
      ref={setNodeRef}
      className={`question${isDragging ? ' dragging' : ''}${open ? ' open' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-testid="question"
      aria-label={label}
      onKeyDown={onKeyDown}
    >
      <div className="question-row">
        {!readOnly && (
          <button ref={setActivatorNodeRef} className="drag-handle" aria-label={t('guide.dragQuestion', { n: number })} title={t('guide.dragHint')} {...attributes} {...listeners}>
            <Icon name="drag" size={16} />
          </button>
        )}
        <span className="question-number">{number}</span>
        <button className="question-summary" aria-expanded={open} onClick={() => setOpen(!open)}>
          <span className="question-text">{label}</span>
          <span className="question-meta">
            {stage && <span className="chip">{stageName(t, stage)}</span>}
            {question.keywords.map((k) => (
              <strong key={k} className="keyword">
                {k}
              </strong>
            ))}
          </span>
        </button>
        <span className="question-time">
          <Icon name="clock" size={13} /> {t('guide.minutes', { count: Math.round(question.timeBudgetSec / 60) })}
        </span>
      </div>
      {open && (
        <div className="question-editor">
          <label className="field">
            <span>{t('guide.questionText')}</span>
            <EditableText multiline rows={2} label={t('guide.questionText')} value={question.text} readOnly={readOnly} autoFocus={fresh && !readOnly} onSave={(text, base) => saveBasedOn(t, update, { questionId: question.id, fields: { text } }, { text: base })} />
          </label>
          <label className="field">
            <span>{t('guide.purpose')}</span>
            <EditableText multiline rows={2} label={t('guide.purpose')} placeholder={t('guide.purposePlaceholder')} value={question.purpose} readOnly={readOnly} onSave={(purpose, base) => saveBasedOn(t, update, { questionId: question.id, fields: { purpose } }, { purpose: base })} />
          </label>
          <div className="form-row">
            <label className="field">
              <span>{t('guide.stage')}</span>
              <Select disabled={readOnly} value={question.stageId ?? ''} onChange={(e) => save({ stageId: e.target.value || null })}>
                <option value="">{t('guide.noStage')}</option>
                {stages.map((s) => (
                  <option key={s.id} value={s.id}>
                    {stageName(t, s)}
                  </option>
                ))}
              </Select>
            </label>
            <label className="field narrow">
              <span>{t('guide.timeBudget')}</span>
              <input
                type="number"
                min={0}
                max={240}
                readOnly={readOnly}
                defaultValue={Math.round(question.timeBudgetSec / 60)}
                key={question.timeBudgetSec}
                onBlur={(e) => {
                  const minutes = Math.max(0, Math.min(240, Math.round(Number(e.target.value) || 0)));
                  if (minutes * 60 !== question.timeBudgetSec) save({ timeBudgetSec: minutes * 60 });
                }}
              />
            </label>
            <label className="field">
              <span>{t('guide.section')}</span>
              <Select
                disabled={readOnly}
                value={question.sectionId}
                onChange={(e) => move.mutate({ questionId: question.id, sectionId: e.target.value, beforeId: null }, errors)}
              >
                {sections.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}
                  </option>
                ))}
              </Select>
            </label>
          </div>
          <div className="field">
            <span>{t('guide.keywords')}</span>
            <ChipEditor
              tone="strong"
              readOnly={readOnly}
              items={keywords}
              label={t('guide.keywords')}
              placeholder={t('guide.addKeyword')}
              itemKey={(k) => k}
              itemText={(k) => k}
              onAdd={(k) => saveKeywords([...keywords, k])}
              onRemove={(k) => saveKeywords(keywords.filter((x) => x !== k))}
            />
          </div>
          <div className="field">
            <span>{t('guide.probes')}</span>
            <ChipEditor
              readOnly={readOnly}
              items={probes}
              label={t('guide.probes')}
              placeholder={t('guide.addProbe')}
              itemKey={(p) => p}
              itemText={(p) => p}
              onAdd={(p) => saveProbes([...probes, p])}
              onRemove={(p) => saveProbes(probes.filter((x) => x !== p))}
            />
          </div>
          {!readOnly && (
            <button className="link-button danger-link" onClick={() => remove.mutate({ questionId: question.id }, errors)}>
              {t('guide.deleteQuestion')}
            </button>
          )}
        </div>
      )}
    </li>
  );
});
