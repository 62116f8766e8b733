// The interview guide editor: sections and questions tied to journey stages, with
// probes, keywords and time budgets; drag (mouse or keyboard) or Alt+↑/↓ to reorder;
// versions published with a change note; the hand card exported as PDF or Markdown.
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideQuestion, GuideSection } from '../../../shared/api/guide';
import { useMutationOf, useOperation } from '../../api/queries';
import { useReadOnly } from '../../app/useReadOnly';
import { Icon } from '../../components/Icon';
import { reportErrors } from '../../components/mutate';
import { guideAnnouncements } from './announce';
import { GuideHeader } from './GuideHeader';
import { GuideStart } from './GuideStart';
import { beforeIdFor, stepQuestion } from './order';
import { SectionBlock } from './SectionBlock';

export function GuideScreen({ studyId }: { studyId: string }) {
  const { t } = useTranslation();
  const [versionId, setVersionId] = useState<string | undefined>(undefined);
  const guide = useOperation('guide.get', versionId ? { studyId, versionId } : { studyId });
  const overview = useOperation('study.overview', { id: studyId });
  const moveSection = useMutationOf('guide.moveSection');
  const moveQuestion = useMutationOf('guide.moveQuestion');
  const addSection = useMutationOf('guide.addSection');
  const errors = reportErrors(t);
  const library = useReadOnly();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const doc = guide.data;
  const sections = doc?.sections;

  const onMoveSection = useCallback(
    (section: GuideSection, offset: -1 | 1) => {
      if (!sections) return;
      const ids = sections.map((s) => s.id);
      const from = ids.indexOf(section.id);
      const target = from + offset;
      if (target < 0 || target >= ids.length) return;
      moveSection.mutate({ sectionId: section.id, beforeId: beforeIdFor(ids, from, target) }, errors);
    },
    [sections, moveSection, errors],
  );
  const onMoveQuestion = useCallback(
    (question: GuideQuestion, offset: -1 | 1) => {
      const step = sections && stepQuestion(sections, question.id, offset);
      if (step) moveQuestion.mutate({ questionId: question.id, ...step }, errors);
    },
    [sections, moveQuestion, errors],
  );

  if (guide.isPending || overview.isPending) return <p className="muted screen">{t('common.loading')}</p>;
  const study = overview.data?.study;
  if (!study) return null;
  if (!doc) {
    return (
      <section className="screen wide">
        <header className="screen-head">
          <div>
            <h1>{t('nav.guide')}</h1>
            <p className="muted">{t('guide.startSubtitle')}</p>
          </div>
        </header>
        <GuideStart studyId={studyId} language={study.language} />
      </section>
    );
  }
  const published = doc.version.publishedAt !== null;
  const readOnly = published || library.readOnly;
  // A draft in a read-only library keeps its add and delete buttons, disabled with the reason.
  const readOnlyReason = published ? undefined : library.reason;
  const stages = overview.data?.stages ?? [];
  // Questions are numbered straight through the guide, as on the printed hand card.
  const firstNumbers = doc.sections.reduce<number[]>((acc, section, i) => [...acc, i === 0 ? 1 : acc[i - 1]! + doc.sections[i - 1]!.questions.length], []);

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id || !sections) return;
    const [kind, id] = String(active.id).split(':') as ['s' | 'q', string];
    const [overKind, overId] = String(over.id).split(':') as ['s' | 'q', string];
    if (kind === 's') {
      const ids = sections.map((s) => s.id);
      const target = overKind === 's' ? ids.indexOf(overId) : sections.findIndex((s) => s.questions.some((q) => q.id === overId));
      if (target >= 0) moveSection.mutate({ sectionId: id, beforeId: beforeIdFor(ids, ids.indexOf(id), target) }, errors);
      return;
    }
    if (overKind === 's') {
      moveQuestion.mutate({ questionId: id, sectionId: overId, beforeId: null }, errors);
      return;
    }
    const from = sections.find((s) => s.questions.some((q) => q.id === id));
    const to = sections.find((s) => s.questions.some((q) => q.id === overId));
    if (!from || !to) return;
    const ids = to.questions.map((q) => q.id);
    const beforeId = from.id === to.id ? beforeIdFor(ids, ids.indexOf(id), ids.indexOf(overId)) : overId;
    moveQuestion.mutate({ questionId: id, sectionId: to.id, beforeId }, errors);
  };

  return (
    <section className="screen wide guide" aria-label={t('nav.guide')}>
      <GuideHeader doc={doc} onVersion={setVersionId} />
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{ announcements: guideAnnouncements(t, doc.sections), screenReaderInstructions: { draggable: t('guide.announce.instructions') } }}
      >
        <SortableContext items={doc.sections.map((s) => `s:${s.id}`)} strategy={verticalListSortingStrategy}>
          {doc.sections.map((section, i) => {
            return (
              <SectionBlock
                key={section.id}
                section={section}
                sections={doc.sections}
                firstNumber={firstNumbers[i] ?? 1}
                stages={stages}
                readOnly={readOnly}
                readOnlyReason={readOnlyReason}
                onMoveSection={onMoveSection}
                onMoveQuestion={onMoveQuestion}
              />
            );
          })}
        </SortableContext>
      </DndContext>
      {!published && (
        <button className="button add-section" onClick={() => addSection.mutate({ versionId: doc.version.id, title: t('guide.newSection') }, errors)} disabled={readOnly} title={readOnlyReason}>
          <Icon name="plus" size={15} /> {t('guide.addSection')}
        </button>
      )}
      <p className="hint shortcuts">{t('guide.shortcuts')}</p>
    </section>
  );
}
