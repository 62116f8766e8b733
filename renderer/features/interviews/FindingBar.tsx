// Editing one finding by keyboard: a letter sets its type, a digit its stage (in the
// study's stage order), Shift+letter toggles a TERMS kind, # opens the tag picker.
// Every control shows its key; the mouse works too.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tag } from '../../../shared/api/codebook';
import type { JourneyStage } from '../../../shared/api/entities';
import type { Finding } from '../../../shared/api/sessions';
import { FINDING_TYPES, PAIN_KINDS, type PainKind } from '../../../shared/domain';
import { useMutationOf } from '../../api/queries';
import { reportErrors } from '../../components/mutate';
import { showToast } from '../../components/toasts';
import { stageName } from '../overview/stageName';
import { isComposing, KEY, painKindForKey, TYPE_KEYS, typeForKey } from './keys';
import { TagPicker } from './TagPicker';

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
  const update = useMutationOf('finding.update');
  const remove = useMutationOf('finding.delete');
  const create = useMutationOf('finding.create');
  const [picking, setPicking] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const errors = reportErrors(t);
  useEffect(() => {
    if (!picking) ref.current?.focus();
  }, [picking, finding.id]);

  const set = (fields: Parameters<typeof update.mutate>[0]['fields']) => {
    setFinding((current) => ({ ...current, ...fields }));
    update.mutate({ id: finding.id, fields }, errors);
  };
  const toggleTerm = (kind: PainKind) =>
    set({ terms: finding.terms.includes(kind) ? finding.terms.filter((k) => k !== kind) : [...finding.terms, kind] });
  const toggleTag = (tagId: string) =>
    set({ tagIds: finding.tagIds.includes(tagId) ? finding.tagIds.filter((id) => id !== tagId) : [...finding.tagIds, tagId] });
  const deleteFinding = () => {
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
    if (picking || isComposing(event) || event.target !== ref.current) return;
    const kind = painKindForKey(event.nativeEvent);
    const type = !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey ? typeForKey(event.key) : null;
    if (kind) toggleTerm(kind);
    else if (type) set({ type });
    else if (/^[0-9]$/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const index = Number(event.key);
      if (index === 0) set({ stageId: null });
      else if (stages[index - 1]) set({ stageId: stages[index - 1]!.id });
    } else if (event.key === '#' || event.key === 'g') setPicking(true);
    else if (event.key === 'Delete') deleteFinding();
    else if (event.key === 'Enter' || event.key === 'Escape') onDone();
    else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) onDone(event.key);
    else if (event.key === 'Backspace') onDone();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div ref={ref} className="finding-bar" tabIndex={-1} role="group" aria-label={t('capture.editingFinding')} onKeyDown={onKeyDown} data-testid="finding-bar">
      <p className="finding-bar-text">“{finding.text}”</p>
      <div className="finding-bar-row" role="radiogroup" aria-label={t('capture.type')}>
        {FINDING_TYPES.map((type) => (
          <button key={type} role="radio" aria-checked={finding.type === type} className={`key-chip${finding.type === type ? ' on' : ''}`} onClick={() => set({ type })}>
            <kbd>{TYPE_KEYS[type].toUpperCase()}</kbd> {t(`findingTypes.${type}.name`)}
          </button>
        ))}
      </div>
      <div className="finding-bar-row" role="radiogroup" aria-label={t('capture.stage')}>
        {stages.map((stage, i) => (
          <button key={stage.id} role="radio" aria-checked={finding.stageId === stage.id} className={`key-chip${finding.stageId === stage.id ? ' on' : ''}`} onClick={() => set({ stageId: stage.id })}>
            <kbd>{i + 1}</kbd> {stageName(t, stage)}
          </button>
        ))}
        <button role="radio" aria-checked={finding.stageId === null} className={`key-chip${finding.stageId === null ? ' on' : ''}`} onClick={() => set({ stageId: null })}>
          <kbd>{KEY.zero}</kbd> {t('capture.noStage')}
        </button>
      </div>
      <div className="finding-bar-row">
        {PAIN_KINDS.map((kind) => (
          <button
            key={kind}
            aria-pressed={finding.terms.includes(kind)}
            className={`key-chip terms-toggle${finding.terms.includes(kind) ? ' on terms-' + kind : ''}`}
            title={t(`terms.${kind}.definition`)}
            onClick={() => toggleTerm(kind)}
          >
            <kbd>
              {KEY.shift}
              {kind}
            </kbd> {t(`terms.${kind}.name`)}
          </button>
        ))}
        <span className="spacer" />
        <button className="key-chip" onClick={() => setPicking(true)}>
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
        <button className="key-chip danger" onClick={deleteFinding}>
          <kbd>{KEY.del}</kbd> {t('capture.deleteFinding')}
        </button>
        <button className="key-chip" onClick={() => onDone()}>
          <kbd>{KEY.enter}</kbd> {t('capture.done')}
        </button>
      </div>
      {picking && <TagPicker tags={tags} chosen={finding.tagIds} onToggle={toggleTag} onClose={() => setPicking(false)} />}
    </div>
  );
}
