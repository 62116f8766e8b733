// The affinity board, level 1: a column per journey stage plus Unsorted; findings as
// cards; drag a card onto another card to make a group, onto a group to join it, or
// into a column to move it (its stage follows). Multi-select with Shift/Ctrl-click,
// undo and redo with Ctrl+Z / Ctrl+Shift+Z, filters that fade what does not match.
import {
  DndContext,
  DragOverlay,
  getClientRect,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragMoveEvent,
  type DragStartEvent,
  type SensorDescriptor,
  type SensorOptions,
} from '@dnd-kit/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board, BoardCard } from '../../../shared/api/board';
import { PAIN_KINDS, type PainKind } from '../../../shared/domain';
import { newMutationId } from '../../api/callerIds';
import { skipOwnEcho } from '../../api/liveChanges';
import { call, useOperation } from '../../api/queries';
import { useTeammate } from '../../team/teammate';
import { PresenceAvatars, PresenceCursors } from '../presence/PresenceLayer';
import { usePresence } from '../presence/presenceStore';
import { anchorAt, usePresenceSender } from '../presence/usePresenceSender';
import { useReadOnly } from '../../app/useReadOnly';
import { EmptyState } from '../../components/EmptyState';
import { errorMessage } from '../../components/errors';
import { Icon } from '../../components/Icon';
import { showToast } from '../../components/toasts';
import { stageName } from '../overview/stageName';
import { BoardColumn } from './BoardColumn';
import { CardDragSource } from './cardDrag';
import { columnUnderPoint, highlight, targetAt, type DropTarget } from './dropTarget';
import { EvidencePanel } from './EvidencePanel';
import { boardImageSvg, downloadPng, downloadSvg } from './exportImage';
import { DataExportMenu } from '../interop/DataExportMenu';
import { boardKeyboardCoordinates } from './keyboardDrag';
import { Level2Panel } from './Level2Panel';
import { SuggestionsPanel } from './SuggestionsPanel';
import { LinkArrows } from './LinkArrows';
import { FilterBar } from './FilterBar';
import { isFiltering, matcher, NO_FILTER, type BoardFilter } from './filters';
import { moveLocally } from './optimistic';
import { lastPointer, overlayCentre, trackPointer } from './pointer';
import { useBoardFocus } from './focus';
import { useLasso } from './lasso';
import { undoButtonTitle, undoFailureMessage } from './undoRefusal';
import { selectCard, selectCards, type SelectMode } from './selection';
import { dropped, over, pickedUp, say, type BoardNames } from './announce';
import { ThemeStrip } from './ThemeStrip';
import { useColumns } from './stableColumns';
import { TermsLegend } from './TermsLegend';
import { ImageExportMenu } from './ImageExportMenu';

// Module constants: sensors and modifiers must not change identity between renders.
const NO_SENSORS: SensorDescriptor<SensorOptions>[] = [];
const NO_CARDS: readonly BoardCard[] = [];
const NO_GROUPS: Board['groups'] = [];
const POINTER = { activationConstraint: { distance: 5 } };
// Instant scrolling: a keyboard move that scrolls the board lands before the next key.
const KEYBOARD = { coordinateGetter: boardKeyboardCoordinates, scrollBehavior: 'auto' as const };
// Cards are placed with a transform; dnd-kit's default measure ignores transforms, which
// put the picked-up card (and the keyboard's drop point) where the canvas starts.
const MEASURING = { draggable: { measure: getClientRect } };

