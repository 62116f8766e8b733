// Editing one finding by keyboard: a letter sets its type, a digit its stage (in the
// study's stage order), Shift+letter toggles a TERMS kind, # opens the tag picker,
// E edits its wording. Every control shows its key; the mouse works too. The
// definition of the type, stage or TERMS kind in hand is always in view, so each is
// applied as the codebook means it.
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tag } from '../../../shared/api/codebook';
import type { JourneyStage } from '../../../shared/api/entities';
import type { Finding } from '../../../shared/api/sessions';
import { FINDING_TYPES, PAIN_KINDS, type FindingType, type PainKind } from '../../../shared/domain';
import { applyListIntent } from '../../../shared/listIntent';
import { useMutationOf } from '../../api/queries';
import { useReadOnly } from '../../app/useReadOnly';
import { reportErrors } from '../../components/mutate';
import { conflictAware } from '../../components/editConflict';
import { ApiCallError } from '../../../shared/api/result';
import { showToast } from '../../components/toasts';
import { stageName } from '../overview/stageName';
import { EDIT_KEY, isComposing, KEY, painKindForKey, TYPE_KEYS, typeForKey } from './keys';
import { TagPicker } from './TagPicker';

/** Colours given in turn to tags created while tagging, as the codebook does. */
const TAG_COLOURS = ['#2f5d62', '#b4443a', '#e0a458', '#5b7db1', '#7a9e5b', '#8e6bb8', '#c06c84', '#4b5158'];

/** The option whose definition the bar shows: the one focused or pointed at, else the last one set. */
type Explained = { kind: 'type'; type: FindingType } | { kind: 'stage'; stageId: string | null } | { kind: 'terms'; term: PainKind };

interface Props {
  finding: Finding;
  stages: JourneyStage[];
  tags: Tag[];
  /** Closes the bar; `typed` is a character to carry on typing in the notes. */
  onDone: (typed?: string) => void;
}

