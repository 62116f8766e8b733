// Snapshots with Restore (after a confirmation that says what happens to the library
// as it is now) and, where offered, Delete. Shared by the Snapshots screen and the
// library-problem screen.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Snapshot } from '../../../shared/api/snapshots';
import { call, useMutationOf } from '../../api/queries';
import { navigate } from '../../app/router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { errorMessage } from '../../components/errors';
import { Icon } from '../../components/Icon';
import { showToast } from '../../components/toasts';
import { snapshotSummary, snapshotTime } from './format';
import { SnapshotItem } from './SnapshotItem';

interface Props {
  snapshots: Snapshot[];
  /** The library file has a problem: restoring moves it aside instead of snapshotting it. */
  replacesFile: boolean;
  canDelete: boolean;
}

export function SnapshotList({ snapshots, replacesFile, canDelete }: Props) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const remove = useMutationOf('snapshot.delete');
  const [restoring, setRestoring] = useState<Snapshot | null>(null);
  const [deleting, setDeleting] = useState<Snapshot | null>(null);
  const [busy, setBusy] = useState(false);
  const onError = (e: unknown) => showToast({ tone: 'error', message: errorMessage(t, e) });
  const when = (s: Snapshot) => snapshotTime(s.takenAt, i18n.language);

  // Awaited here rather than through mutation callbacks: the restore can end the library
  // problem, which unmounts the screen holding this list before any callback would run.
  const confirmRestore = async (snapshot: Snapshot) => {
    setRestoring(null);
    setBusy(true);
    try {
      const outcome = await call('snapshot.restore', { id: snapshot.id });
      const time = when(snapshot);
      const message = outcome.setAsideFile ? t('snapshots.problem.restored', { time, file: outcome.setAsideFile }) : t('snapshots.restored', { time });
      showToast({ tone: 'info', message }, 12_000);
      navigate({ screen: 'studies' });
      // Everything shown came from the library that was just replaced, the library's state included.
      await client.invalidateQueries();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <ul className="snapshot-list" aria-label={t('snapshots.listLabel')} aria-busy={busy || undefined}>
        {snapshots.map((snapshot) => (
          <SnapshotItem key={snapshot.id} snapshot={snapshot}>
            <button className="button" disabled={!snapshot.restorable || busy} onClick={() => setRestoring(snapshot)}>
              <Icon name="restore" size={16} /> {t('snapshots.restore')}
            </button>
            {canDelete && (
              <button className="icon-button danger" aria-label={t('snapshots.delete')} title={t('snapshots.delete')} onClick={() => setDeleting(snapshot)}>
                <Icon name="trash" size={16} />
              </button>
            )}
          </SnapshotItem>
        ))}
      </ul>
      {restoring && (
        <ConfirmDialog
          title={t('snapshots.restoreTitle')}
          body={t(replacesFile ? 'snapshots.problem.restoreBody' : 'snapshots.restoreBody', { time: when(restoring), summary: snapshotSummary(t, restoring) })}
          confirmLabel={t('snapshots.restore')}
          tone="primary"
          onCancel={() => setRestoring(null)}
          onConfirm={() => void confirmRestore(restoring)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('snapshots.deleteTitle')}
          body={t('snapshots.deleteBody', { time: when(deleting) })}
          confirmLabel={t('snapshots.delete')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            remove.mutate({ id: deleting.id }, { onSuccess: () => showToast({ tone: 'info', message: t('snapshots.deleted') }), onError });
            setDeleting(null);
          }}
        />
      )}
    </>
  );
}