export function BoardScreen({ studyId, focusId }: { studyId: string; focusId?: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const board = useOperation('board.get', { studyId });
  const overview = useOperation('study.overview', { id: studyId });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [filter, setFilter] = useState<BoardFilter>(NO_FILTER);
  const [dragging, setDragging] = useState<BoardCard[] | null>(null);
  const [draggingGroup, setDraggingGroup] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  useBoardFocus(focusId, board.data, setOpen);
  const [presenting, setPresenting] = useState(false);
  const [level2, setLevel2] = useState(false);
  const [suggesting, setSuggesting] = useState(false);
  const [showLinks, setShowLinks] = useState(true);
  const target = useRef<DropTarget | null>(null);
  const columnsRef = useRef<HTMLDivElement | null>(null);
  // The area that holds the themes strip, the columns and the arrow layer; it does not scroll.
  const areaRef = useRef<HTMLDivElement | null>(null);
  const announcer = useRef<HTMLDivElement | null>(null);
  const names = useRef<BoardNames | null>(null);
  const spokenTarget = useRef('');
  const sensors = useSensors(useSensor(PointerSensor, POINTER), useSensor(KeyboardSensor, KEYBOARD));
  // A read-only library: cards cannot be picked up at all, rather than refused on drop.
  const { readOnly, reason } = useReadOnly();
  const teammate = useTeammate();
  // Others on this board (a live team session): where they point, what they hold.
  const teamStatus = useOperation('team.status', {}, teammate === null);
  const presence = usePresenceSender(studyId, teammate !== null || teamStatus.data?.studyId === studyId);
  const others = usePresence(studyId);
  useEffect(() => presence.selection([...selected]), [presence, selected]);
  useEffect(() => presence.dragging(dragging?.map((card) => card.id) ?? []), [presence, dragging]);
  const key = useMemo(() => ['board.get', { studyId }], [studyId]);
  const fail = useCallback((error: unknown) => showToast({ tone: 'error', message: errorMessage(t, error) }), [t]);
  const data = board.data;
  const stages = useMemo(() => overview.data?.stages ?? [], [overview.data]);
  const participants = useOperation('participant.list', { studyId });
  const sessions = useOperation('session.list', { studyId });
  const tags = useOperation('tag.list', { studyId });
  const [moreFilters, setMoreFilters] = useState(false);
  const filterContext = useMemo(
    () => ({
      participants: new Map((participants.data ?? []).map((p) => [p.id, p])),
      sessions: new Map((sessions.data ?? []).map((s) => [s.id, s])),
    }),
    [participants.data, sessions.data],
  );
  const matches = useMemo(() => matcher(filter, filterContext), [filter, filterContext]);
  // Translated once, not on every render of the screen (a pick-up and a drop each render it).
  const termsChips = useMemo(() => new Map(PAIN_KINDS.map((k) => [k, t('board.termsChip', { letter: k, name: t(`terms.${k}.name`) })])), [t]);
  const cardsByColumn = useColumns(data?.cards);
  const groupsByColumn = useColumns(data?.groups);

  const refresh = useCallback(() => client.invalidateQueries({ queryKey: key }), [client, key]);
  // Stable, so starting a drag does not hand dnd-kit new props (which re-renders every draggable).
  // The board speaks through its own live region (pick-up, what is under the card, what the
  // drop did, by name); dnd-kit's own region only says a drag was cancelled.
  const accessibility = useMemo(
    () => ({
      announcements: {
        onDragStart: () => undefined,
        onDragOver: () => undefined,
        onDragMove: () => undefined,
        onDragEnd: () => undefined,
        onDragCancel: () => t('board.announce.cancel'),
      },
      screenReaderInstructions: { draggable: t('stages.announce.instructions') },
    }),
    [t],
  );
  const undoLabels = board.data?.undo;
  const undo = useCallback(
    (redo: boolean) =>
      call(redo ? 'board.redo' : 'board.undo', { studyId }).then(refresh, (error: unknown) => {
        // A refused step names the action and why; the board (and what Undo offers next) is read again either way.
        showToast({ tone: 'error', message: undoFailureMessage(t, error, redo ? 'redo' : 'undo', (redo ? undoLabels?.redo : undoLabels?.undo) ?? null) }, 12_000);
        void refresh();
      }),
    [studyId, refresh, t, undoLabels],
  );

  useEffect(trackPointer, []);
  const onSelect = useCallback((id: string, mode: SelectMode) => setSelected((current) => selectCard(current, id, mode)), []);
  const onSelectMany = useCallback((ids: string[], additive: boolean) => setSelected((current) => selectCards(current, ids, additive)), []);
  const lassoBox = useRef<HTMLDivElement | null>(null);
  const [columnsElement, setColumnsElement] = useState<HTMLDivElement | null>(null);
  useLasso(columnsElement, lassoBox, onSelectMany);
  const columnsRefCallback = useCallback((el: HTMLDivElement | null) => {
    columnsRef.current = el;
    setColumnsElement(el);
  }, []);
  const activeDrag = useRef(false);


  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = (event.target as HTMLElement | null)?.closest('input, textarea, select, [contenteditable="true"]');
      if (typing || event.defaultPrevented) return;
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.code === 'KeyZ') {
        event.preventDefault();
        void undo(event.shiftKey);
      } else if (mod && event.code === 'KeyA') {
        // Select every card (that the filter shows) in the focused card's column.
        const column = (event.target as HTMLElement | null)?.closest<HTMLElement>('[data-drop-column]');
        if (!column) return;
        event.preventDefault();
        const cards = cardsByColumn.get(column.dataset.dropColumn ?? '') ?? [];
        onSelectMany(cards.filter((c) => !matches || matches(c)).map((c) => c.id), false);
      } else if (event.key === 'Escape' && !activeDrag.current) {
        onSelectMany([], false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, cardsByColumn, matches, onSelectMany]);

  const onDragStart = useCallback(
    (event: DragStartEvent) => {
      activeDrag.current = true;
      const id = String(event.active.id);
      spokenTarget.current = '';
      if (id.startsWith('group:')) {
        setDraggingGroup(id.slice('group:'.length));
        if (names.current) say(announcer.current, pickedUp(t, names.current, [], id.slice('group:'.length)));
        return;
      }
      const ids = selected.has(id) ? [...selected] : [id];
      const all = data?.cards ?? [];
      if (names.current) say(announcer.current, pickedUp(t, names.current, ids, null));
      setDragging(ids.map((x) => all.find((c) => c.id === x)).filter((c): c is BoardCard => Boolean(c)));
    },
    [selected, data, t],
  );

  const onDragMove = useCallback((event: DragMoveEvent) => {
    const activator = event.activatorEvent as PointerEvent | KeyboardEvent;
    // With the pointer, the point is where the pointer is now. (dnd-kit's delta also counts
    // how far the board scrolled itself at the edge, which would put the point that far
    // past the pointer.) By keyboard, it is the picked-up card's centre, moved as far as
    // the keys took it.
    const start = event.active.rect.current.initial;
    const point =
      'clientX' in activator
        ? (lastPointer() ?? { x: activator.clientX + event.delta.x, y: activator.clientY + event.delta.y })
        : start
          ? { x: start.left + start.width / 2 + event.delta.x, y: start.top + start.height / 2 + event.delta.y }
          : null;
    target.current = point ? targetAt(point.x, point.y) : null;
    highlight(target.current);
    // Say what the card is over only when that changes.
    const now = target.current ? JSON.stringify(target.current) : '';
    if (now !== spokenTarget.current && names.current) {
      spokenTarget.current = now;
      say(announcer.current, over(t, names.current, target.current));
    }
  }, [t]);

  const onDragEnd = useCallback(
    (event: DragEndEvent) => {
      // Where the user let go: the pointer's release point, or by keyboard the centre of
      // the lifted card as drawn (the board may have scrolled under it since the last move).
      const released = 'clientX' in event.activatorEvent ? lastPointer() : overlayCentre();
      const drop = released ? targetAt(released.x, released.y) : target.current;
      activeDrag.current = false;
      const moving = dragging?.map((c) => c.id) ?? [];
      const group = draggingGroup;
      setDragging(null);
      setDraggingGroup(null);
      highlight(null);
      target.current = null;
      if (names.current) say(announcer.current, dropped(t, names.current, moving, group, drop));
      if (group && drop) {
        // A group dropped on a theme joins it; anywhere in a column, it moves there.
        if (drop.kind === 'theme') call('board.updateGroup', { id: group, fields: { themeId: drop.themeId } }).then(refresh, fail);
        else if (!(drop.kind === 'group' && drop.groupId === group)) {
          const beforeId = drop.kind === 'group' ? drop.groupId : null;
          call('board.moveGroup', { id: group, stageId: drop.stageId, beforeId }).then(refresh, fail);
        }
        return;
      }
      if (drop?.kind === 'theme') return;
      if (!drop || moving.length === 0) return;
      if (drop.kind === 'card' && moving.includes(drop.cardId)) return;
      if (drop.kind === 'card' && drop.groupId === null) {
        // Onto a loose card: the two (or more) become a new group, named at once.
        call('board.createGroup', { studyId, stageId: drop.stageId, name: t('board.newGroup'), findingIds: [drop.cardId, ...moving] }).then(refresh, fail);
        return;
      }
      const groupId = drop.kind === 'column' ? null : drop.groupId;
      const beforeId = drop.kind === 'card' ? drop.cardId : null;
      client.setQueryData<Board>(key, (current) => (current ? moveLocally(current, moving, drop.stageId, groupId, beforeId) : current));
      const mutationId = newMutationId();
      skipOwnEcho(mutationId, ['board.get']);
      call('board.moveCards', { studyId, findingIds: moving, stageId: drop.stageId, groupId, beforeId }, mutationId).then(
        // The board already shows the move; only the undo state is new.
        (undo) => client.setQueryData<Board>(key, (current) => (current ? { ...current, undo } : current)),
        (error: unknown) => {
          fail(error);
          void refresh();
        },
      );
      // Keep the same (empty) set when nothing was selected: a new set re-renders every column.
      setSelected((current) => (current.size ? new Set() : current));
    },
    [dragging, draggingGroup, studyId, t, refresh, fail, client, key],
  );

  // Names for the drag announcements, current for the next drag.
  useEffect(() => {
    if (!data) return;
    names.current = {
      board: data,
      columnName: (stageId) => {
        const stage = stageId ? stages.find((s) => s.id === stageId) : undefined;
        return stage ? stageName(t, stage) : t('board.unsorted');
      },
    };
  }, [data, stages, t]);

  if (!data || !overview.data) return <p className="muted screen">{t('common.loading')}</p>;
  const columns = [...stages.map((s) => ({ id: s.id, title: stageName(t, s) })), { id: '', title: t('board.unsorted') }];
  const image = () => boardImageSvg(t, overview.data?.study.name ?? '', data, stages, matches);
  const openThemes = () => (setLevel2(true), setSuggesting(false));
  const toggleTerm = (k: PainKind) => setFilter((f) => ({ ...f, terms: f.terms.includes(k) ? f.terms.filter((x) => x !== k) : [...f.terms, k] }));

  return (
    <section className={`board-screen${presenting ? ' presenting' : ''}`} aria-label={t('nav.board')}>
      <header className="board-toolbar">
        <h1>{t('nav.board')}</h1>
        <button className="button small icon-only" disabled={readOnly || !data.undo.undo} onClick={() => void undo(false)} aria-label={t('board.undo')} title={reason ?? undoButtonTitle(t, data.undo, false)}>
          <Icon name="restore" size={14} />
        </button>
        <button className="button small icon-only redo" disabled={readOnly || !data.undo.redo} onClick={() => void undo(true)} aria-label={t('board.redo')} title={reason ?? undoButtonTitle(t, data.undo, true)}>
          <Icon name="restore" size={14} />
        </button>
        <input
          className="search board-search"
          type="search"
          aria-label={t('board.filterText')}
          placeholder={t('board.filterText')}
          value={filter.text}
          onChange={(e) => setFilter((f) => ({ ...f, text: e.target.value }))}
        />
        <div className="terms-filter" role="group" aria-label={t('codebook.terms')}>
          {PAIN_KINDS.map((k) => (
            <button
              key={k}
              className={`key-chip terms-toggle${filter.terms.includes(k) ? ` on terms-${k}` : ''}`}
              aria-pressed={filter.terms.includes(k)}
              aria-label={termsChips.get(k)}
              title={termsChips.get(k)}
              onClick={() => toggleTerm(k)}
            >
              {k}
            </button>
          ))}
        </div>
        <button className="button small" aria-expanded={moreFilters} onClick={() => setMoreFilters(!moreFilters)}>
          {t('board.moreFilters')}
        </button>
        {isFiltering(filter) && (
          <button className="button small icon-only" aria-label={t('board.clearFilters')} title={t('board.clearFilters')} onClick={() => setFilter(NO_FILTER)}>
            <Icon name="close" size={14} />
          </button>
        )}
        <span className="spacer" />
        {/* Exports and suggestions are the host's: a teammate sees the board only. */}
        {!teammate && (
          <>
            <ImageExportMenu onSvg={() => downloadSvg(image(), t('board.fileName'))} onPng={() => void downloadPng(image(), t('board.fileName')).catch(fail)} />
            <DataExportMenu studyId={studyId} />
            <button className="button small" aria-pressed={suggesting} onClick={() => (setSuggesting(!suggesting), setLevel2(false))} disabled={readOnly} title={reason}>
              <Icon name="sample" size={14} /> {t('board.suggest.open')}
            </button>
          </>
        )}
        <button className="button small" aria-pressed={level2} onClick={() => (setLevel2(!level2), setSuggesting(false))}>
          <Icon name="merge" size={14} /> {t('board.level2')}
        </button>
        <button className="button small icon-only" aria-pressed={presenting} aria-label={t('board.present')} title={t('board.present')} onClick={() => setPresenting(!presenting)}>
          <Icon name="overview" size={14} />
        </button>
      </header>
      {moreFilters && <FilterBar filter={filter} onChange={setFilter} participants={participants.data ?? []} sessions={sessions.data ?? []} tags={tags.data ?? []} />}
      {data.cards.length === 0 ? (
        <EmptyState icon="board" title={t('board.emptyTitle')}>
          <p>{t('board.emptyBody')}</p>
        </EmptyState>
      ) : (
        <DndContext
          sensors={readOnly ? NO_SENSORS : sensors}
          collisionDetection={columnUnderPoint}
          measuring={MEASURING}
          onDragStart={onDragStart}
          onDragMove={onDragMove}
          onDragEnd={onDragEnd}
          onDragCancel={() => ((activeDrag.current = false), setDragging(null), setDraggingGroup(null), highlight(null))}
          accessibility={accessibility}
        >
          {/* With links, the board leaves a corridor above the columns for arrows and their labels. */}
          <div
            className={`board-area${data.links.length > 0 ? ' has-links' : ''}`}
            ref={areaRef}
            onPointerMove={(e) => presence.pointer(anchorAt(e.target, e.clientX, e.clientY))}
            onPointerLeave={() => presence.pointer(null)}
          >
          <ThemeStrip board={data} onOpen={openThemes} />
          <CardDragSource>
          <div
            className="board-columns"
            data-testid="board"
            ref={columnsRefCallback}
          >
            {columns.map((column) => (
              <BoardColumn
                key={column.id || 'unsorted'}
                columnId={column.id}
                title={column.title}
                groups={groupsByColumn.get(column.id) ?? NO_GROUPS}
                cards={cardsByColumn.get(column.id) ?? NO_CARDS}
                selected={selected}
                matches={matches}
                onSelect={onSelect}
                onOpen={setOpen}
              />
            ))}
          </div>
          </CardDragSource>
          {/* No links, nothing to measure after every drop and scroll. */}
          {showLinks && data.links.length > 0 && <LinkArrows board={data} container={areaRef} />}
          </div>
          {/* What the board shows: the TERMS legend, how many cards, and whether arrows are drawn. */}
          <footer className="board-footer">
            <TermsLegend />
            <span className="spacer" />
            <PresenceAvatars others={others} />
            <span className="muted nowrap" data-testid="card-count">
              {matches ? t('board.countOf', { shown: data.cards.filter(matches).length, total: data.cards.length }) : t('board.cardCount', { count: data.cards.length })}
            </span>
            {data.links.length > 0 && (
              <button className="button small" aria-pressed={showLinks} onClick={() => setShowLinks(!showLinks)}>
                {t('board.showLinks')}
              </button>
            )}
          </footer>
          {others.length > 0 && <PresenceCursors others={others} />}
          <div className="sr-only" aria-live="assertive" aria-atomic="true" data-testid="board-announcer" ref={announcer} />
          <div className="lasso-box" ref={lassoBox} hidden />
          {/* The overlay must not hide the drop target from elementFromPoint. */}
          {/* No transition: by keyboard the drop point is where the lifted card is drawn. */}
          <DragOverlay dropAnimation={null} transition="" style={{ pointerEvents: 'none' }}>
            {draggingGroup ? (
              <div className="board-card overlay group-overlay">
                <p className="board-card-text">{data.groups.find((g) => g.id === draggingGroup)?.name}</p>
              </div>
            ) : dragging && dragging[0] ? (
              <div className="board-card overlay">
                <p className="board-card-text">{dragging[0].text}</p>
                {dragging.length > 1 && <span className="overlay-count">{dragging.length}</span>}
              </div>
            ) : null}
          </DragOverlay>
          {level2 && <Level2Panel board={data} studyId={studyId} onClose={() => setLevel2(false)} />}
          {suggesting && <SuggestionsPanel board={data} studyId={studyId} stages={stages} onAccepted={() => void refresh()} onClose={() => setSuggesting(false)} />}
        </DndContext>
      )}
      {open && <EvidencePanel card={data.cards.find((c) => c.id === open) ?? null} studyId={studyId} onClose={() => setOpen(null)} />}
    </section>
  );
}
