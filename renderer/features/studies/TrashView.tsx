// Deleted studies: restore them, or delete them for good after a confirmation.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudySummary } from '../../../shared/api/entities';
import { useMutationOf, useOperation } from '../../api/queries';
import { navigate } from '../../app/router';
import { useReadOnly } from '../../app/useReadOnly';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { errorMessage } from '../../components/errors';
import { Icon } from '../../components/Icon';
import { showToast } from '../../components/toasts';

export function TrashView() {
  const { t, i18n } = useTranslation();
  const { readOnly, reason } = useReadOnly();
  const trash = useOperation('study.list', { trash: true });
  const restore = useMutationOf('study.restore');
  const purge = useMutationOf('study.purge');
  const [confirming, setConfirming] = useState<StudySummary | null>(null);
  const onError = (e: unknown) => showToast({ tone: 'error', message: errorMessage(t, e) });

  return (
    <section className="screen" aria-labelledby="trash-title">
      <header className="screen-head">
        <div>
          <h1 id="trash-title">{t('trash.title')}</h1>
          <p className="muted">{t('trash.subtitle')}</p>
        </div>
        <button className="button" onClick={() => navigate({ screen: 'studies' })}>
          {t('trash.back')}
        </button>
      </header>
      {trash.data?.length === 0 && <EmptyState icon="trash" title={t('trash.empty')} />}
      <ul className="trash-list">
        {trash.data?.map((study) => (
          <li key={study.id} className="trash-row">
            <div>
              <strong>{study.name}</strong>
              <span className="muted">
                {t('trash.deletedOn', {
                  date: new Date(study.deletedAt ?? study.updatedAt).toLocaleString(i18n.language),
                })}
              </span>
            </div>
            <span className="card-actions">
              <button className="button" onClick={() => restore.mutate({ id: study.id }, { onError })} disabled={readOnly} title={reason}>
                <Icon name="restore" size={16} /> {t('trash.restore')}
              </button>
              <button className="button danger" onClick={() => setConfirming(study)} disabled={readOnly} title={reason}>
                {t('trash.purge')}
              </button>
            </span>
          </li>
        ))}
      </ul>
      {confirming && (
        <ConfirmDialog
          title={t('trash.confirmTitle')}
          body={t('trash.confirmBody', { name: confirming.name })}
          confirmLabel={t('trash.purge')}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            purge.mutate({ id: confirming.id }, { onError });
            setConfirming(null);
          }}
        />
      )}
    </section>
  );
}
