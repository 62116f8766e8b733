// Adds or edits a participant: code, personal data (marked as such), source, status,
// screening, consent, and segment attributes under the five dimensions, with any
// custom fields the team needs. Attribute names in use in the study are suggested, and
// a name close to one of them is flagged before it splits a dimension in two.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTICIPANT_SOURCES, PARTICIPANT_STATUSES, SEGMENT_DIMENSIONS, type ParticipantSource, type ParticipantStatus } from '../../../shared/domain';
import type { Attributes, Participant } from '../../../shared/api/participants';
import { nearAttribute, type KnownAttribute } from '../../../shared/attribute-names';
import { useMutationOf } from '../../api/queries';
import { Dialog } from '../../components/Dialog';
import { errorMessage } from '../../components/errors';
import { conflictAware } from '../../components/editConflict';
import { Icon } from '../../components/Icon';
import { DateField } from '../../components/DateField';
import { Select } from '../../components/Select';

type Row = { dimension: (typeof SEGMENT_DIMENSIONS)[number]; name: string; value: string };

function rowsOf(attributes: Attributes): Row[] {
  return SEGMENT_DIMENSIONS.flatMap((dimension) =>
    Object.entries(attributes[dimension] ?? {}).map(([name, value]) => ({ dimension, name, value })),
  );
}

function attributesOf(rows: Row[]): Attributes {
  const out: Attributes = {};
  for (const row of rows) {
    const name = row.name.trim();
    if (!name) continue;
    (out[row.dimension] ??= {})[name] = row.value.trim();
  }
  return out;
}

type Fields = Omit<Participant, 'id' | 'studyId' | 'withdrawnAt' | 'sessionCount' | 'findingCount' | 'revision'>;
const BASED_ON = ['code', 'realName', 'contact', 'consentScope', 'source', 'status'] as const;

/** The fields whose value differs from the participant as the dialog found it. */
function changedFields(found: Participant, fields: Fields): Partial<Fields> {
  const changed: Partial<Record<keyof Fields, unknown>> = {};
  for (const key of Object.keys(fields) as (keyof Fields)[]) {
    if (JSON.stringify(fields[key]) !== JSON.stringify(found[key])) changed[key] = fields[key];
  }
  return changed as Partial<Fields>;
}

/** The value each changed text or choice field started from. */
function basesOf(found: Participant, changed: Partial<Fields>): Partial<Record<(typeof BASED_ON)[number], string>> {
  return Object.fromEntries(BASED_ON.filter((key) => key in changed).map((key) => [key, found[key]]));
}

interface Props {
  studyId: string;
  participant: Participant | null;
  suggestedCode: string;
  /** Attribute names the study's participants already use. */
  knownAttributes: readonly KnownAttribute[];
  onClose: () => void;
}

