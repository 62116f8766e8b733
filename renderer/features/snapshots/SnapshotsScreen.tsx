// The Snapshots screen, reached from the library: every snapshot with its time, why it
// was taken and what it holds; "Take a snapshot now"; restore and delete.
import { useTranslation } from 'react-i18next';
import { useMutationOf, useOperation } from '../../api/queries';
import { navigate } from '../../app/router';
import { EmptyState } from '../../components/EmptyState';
import { errorMessage } from '../../components/errors';
import { Icon } from '../../components/Icon';
import { showToast } from '../../components/toasts';
import { SnapshotList } from './SnapshotList';

export function SnapshotsScreen() {
  const { t } = useTranslation();
  const snapshots = useOperation('snapshot.list', {});
  const status = useOperation('library.status', {});
  const take = useMutationOf('snapshot.create');
  const canTake = status.data?.can.snapshot ?? false;

  return (
    <section className="screen" aria-labelledby="snapshots-title">
      <header className="screen-head">
        <div>
          <h1 id="snapshots-title">{t('snapshots.title')}</h1>
          <p className="muted snapshots-intro">{t('snapshots.subtitle')}</p>
        </div>
        <div className="head-actions">
          <button className="button" onClick={() => navigate({ screen: 'studies' })}>
            {t('snapshots.back')}
          </button>
          <button
            className="button primary"
            disabled={!canTake || take.isPending}
            onClick={() =>
              take.mutate({}, { onSuccess: () => showToast({ tone: 'info', message: t('snapshots.taken') }), onError: (e) => showToast({ tone: 'error', message: errorMessage(t, e) }) })
            }
          >
            <Icon name="plus" size={16} /> {t('snapshots.take')}
          </button>
        </div>
      </header>
      {snapshots.isPending && <p className="muted">{t('common.loading')}</p>}
      {snapshots.error && <p className="form-error">{errorMessage(t, snapshots.error)}</p>}
      {snapshots.data?.length === 0 && (
        <EmptyState icon="clock" title={t('snapshots.emptyTitle')}>
          <p>{t('snapshots.emptyBody')}</p>
        </EmptyState>
      )}
      {snapshots.data && snapshots.data.length > 0 && (
        <SnapshotList snapshots={snapshots.data} replacesFile={status.data?.state !== 'ok'} canDelete />
      )}
    </section>
  );
}
