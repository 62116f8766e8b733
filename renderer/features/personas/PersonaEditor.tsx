// One persona, edited in place: the face and facts at the top, who it stands for, and
// its lists, every statement citing the findings behind it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../shared/api/participants';
import type { Persona, PersonaItem } from '../../../shared/api/personas';
import { PERSONA_LISTS } from '../../../shared/domain';
import { useMutationOf } from '../../api/queries';
import { useReadOnly } from '../../app/useReadOnly';
import { EditableText } from '../../components/EditableText';
import { reportErrors } from '../../components/mutate';
import { conflictAware } from '../../components/editConflict';
import { EvidencePicker } from '../documents/EvidencePicker';
import { AvatarPicker } from './AvatarPicker';
import { MembersDialog } from './MembersDialog';
import { PersonaListSection } from './PersonaListSection';

type Fact = 'age' | 'occupation' | 'income';
const FACTS: readonly Fact[] = ['age', 'occupation', 'income'];

export function PersonaEditor({ persona, participants }: { persona: Persona; participants: readonly Participant[] }) {
  const { t } = useTranslation();
  const update = useMutationOf('persona.update');
  const link = useMutationOf('persona.linkEvidence');
  const errors = reportErrors(t);
  const { readOnly, reason } = useReadOnly();
  const [citing, setCiting] = useState<PersonaItem | null>(null);
  const [changingMembers, setChangingMembers] = useState(false);
  const save = (fields: Parameters<typeof update.mutate>[0]['fields']) => update.mutate({ id: persona.id, fields }, errors);
  type TextField = 'name' | 'age' | 'occupation' | 'income' | 'description';
  /** A text field's edit names the value it started from; a conflict offers to apply it anyway. */
  const saveText = (field: TextField, value: string, base: string) =>
    update.mutate({ id: persona.id, fields: { [field]: value }, basedOn: { [field]: base } }, conflictAware(t, () => save({ [field]: value })));

  return (
    <article className="persona-editor" aria-label={persona.name} data-testid="persona-editor">
      <header className="persona-card panel">
        <AvatarPicker avatar={persona.avatar} name={persona.name} onChange={(avatar) => save({ avatar })} />
        <div className="persona-facts">
          <EditableText className="persona-name" label={t('personas.name')} value={persona.name} required maxLength={200} readOnly={readOnly} onSave={(name, base) => saveText('name', name, base)} />
          <div className="persona-fact-row">
            {FACTS.map((fact) => (
              <label key={fact} className="persona-fact">
                <span className="muted">{t(`personas.facts.${fact}`)}</span>
                <EditableText className="persona-fact-value" label={t(`personas.facts.${fact}`)} value={persona[fact]} placeholder="—" multiline rows={1} maxLength={200} readOnly={readOnly} onSave={(value, base) => saveText(fact, value.trim(), base)} />
              </label>
            ))}
          </div>
          <EditableText
            className="persona-description"
            label={t('personas.description')}
            value={persona.description}
            multiline
            rows={3}
            maxLength={10_000}
            placeholder={t('personas.descriptionPlaceholder')}
            readOnly={readOnly}
            onSave={(description, base) => saveText('description', description, base)}
          />
          <p className="persona-members">
            <span className="muted">{t('personas.standsFor', { count: persona.participants.length })}</span>{' '}
            <span className="mono">{persona.participants.map((p) => p.code).join(', ') || '—'}</span>{' '}
            <button className="link-button accent" onClick={() => setChangingMembers(true)} disabled={readOnly} title={reason}>
              {t('personas.changeMembers')}
            </button>
          </p>
        </div>
      </header>
      <div className="persona-lists">
        {PERSONA_LISTS.map((list) => (
          <PersonaListSection key={list} personaId={persona.id} list={list} items={persona.lists[list] ?? []} onCite={setCiting} />
        ))}
      </div>
      {citing && (
        <EvidencePicker
          studyId={persona.studyId}
          participantIds={persona.participants.map((p) => p.id)}
          cited={citing.evidence.map((e) => e.findingId)}
          onClose={() => setCiting(null)}
          onPick={(findingIds) => link.mutate({ itemId: citing.id, findingIds }, { ...errors, onSuccess: () => setCiting(null) })}
        />
      )}
      {changingMembers && (
        <MembersDialog
          title={t('personas.changeMembers')}
          participants={participants}
          initial={{ segment: persona.segment, participantIds: persona.participants.map((p) => p.id) }}
          submitLabel={t('common.save')}
          onClose={() => setChangingMembers(false)}
          onSubmit={(members) => update.mutate({ id: persona.id, members }, { ...errors, onSuccess: () => setChangingMembers(false) })}
        />
      )}
    </article>
  );
}
