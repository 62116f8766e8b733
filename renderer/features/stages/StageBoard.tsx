// The hypothesis journey as editable columns: reorder by dragging a stage's handle
// (mouse, touch, or keyboard: Space to lift, arrows to move, Space to drop), or
// with Alt+←/→ anywhere in a stage; add and remove stages.
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { horizontalListSortingStrategy, SortableContext, sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneyStage } from '../../../shared/api/entities';
import { useReadOnly } from '../../app/useReadOnly';
import { useMutationOf } from '../../api/queries';
import { Icon } from '../../components/Icon';
import { reportErrors } from '../../components/mutate';
import { stageName } from '../overview/stageName';
import { DeleteStageDialog } from './DeleteStageDialog';
import { StageCard } from './StageCard';

/** The id a stage must be placed before to land at `targetIndex` once removed from `fromIndex`. */
export function beforeIdFor(ids: readonly string[], fromIndex: number, targetIndex: number): string | null {
  const rest = ids.filter((_, i) => i !== fromIndex);
  return rest[targetIndex] ?? null;
}

export function StageBoard({ studyId, stages }: { studyId: string; stages: JourneyStage[] }) {
  const { t } = useTranslation();
  const move = useMutationOf('stage.move');
  const create = useMutationOf('stage.create');
  const remove = useMutationOf('stage.delete');
  const [deleting, setDeleting] = useState<JourneyStage | null>(null);
  const [order, setOrder] = useState<string[] | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const errors = reportErrors(t);
  const { readOnly, reason } = useReadOnly();
  const lastStageHintId = useId();
  // The board, the journey map and every finding are laid out by stage: one always stays.
  const onlyStage = stages.length <= 1;
  const ids = order ?? stages.map((s) => s.id);
  const ordered = ids.map((id) => stages.find((s) => s.id === id)).filter((s): s is JourneyStage => Boolean(s));

  // Moves are computed from the order on screen, which may be a move ahead of the
  // server's list: a second move right after a drag must start where the user sees it.
  const moveTo = useCallback(
    (stageId: string, targetIndex: number) => {
      const current = ids;
      const from = current.indexOf(stageId);
      if (from < 0 || targetIndex < 0 || targetIndex >= current.length || targetIndex === from) return;
      const optimistic = current.filter((id) => id !== stageId);
      optimistic.splice(targetIndex, 0, stageId);
      setOrder(optimistic);
      const onError = (error: unknown) => {
        setOrder(null);
        errors.onError(error);
      };
      move.mutate({ id: stageId, beforeId: beforeIdFor(current, from, targetIndex) }, { onError });
    },
    [ids, move, errors],
  );
  // The server's list replaces the optimistic order once it arrives in that order (or
  // differs for another reason, e.g. a change from elsewhere).
  const serverOrder = stages.map((s) => s.id).join(' ');
  const [seenServerOrder, setSeenServerOrder] = useState(serverOrder);
  if (serverOrder !== seenServerOrder) {
    setSeenServerOrder(serverOrder);
    setOrder(null);
  }

  const onDragEnd = (event: DragEndEvent) => {
    const overId = event.over?.id;
    if (!overId || overId === event.active.id) return;
    moveTo(String(event.active.id), ids.indexOf(String(overId)));
  };
  const onMove = useCallback((stage: JourneyStage, offset: -1 | 1) => moveTo(stage.id, ids.indexOf(stage.id) + offset), [moveTo, ids]);

  return (
    <>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          announcements: {
            onDragStart: ({ active }) => t('stages.announce.start', { name: nameOf(active.id) }),
            onDragOver: ({ active, over }) => (over ? t('stages.announce.over', { name: nameOf(active.id), position: positionOf(over.id) }) : ''),
            onDragEnd: ({ active, over }) => (over ? t('stages.announce.end', { name: nameOf(active.id), position: positionOf(over.id) }) : ''),
            onDragCancel: ({ active }) => t('stages.announce.cancel', { name: nameOf(active.id) }),
          },
          screenReaderInstructions: { draggable: t('stages.announce.instructions') },
        }}
      >
        <SortableContext items={ids} strategy={horizontalListSortingStrategy}>
          <div className="stage-strip" role="list" aria-label={t('overview.journey')}>
            {ordered.map((stage, index) => (
              <div role="listitem" key={stage.id}>
                <StageCard stage={stage} index={index} onMove={onMove} onDelete={setDeleting} lastStageHintId={onlyStage ? lastStageHintId : undefined} />
              </div>
            ))}
            <div role="listitem">
              <button
                className="add-stage"
                onClick={() => create.mutate({ studyId, name: t('stages.newName', { n: stages.length + 1 }) }, errors)}
                disabled={readOnly}
                title={reason}
              >
                <Icon name="plus" /> {t('stages.add')}
              </button>
            </div>
          </div>
        </SortableContext>
      </DndContext>
      {onlyStage && (
        <p className="hint" id={lastStageHintId}>
          {t('stages.lastStage')}
        </p>
      )}
      {deleting && (
        <DeleteStageDialog
          stage={deleting}
          others={stages.filter((s) => s.id !== deleting.id)}
          onCancel={() => setDeleting(null)}
          onConfirm={(target) => {
            remove.mutate({ id: deleting.id, moveTo: target }, errors);
            setDeleting(null);
          }}
        />
      )}
    </>
  );

  function nameOf(id: string | number): string {
    const stage = stages.find((s) => s.id === id);
    return stage ? stageName(t, stage) : '';
  }
  function positionOf(id: string | number): number {
    return stages.findIndex((s) => s.id === id) + 1;
  }
}
