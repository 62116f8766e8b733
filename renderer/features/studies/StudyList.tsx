// The library: every study as a card, with create, rename and delete. Deleting
// asks first, then moves the study to the trash and offers Undo at once.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudySummary } from '../../../shared/api/entities';
import { useMutationOf, useOperation } from '../../api/queries';
import { navigate } from '../../app/router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { saveBasedOn } from '../../components/editConflict';
import { EmptyState } from '../../components/EmptyState';
import { errorMessage } from '../../components/errors';
import { Icon } from '../../components/Icon';
import { showToast } from '../../components/toasts';
import { useReadOnly } from '../../app/useReadOnly';
import { ImportStudyButton } from '../archives/ImportStudyButton';
import { CreateStudyDialog } from './CreateStudyDialog';
import { StudyCard } from './StudyCard';

export function StudyList() {
  const { t } = useTranslation();
  const studies = useOperation('study.list', {});
  const rename = useMutationOf('study.rename');
  const remove = useMutationOf('study.delete');
  const restore = useMutationOf('study.restore');
  const [creating, setCreating] = useState(false);
  const { readOnly, reason } = useReadOnly();
  const [confirmingDelete, setConfirmingDelete] = useState<StudySummary | null>(null);

  useEffect(() => {
    // Ctrl/Cmd+N: new study, from anywhere on this screen.
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        if (!readOnly) setCreating(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [readOnly]);

  const open = useCallback((id: string) => navigate({ screen: 'overview', studyId: id }), []);
  const onRename = useCallback(
    (id: string, name: string, base: string) => saveBasedOn(t, rename, { id, name }, { name: base }),
    [rename, t],
  );
  const moveToTrash = useCallback(
    (study: StudySummary) =>
      remove.mutate(
        { id: study.id },
        {
          onSuccess: () =>
            showToast({
              tone: 'info',
              message: t('studies.deleted', { name: study.name }),
              action: { label: t('common.undo'), run: () => restore.mutate({ id: study.id }) },
            }),
          onError: (e) => showToast({ tone: 'error', message: errorMessage(t, e) }),
        },
      ),
    [remove, restore, t],
  );

  return (
    <section className="screen" aria-labelledby="studies-title">
      <header className="screen-head">
        <div>
          <h1 id="studies-title">{t('studies.title')}</h1>
          <p className="muted">{t('studies.subtitle')}</p>
        </div>
        <div className="head-actions">
          <ImportStudyButton />
          <button className="button" onClick={() => navigate({ screen: 'trash' })}>
            <Icon name="trash" size={16} /> {t('trash.title')}
          </button>
          <button className="button" onClick={() => navigate({ screen: 'snapshots' })}>
            <Icon name="clock" size={16} /> {t('snapshots.open')}
          </button>
          <button className="button primary" onClick={() => setCreating(true)} title={reason ?? t('studies.newShortcut')} disabled={readOnly}>
            <Icon name="plus" size={16} /> {t('studies.new')}
          </button>
        </div>
      </header>
      {studies.isPending && <p className="muted">{t('common.loading')}</p>}
      {studies.error && <p className="form-error">{errorMessage(t, studies.error)}</p>}
      {studies.data && studies.data.length === 0 && (
        <EmptyState icon="studies" title={t('studies.emptyTitle')}>
          <p>{t('studies.emptyBody')}</p>
          <button className="button primary" onClick={() => setCreating(true)} disabled={readOnly} title={reason}>
            <Icon name="plus" size={16} /> {t('studies.new')}
          </button>
        </EmptyState>
      )}
      {studies.data && studies.data.length > 0 && (
        <div className="study-grid">
          {studies.data.map((study) => (
            <StudyCard key={study.id} study={study} onOpen={open} onRename={onRename} onDelete={setConfirmingDelete} />
          ))}
        </div>
      )}
      {confirmingDelete && (
        <ConfirmDialog
          title={t('studies.confirmDeleteTitle', { name: confirmingDelete.name })}
          body={t('studies.confirmDeleteBody')}
          confirmLabel={t('studies.delete')}
          onCancel={() => setConfirmingDelete(null)}
          onConfirm={() => {
            moveToTrash(confirmingDelete);
            setConfirmingDelete(null);
          }}
        />
      )}
      {creating && (
        <CreateStudyDialog
          onClose={() => setCreating(false)}
          onCreated={(study) => {
            setCreating(false);
            open(study.id);
          }}
        />
      )}
    </section>
  );
}


