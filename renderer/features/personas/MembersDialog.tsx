// Who a persona stands for: a segment (participant source and attribute values, e.g.
// own customers in Shanghai with a family of four) or participants picked by hand. The
// preview applies the same rule as the core, so the count shown is the count saved.
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../shared/api/participants';
import type { PersonaMembers, SegmentFilter } from '../../../shared/api/personas';
import { PARTICIPANT_SOURCES, SEGMENT_DIMENSIONS, type ParticipantSource, type SegmentDimension } from '../../../shared/domain';
import { inSegment } from '../../../shared/segment';
import { Dialog } from '../../components/Dialog';

interface Props {
  title: string;
  participants: readonly Participant[];
  /** Asks for a name too (a new persona). */
  withName?: boolean;
  initial?: { segment: SegmentFilter | null; participantIds: readonly string[] };
  submitLabel: string;
  onSubmit: (members: PersonaMembers, name: string) => void;
  onClose: () => void;
}

interface AttributeChoice {
  dimension: SegmentDimension;
  name: string;
  values: string[];
}

/** Every attribute the study's participants have, with the values they take. */
function attributeChoices(participants: readonly Participant[]): AttributeChoice[] {
  const found = new Map<string, AttributeChoice>();
  for (const p of participants) {
    for (const dimension of SEGMENT_DIMENSIONS) {
      for (const [name, value] of Object.entries(p.attributes[dimension] ?? {})) {
        if (!value) continue;
        const key = `${dimension}|${name}`;
        const choice = found.get(key) ?? { dimension, name, values: [] };
        if (!choice.values.includes(value)) choice.values.push(value);
        found.set(key, choice);
      }
    }
  }
  return [...found.values()].map((c) => ({ ...c, values: c.values.sort() }));
}

type MemberMode = PersonaMembers['kind'];
const MEMBER_MODES: readonly MemberMode[] = ['segment', 'participants'];

const valueKey = (dimension: string, name: string, value: string) => JSON.stringify([dimension, name, value]);

export function MembersDialog({ title, participants, withName, initial, submitLabel, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const active = useMemo(() => participants.filter((p) => p.withdrawnAt === null), [participants]);
  const choices = useMemo(() => attributeChoices(active), [active]);
  const [name, setName] = useState('');
  const [mode, setMode] = useState<MemberMode>(initial && !initial.segment && initial.participantIds.length ? 'participants' : 'segment');
  const [sources, setSources] = useState<ParticipantSource[]>(initial?.segment?.sources ?? []);
  const [values, setValues] = useState<Set<string>>(
    () => new Set(initial?.segment?.attributes.flatMap((a) => a.values.map((v) => valueKey(a.dimension, a.name, v))) ?? []),
  );
  const [picked, setPicked] = useState<Set<string>>(() => new Set(initial?.participantIds ?? []));

  const segment: SegmentFilter = useMemo(
    () => ({
      ...(sources.length ? { sources } : {}),
      attributes: choices
        .map((c) => ({ dimension: c.dimension, name: c.name, values: c.values.filter((v) => values.has(valueKey(c.dimension, c.name, v))) }))
        .filter((c) => c.values.length > 0),
    }),
    [sources, values, choices],
  );
  const members = mode === 'segment' ? active.filter((p) => inSegment(p, segment)) : active.filter((p) => picked.has(p.id));
  const toggle = <T,>(set: Set<T>, item: T) => {
    const next = new Set(set);
    if (next.has(item)) next.delete(item);
    else next.add(item);
    return next;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(mode === 'segment' ? { kind: 'segment', segment } : { kind: 'participants', participantIds: [...picked] }, name.trim());
  };

  return (
    <Dialog title={title} onClose={onClose}>
      <form className="members-form" onSubmit={submit}>
        {withName && (
          <label className="form-row">
            <span>{t('personas.name')}</span>
            <input autoFocus required maxLength={200} value={name} placeholder={t('personas.namePlaceholder')} onChange={(e) => setName(e.target.value)} />
          </label>
        )}
        <div className="segmented" role="radiogroup" aria-label={t('personas.membersMode')}>
          {MEMBER_MODES.map((m) => (
            <label key={m} className={`segment-option${mode === m ? ' on' : ''}`}>
              <input type="radio" name="members-mode" checked={mode === m} onChange={() => setMode(m)} />
              {t(`personas.mode.${m}`)}
            </label>
          ))}
        </div>
        {mode === 'segment' ? (
          <div className="segment-builder">
            <fieldset>
              <legend>{t('participants.source')}</legend>
              {PARTICIPANT_SOURCES.map((s) => (
                <label key={s} className="check">
                  <input type="checkbox" checked={sources.includes(s)} onChange={() => setSources(sources.includes(s) ? sources.filter((x) => x !== s) : [...sources, s])} />
                  {t(`sources.${s}`)}
                </label>
              ))}
            </fieldset>
            {choices.map((c) => (
              <fieldset key={`${c.dimension}|${c.name}`}>
                <legend>
                  {c.name} <span className="muted">· {t(`dimensions.${c.dimension}`)}</span>
                </legend>
                {c.values.map((v) => {
                  const key = valueKey(c.dimension, c.name, v);
                  return (
                    <label key={v} className="check">
                      <input type="checkbox" checked={values.has(key)} onChange={() => setValues(toggle(values, key))} />
                      {v}
                    </label>
                  );
                })}
              </fieldset>
            ))}
            {choices.length === 0 && <p className="muted">{t('personas.noAttributes')}</p>}
          </div>
        ) : (
          <div className="participant-picker">
            {active.map((p) => (
              <label key={p.id} className="check">
                <input type="checkbox" checked={picked.has(p.id)} onChange={() => setPicked(toggle(picked, p.id))} />
                <span className="mono">{p.code}</span> <span className="muted">{t(`sources.${p.source}`)}</span>
              </label>
            ))}
          </div>
        )}
        <p className="members-preview" data-testid="members-preview">
          {t('personas.membersPreview', { count: members.length })} <span className="mono">{members.map((p) => p.code).join(', ')}</span>
        </p>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={(withName && !name.trim()) || members.length === 0}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