export function FindingBar({ finding: saved, stages, tags, onDone }: Props) {
  const { t } = useTranslation();
  // The bar's own copy, updated on every key at once: quick keys (Shift+T then Shift+E)
  // must build on each other, not on the last answer from the core.
  const [finding, setFinding] = useState(saved);
  // Words changed from outside the bar (taken back, or taken from the paragraph, from a
  // notice) show at once; the bar's own changes are already in its copy.
  const [savedText, setSavedText] = useState(saved.text);
  if (saved.text !== savedText) {
    setSavedText(saved.text);
    setFinding((current) => ({ ...current, text: saved.text }));
  }
  const update = useMutationOf('finding.update');
  const remove = useMutationOf('finding.delete');
  const create = useMutationOf('finding.create');
  const createTag = useMutationOf('tag.create');
  const deleteTag = useMutationOf('tag.delete');
  // The latest tags of the finding, for a tag created while the picker stays open.
  const latestTags = useRef(finding.tagIds);
  useEffect(() => {
    latestTags.current = finding.tagIds;
  }, [finding.tagIds]);
  const [picking, setPicking] = useState(false);
  const [editing, setEditing] = useState(false);
  const [explained, setExplained] = useState<Explained>({ kind: 'type', type: saved.type });
  const ref = useRef<HTMLDivElement>(null);
  const definitionId = useId();
  const errors = reportErrors(t);
  // Read-only, the bar shows the finding and its definitions; every change is disabled.
  const { readOnly, reason } = useReadOnly();
  const locked = { disabled: readOnly, title: reason };
  // Before the browser takes the next key: a key pressed just after the bar opens, or
  // after the wording field closes, belongs to the bar, not to the page. A picker left
  // by a click elsewhere leaves the keyboard where the click put it.
  const backToBar = useRef(true);
  useLayoutEffect(() => {
    if (picking || editing || !backToBar.current) return;
    backToBar.current = false;
    ref.current?.focus();
  }, [picking, editing, finding.id]);
  const closeWording = () => {
    backToBar.current = true;
    setEditing(false);
  };

  type Fields = Parameters<typeof update.mutate>[0]['fields'];
  /** Sends `fields` and shows the change at once: `local` says how (by default, the fields as they are). */
  const set = (fields: Fields, local: (current: Finding) => Finding = (current) => ({ ...current, ...fields })) => {
    if (readOnly) return;
    setFinding(local);
    update.mutate({ id: finding.id, fields }, errors);
  };
  /** A toggle goes as an intent (add or remove one), so another window's toggle of another item is kept. */
  const toggleTerms = (add: PainKind[], remove: PainKind[]) =>
    set({ addTerms: add, removeTerms: remove }, (current) => ({ ...current, terms: applyListIntent(current.terms, add, remove, PAIN_KINDS) }));
  const toggleTags = (add: string[], remove: string[]) =>
    set({ addTags: add, removeTags: remove }, (current) => ({ ...current, tagIds: applyListIntent(current.tagIds, add, remove) }));
  const setType = (type: FindingType) => {
    setExplained({ kind: 'type', type });
    set({ type });
  };
  const setStage = (stageId: string | null) => {
    setExplained({ kind: 'stage', stageId });
    set({ stageId });
  };
  const toggleTerm = (kind: PainKind) => {
    setExplained({ kind: 'terms', term: kind });
    if (finding.terms.includes(kind)) toggleTerms([], [kind]);
    else toggleTerms([kind], []);
  };
  /** `base`: the wording the field opened with; the core refuses the edit if it was saved otherwise meanwhile. */
  const saveWording = (text: string, base: string) => {
    closeWording();
    const wording = text.trim();
    // An emptied field is taken as a change of mind, not as a finding without words.
    if (!wording || wording === base || wording === finding.text || readOnly) return;
    setFinding((current) => ({ ...current, text: wording }));
    const applyMine = () => {
      setFinding((current) => ({ ...current, text: wording }));
      update.mutate({ id: finding.id, fields: { text: wording } }, errors);
    };
    const handlers = conflictAware(t, applyMine);
    update.mutate(
      { id: finding.id, fields: { text: wording }, basedOn: { text: base } },
      {
        onError: (error) => {
          // Theirs was saved first and stays: the bar shows it again, and the notice offers mine.
          if (error instanceof ApiCallError && error.current !== undefined) {
            const theirs = error.current;
            setFinding((current) => ({ ...current, text: theirs }));
          }
          handlers.onError(error);
        },
      },
    );
  };
  const toggleTag = (tagId: string) => (finding.tagIds.includes(tagId) ? toggleTags([], [tagId]) : toggleTags([tagId], []));
  /** A tag made from the picker: the name now, the definition later in the codebook; undone from its notice. */
  const createAndApply = (name: string) =>
    createTag.mutate(
      { studyId: finding.studyId, fields: { name, color: TAG_COLOURS[tags.length % TAG_COLOURS.length] } },
      {
        ...errors,
        onSuccess: (tag) => {
          if (!latestTags.current.includes(tag.id)) {
            latestTags.current = [...latestTags.current, tag.id];
            toggleTags([tag.id], []);
          }
          showToast({
            tone: 'info',
            message: t('capture.tagCreated', { name: tag.name }),
            action: { label: t('common.undo'), run: () => deleteTag.mutate({ id: tag.id }, errors) },
          });
        },
      },
    );
  const deleteFinding = () => {
    if (readOnly) return;
    remove.mutate(
      { id: finding.id },
      {
        ...errors,
        onSuccess: () =>
          showToast({
            tone: 'info',
            message: t('capture.findingDeleted'),
            action: {
              label: t('common.undo'),
              run: () =>
                create.mutate(
                  {
                    sessionId: finding.sessionId ?? '',
                    questionId: finding.questionId,
                    paragraphKey: finding.paragraphKey,
                    text: finding.text,
                    type: finding.type,
                    fields: { stageId: finding.stageId, terms: finding.terms, tagIds: finding.tagIds },
                  },
                  errors,
                ),
            },
          }),
      },
    );
    onDone();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (picking || editing || isComposing(event)) return;
    // The keys also work with one of the bar's buttons focused (after Tab), except
    // the keys that press that button.
    const target = event.target as HTMLElement;
    const onButton = target !== ref.current && target.tagName === 'BUTTON' && Boolean(ref.current?.contains(target));
    if (target !== ref.current && !onButton) return;
    if (onButton && (event.key === 'Enter' || event.key === ' ')) return;
    const plain = !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey;
    const kind = painKindForKey(event.nativeEvent);
    const type = plain ? typeForKey(event.key) : null;
    if (kind) toggleTerm(kind);
    else if (type) setType(type);
    else if (plain && event.key.toLowerCase() === EDIT_KEY && !readOnly) setEditing(true);
    else if (/^[0-9]$/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const index = Number(event.key);
      if (index === 0) setStage(null);
      else if (stages[index - 1]) setStage(stages[index - 1]!.id);
    } else if ((event.key === '#' || event.key === 'g') && !readOnly) setPicking(true);
    else if (event.key === 'Delete') deleteFinding();
    else if (event.key === 'Enter' || event.key === 'Escape') onDone();
    else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) onDone(event.key);
    else if (event.key === 'Backspace') onDone();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const describe = (option: Explained): { name: string; text: string } => {
    if (option.kind === 'type') return { name: t(`findingTypes.${option.type}.name`), text: t(`findingTypes.${option.type}.definition`) };
    if (option.kind === 'terms') return { name: `${option.term} · ${t(`terms.${option.term}.name`)}`, text: t(`terms.${option.term}.definition`) };
    const stage = stages.find((s) => s.id === option.stageId);
    if (!stage) return { name: t('capture.noStage'), text: t('capture.noStageDefinition') };
    return { name: stageName(t, stage), text: stage.description.trim() || t('codebook.noStageDescription') };
  };
  const definition = describe(explained);
  /** Focus or pointer on an option puts its definition in the bar's definition line. */
  const explains = (option: Explained) => ({ onFocus: () => setExplained(option), onMouseEnter: () => setExplained(option), 'aria-describedby': definitionId });
  const explainsType = (type: FindingType) => explains({ kind: 'type', type });
  const explainsStage = (stageId: string | null) => explains({ kind: 'stage', stageId });
  const explainsTerm = (term: PainKind) => explains({ kind: 'terms', term });

  return (
    <div
      ref={ref}
      className="finding-bar"
      tabIndex={-1}
      role="group"
      aria-label={t('capture.editingFinding')}
      aria-describedby={definitionId}
      onKeyDown={onKeyDown}
      data-testid="finding-bar"
    >
      {editing ? (
        <WordingField text={finding.text} onSave={saveWording} onCancel={closeWording} />
      ) : (
        <div className="finding-bar-head">
          <p className="finding-bar-text" data-testid="finding-wording">
            “{finding.text}”
          </p>
          <button className="key-chip" onClick={() => setEditing(true)} aria-keyshortcuts={EDIT_KEY.toUpperCase()} {...locked}>
            <kbd>{EDIT_KEY.toUpperCase()}</kbd> {t('capture.editWording')}
          </button>
        </div>
      )}
      <div className="finding-bar-row" role="radiogroup" aria-label={t('capture.type')}>
        {FINDING_TYPES.map((type) => (
          <button
            key={type}
            role="radio"
            aria-checked={finding.type === type}
            className={`key-chip${finding.type === type ? ' on' : ''}`}
            onClick={() => setType(type)}
            {...explainsType(type)}
            {...locked}
          >
            <kbd>{TYPE_KEYS[type].toUpperCase()}</kbd> {t(`findingTypes.${type}.name`)}
          </button>
        ))}
      </div>
      <div className="finding-bar-row" role="radiogroup" aria-label={t('capture.stage')}>
        {stages.map((stage, i) => (
          <button
            key={stage.id}
            role="radio"
            aria-checked={finding.stageId === stage.id}
            className={`key-chip${finding.stageId === stage.id ? ' on' : ''}`}
            onClick={() => setStage(stage.id)}
            {...explainsStage(stage.id)}
            {...locked}
          >
            <kbd>{i + 1}</kbd> {stageName(t, stage)}
          </button>
        ))}
        <button
          role="radio"
          aria-checked={finding.stageId === null}
          className={`key-chip${finding.stageId === null ? ' on' : ''}`}
          onClick={() => setStage(null)}
          {...explainsStage(null)}
          {...locked}
        >
          <kbd>{KEY.zero}</kbd> {t('capture.noStage')}
        </button>
      </div>
      <div className="finding-bar-row">
        {PAIN_KINDS.map((kind) => (
          <button
            key={kind}
            aria-pressed={finding.terms.includes(kind)}
            className={`key-chip terms-toggle${finding.terms.includes(kind) ? ' on terms-' + kind : ''}`}
            onClick={() => toggleTerm(kind)}
            {...explainsTerm(kind)}
            {...locked}
          >
            <kbd>
              {KEY.shift}
              {kind}
            </kbd>{' '}
            {t(`terms.${kind}.name`)}
          </button>
        ))}
        <span className="spacer" />
        <button className="key-chip" onClick={() => setPicking(true)} {...locked}>
          <kbd>{KEY.hash}</kbd> {t('capture.tags')}
        </button>
        {finding.tagIds.map((id) => {
          const tag = tags.find((x) => x.id === id);
          return tag ? (
            <span key={id} className="chip" title={tag.definition}>
              {tag.name}
            </span>
          ) : null;
        })}
        <button className="key-chip danger" onClick={deleteFinding} {...locked}>
          <kbd>{KEY.del}</kbd> {t('capture.deleteFinding')}
        </button>
        <button className="key-chip" onClick={() => onDone()}>
          <kbd>{KEY.enter}</kbd> {t('capture.done')}
        </button>
      </div>
      <p id={definitionId} className="finding-bar-definition" data-testid="finding-definition">
        <strong>{definition.name}</strong> {definition.text}
      </p>
      {picking && (
        <TagPicker
          tags={tags}
          chosen={finding.tagIds}
          onToggle={toggleTag}
          onCreate={createAndApply}
          // Escape ends the tagging and the finding with it: in a live interview the next
          // keys are the participant's words, for the notes, not the bar's shortcuts.
          onClose={() => onDone()}
          onLeave={() => setPicking(false)}
        />
      )}
    </div>
  );
}