export function ParticipantDialog({ studyId, participant, suggestedCode, knownAttributes, onClose }: Props) {
  const { t } = useTranslation();
  const namesId = useId();
  const create = useMutationOf('participant.create');
  const update = useMutationOf('participant.update');
  const [code, setCode] = useState(participant?.code ?? suggestedCode);
  const [realName, setRealName] = useState(participant?.realName ?? '');
  const [contact, setContact] = useState(participant?.contact ?? '');
  const [source, setSource] = useState<ParticipantSource>(participant?.source ?? 'own');
  const [status, setStatus] = useState<ParticipantStatus>(participant?.status ?? 'recruited');
  const [screened, setScreened] = useState(participant?.screenedRelevant ?? true);
  const [consentDate, setConsentDate] = useState(participant?.consentDate ?? '');
  const [consentScope, setConsentScope] = useState(participant?.consentScope ?? '');
  // The participant as the dialog found it: what an edit is based on, whatever is saved meanwhile.
  const [opened] = useState(participant);
  const [rows, setRows] = useState<Row[]>(() => {
    const existing = rowsOf(participant?.attributes ?? {});
    return existing.length ? existing : [{ dimension: 'demographic', name: '', value: '' }];
  });
  const pending = create.isPending || update.isPending;
  const error = create.error ?? update.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = {
      code: code.trim(),
      realName,
      contact,
      source,
      status,
      screenedRelevant: screened,
      consentDate: consentDate || null,
      consentScope,
      attributes: attributesOf(rows),
    };
    if (!participant) {
      create.mutate({ studyId, fields }, { onSuccess: onClose });
      return;
    }
    // Only what was changed here is sent, each field with the value it started from: a field
    // another window saved meanwhile is refused (and can be applied anyway), the others merge.
    const found = opened ?? participant;
    // Attributes compared as the form writes them (dimension order, trimmed), not as stored.
    const changed = changedFields({ ...found, attributes: attributesOf(rowsOf(found.attributes)) }, fields);
    const basedOn = basesOf(found, changed);
    const input = { id: participant.id, fields: changed };
    update.mutate({ ...input, basedOn }, { onSuccess: onClose, ...conflictAware(t, () => update.mutate(input, { onSuccess: onClose })) });
  };
  const setRow = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  /** A name picked from the suggestions brings its dimension along when it is used in only one. */
  const setName = (i: number, name: string) => {
    const dimensions = [...new Set(knownAttributes.filter((k) => k.name === name).map((k) => k.dimension))];
    const row = rows[i];
    setRow(i, { name, ...(row && dimensions.length === 1 && !dimensions.includes(row.dimension) ? { dimension: dimensions[0]! } : {}) });
  };
  const uniqueNames = [...new Set(knownAttributes.map((k) => k.name))];

  return (
    <Dialog title={participant ? t('participants.editTitle', { code: participant.code }) : t('participants.addTitle')} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        <div className="form-row">
          <label className="field narrow">
            <span>{t('participants.code')}</span>
            <input value={code} required maxLength={40} autoFocus onChange={(e) => setCode(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('participants.source')}</span>
            <Select value={source} onChange={(e) => setSource(e.target.value as ParticipantSource)}>
              {PARTICIPANT_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(`sources.${s}`)}
                </option>
              ))}
            </Select>
          </label>
          <label className="field">
            <span>{t('participants.status')}</span>
            <Select value={status} onChange={(e) => setStatus(e.target.value as ParticipantStatus)}>
              {PARTICIPANT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`statuses.${s}`)}
                </option>
              ))}
            </Select>
          </label>
        </div>
        <fieldset className="personal">
          <legend>
            <Icon name="lock" size={14} /> {t('participants.personalData')}
          </legend>
          <p className="hint">{t('participants.personalHint')}</p>
          <div className="form-row">
            <label className="field">
              <span>{t('participants.realName')}</span>
              <input value={realName} maxLength={2000} onChange={(e) => setRealName(e.target.value)} />
            </label>
            <label className="field">
              <span>{t('participants.contact')}</span>
              <input value={contact} maxLength={2000} onChange={(e) => setContact(e.target.value)} />
            </label>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('participants.segment')}</legend>
          <datalist id={namesId}>
            {uniqueNames.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          {rows.map((row, i) => {
            const near = nearAttribute(row.name, row.dimension, knownAttributes);
            const warningId = `${namesId}-near-${i}`;
            return (
              <div className="attribute-entry" key={i}>
                <div className="attribute-row">
                  <Select aria-label={t('participants.dimension')} value={row.dimension} onChange={(e) => setRow(i, { dimension: e.target.value as Row['dimension'] })}>
                    {SEGMENT_DIMENSIONS.map((d) => (
                      <option key={d} value={d}>
                        {t(`dimensions.${d}`)}
                      </option>
                    ))}
                  </Select>
                  <input
                    aria-label={t('participants.attribute')}
                    placeholder={t('participants.attributePlaceholder')}
                    value={row.name}
                    maxLength={100}
                    list={namesId}
                    autoComplete="off"
                    aria-describedby={near ? warningId : undefined}
                    aria-invalid={near ? true : undefined}
                    onChange={(e) => setName(i, e.target.value)}
                  />
                  <input aria-label={t('participants.value')} placeholder={t('participants.valuePlaceholder')} value={row.value} maxLength={500} onChange={(e) => setRow(i, { value: e.target.value })} />
                  <button type="button" className="icon-button" aria-label={t('participants.removeAttribute')} onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                    <Icon name="close" size={14} />
                  </button>
                </div>
                {near && (
                  <p className="attribute-near" id={warningId} role="status">
                    <Icon name="warning" size={14} />{' '}
                    {near.dimension === row.dimension
                      ? t('participants.nearAttribute', { name: near.name })
                      : t('participants.nearAttributeElsewhere', { name: near.name, dimension: t(`dimensions.${near.dimension}`) })}{' '}
                    <button type="button" className="link-button accent" onClick={() => setRow(i, { name: near.name, dimension: near.dimension })}>
                      {t('participants.useAttribute', { name: near.name })}
                    </button>
                  </p>
                )}
              </div>
            );
          })}
          <button type="button" className="link-button accent" onClick={() => setRows([...rows, { dimension: rows.at(-1)?.dimension ?? 'demographic', name: '', value: '' }])}>
            {t('participants.addAttribute')}
          </button>
        </fieldset>
        <fieldset>
          <legend>{t('participants.consent')}</legend>
          <div className="form-row">
            <label className="field narrow">
              <span>{t('participants.consentDate')}</span>
              <DateField value={consentDate} onValueChange={setConsentDate} />
            </label>
            <label className="field">
              <span>{t('participants.consentScope')}</span>
              <input value={consentScope} maxLength={2000} placeholder={t('participants.consentScopePlaceholder')} onChange={(e) => setConsentScope(e.target.value)} />
            </label>
          </div>
          <label className="check">
            <input type="checkbox" checked={screened} onChange={(e) => setScreened(e.target.checked)} /> {t('participants.screened')}
          </label>
        </fieldset>
        {error && <p className="form-error">{errorMessage(t, error)}</p>}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={!code.trim() || pending}>
            {participant ? t('common.save') : t('participants.add')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
