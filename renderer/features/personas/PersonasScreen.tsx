// Personas of a study: the list on the left, the persona being edited in the middle,
// its PERSONAL checklist and evidence suggested from the board on the right.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_FORMATS } from '../../../shared/api/documents';
import { call, useMutationOf, useOperation } from '../../api/queries';
import { useReadOnly } from '../../app/useReadOnly';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { reportErrors } from '../../components/mutate';
import { ExportMenu } from '../documents/ExportMenu';
import { MembersDialog } from './MembersDialog';
import { PersonaAvatar } from './PersonaAvatar';
import { PersonaEditor } from './PersonaEditor';
import { PersonalChecklist } from './PersonalChecklist';
import { SuggestionsPanel } from './SuggestionsPanel';

export function PersonasScreen({ studyId, focusId }: { studyId: string; focusId?: string }) {
  const { t } = useTranslation();
  const list = useOperation('persona.list', { studyId });
  const participants = useOperation('participant.list', { studyId });
  const create = useMutationOf('persona.create');
  const remove = useMutationOf('persona.delete');
  const errors = reportErrors(t);
  const { readOnly, reason } = useReadOnly();
  const [chosen, setChosen] = useState<string | null>(focusId ?? null);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const personas = list.data ?? [];
  const selectedId = personas.some((p) => p.id === chosen) ? chosen : (personas[0]?.id ?? null);
  const persona = useOperation('persona.get', { id: selectedId ?? '' }, selectedId !== null);

  const newPersona = creating && (
    <MembersDialog
      title={t('personas.new')}
      withName
      participants={participants.data ?? []}
      submitLabel={t('personas.create')}
      onClose={() => setCreating(false)}
      onSubmit={(members, name) =>
        create.mutate({ studyId, name, members, fields: { avatar: 'generated:teal' } }, { ...errors, onSuccess: (made) => (setChosen(made.id), setCreating(false)) })
      }
    />
  );

  if (list.isLoading) return <p className="muted screen">{t('common.loading')}</p>;
  if (personas.length === 0) {
    return (
      <>
        <EmptyState icon="personas" title={t('personas.emptyTitle')}>
          <p>{t('personas.emptyBody')}</p>
          <button className="button primary" onClick={() => setCreating(true)} disabled={readOnly} title={reason}>
            <Icon name="plus" size={15} /> {t('personas.new')}
          </button>
        </EmptyState>
        {newPersona}
      </>
    );
  }

  return (
    <section className="screen wide personas-screen" aria-labelledby="personas-title">
      <header className="screen-head">
        <div>
          <h1 id="personas-title">{t('nav.personas')}</h1>
          <p className="muted">{t('personas.subtitle')}</p>
        </div>
        <div className="head-actions">
          <ExportMenu label={t('personas.exportAll')} formats={DOCUMENT_FORMATS} run={(format, options) => call('persona.exportAll', { studyId, format, options })} />
          <button className="button primary" onClick={() => setCreating(true)} disabled={readOnly} title={reason}>
            <Icon name="plus" size={15} /> {t('personas.new')}
          </button>
        </div>
      </header>
      {personas.length > 5 && <p className="banner-inline warning">{t('personas.tooMany', { count: personas.length })}</p>}
      <div className="personas-layout">
        <nav className="persona-nav" aria-label={t('nav.personas')}>
          {personas.map((p) => (
            <button key={p.id} className={`persona-tab${p.id === selectedId ? ' active' : ''}`} aria-current={p.id === selectedId} onClick={() => setChosen(p.id)}>
              <PersonaAvatar avatar={p.avatar} name={p.name} size={36} />
              <span className="persona-tab-text">
                <strong>{p.name}</strong>
                <span className="muted">{p.occupation || t('personas.participantsCount', { count: p.participantCount })}</span>
                <span className="persona-score">{t('personas.personal.score', { passed: p.checklistPassed, total: 8 })}</span>
              </span>
            </button>
          ))}
        </nav>
        {persona.data ? (
          <>
            <PersonaEditor key={persona.data.id} persona={persona.data} participants={participants.data ?? []} />
            <aside className="persona-side">
              <div className="persona-actions">
                <ExportMenu label={t('personas.export')} formats={DOCUMENT_FORMATS} run={(format, options) => call('persona.export', { personaId: persona.data!.id, format, options })} />
                <button className="button danger" onClick={() => setDeleting(true)} disabled={readOnly} title={reason}>
                  <Icon name="trash" size={14} /> {t('personas.delete')}
                </button>
              </div>
              <PersonalChecklist checks={persona.data.checklist} />
              <SuggestionsPanel personaId={persona.data.id} />
            </aside>
          </>
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
      </div>
      {newPersona}
      {deleting && persona.data && (
        <ConfirmDialog
          title={t('personas.deleteTitle', { name: persona.data.name })}
          body={t('personas.deleteBody')}
          confirmLabel={t('personas.delete')}
          onCancel={() => setDeleting(false)}
          onConfirm={() => remove.mutate({ id: persona.data!.id }, { ...errors, onSuccess: () => (setDeleting(false), setChosen(null)) })}
        />
      )}
    </section>
  );
}