/** The finding's wording in a text field: Enter saves, Escape puts the old wording back. */
function WordingField({ text, onSave, onCancel }: { text: string; onSave: (text: string, base: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  // The wording the field opened with: kept while typing, whatever is saved elsewhere meanwhile.
  const [base] = useState(text);
  const [draft, setDraft] = useState(text);
  const hintId = useId();
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter inside an input-method composition picks a candidate; it must not save.
    if (isComposing(event)) return;
    if (event.key === 'Enter' && !event.shiftKey) onSave(draft, base);
    else if (event.key === 'Escape') onCancel();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  return (
    <div className="finding-wording">
      <textarea
        autoFocus
        aria-label={t('capture.findingWording')}
        aria-describedby={hintId}
        value={draft}
        rows={Math.min(6, Math.max(2, Math.ceil(draft.length / 60)))}
        onChange={(e) => setDraft(e.target.value)}
        onFocus={(e) => e.currentTarget.setSelectionRange(e.currentTarget.value.length, e.currentTarget.value.length)}
        onKeyDown={onKeyDown}
        data-testid="finding-wording-field"
      />
      <p id={hintId} className="finding-wording-hint">
        <kbd>{KEY.enter}</kbd> {t('capture.saveWording')} · <kbd>{KEY.esc}</kbd> {t('capture.cancelWording')}
      </p>
    </div>
  );
}
