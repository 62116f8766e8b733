// The blocking screen for a library that could not be opened normally: what is wrong,
// in plain words, that the file was not touched, and the ways out: restore a snapshot,
// open it read-only, export what can be read, or quit.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryStatus } from '../../../shared/api/snapshots';
import { call, useMutationOf, useOperation } from '../../api/queries';
import { errorMessage } from '../../components/errors';
import { Icon } from '../../components/Icon';
import { Toasts } from '../../components/Toasts';
import { showToast } from '../../components/toasts';
import { saveExportedFile } from '../guide/download';
import { SnapshotList } from './SnapshotList';

export function LibraryProblemScreen({ status }: { status: LibraryStatus }) {
  const { t } = useTranslation();
  const kind = status.problem?.kind ?? 'cannot_open';
  const snapshots = useOperation('snapshot.list', {}, status.can.restore);
  const openReadOnly = useMutationOf('library.openReadOnly');
  const [quit, setQuit] = useState<'stopped' | 'closeWindow' | null>(null);
  const onError = (e: unknown) => showToast({ tone: 'error', message: errorMessage(t, e) });

  const exportReadable = async () => {
    try {
      const file = await call('library.exportReadable', {});
      saveExportedFile(file);
      showToast({ tone: 'info', message: t('snapshots.problem.exported', { file: file.fileName }) });
    } catch (e) {
      onError(e);
    }
  };

  if (quit) {
    return (
      <main className="problem-screen">
        <div className="panel problem-card" role="status">
          <p>{t(`snapshots.problem.${quit}`)}</p>
        </div>
      </main>
    );
  }

  return (
    <main className="problem-screen" aria-labelledby="problem-title">
      <div className="panel problem-card">
        <p className="problem-eyebrow">
          <Icon name="warning" size={16} /> {t('snapshots.problem.heading')}
        </p>
        <h1 id="problem-title">{t(`snapshots.problem.titles.${kind}`)}</h1>
        <p>{t(kind === 'damaged' && !status.can.openReadOnly ? 'snapshots.problem.bodies.damagedUnreadable' : `snapshots.problem.bodies.${kind}`)}</p>
        <dl className="problem-file">
          <dt>{t('snapshots.problem.file')}</dt>
          <dd className="mono">{status.file}</dd>
        </dl>
        <details className="problem-details">
          <summary>{t('snapshots.problem.details')}</summary>
          <p className="mono">{status.problem?.message}</p>
        </details>

        <h2 className="problem-choose">{t('snapshots.problem.choose')}</h2>
        <div className="problem-choices">
          {status.can.restore && (
            <section className="problem-choice problem-choice-wide" aria-labelledby="choice-restore">
              <h3 id="choice-restore">{t('snapshots.problem.restoreTitle')}</h3>
              <p className="muted">{t('snapshots.problem.restoreHint')}</p>
              {snapshots.data?.length === 0 && <p>{t('snapshots.problem.noSnapshots')}</p>}
              {snapshots.data && snapshots.data.length > 0 && <SnapshotList snapshots={snapshots.data} replacesFile={status.state !== 'ok'} canDelete={false} />}
            </section>
          )}
          {status.can.openReadOnly && (
            <section className="problem-choice" aria-labelledby="choice-read-only">
              <h3 id="choice-read-only">{t('snapshots.problem.readOnlyTitle')}</h3>
              <p className="muted">{t('snapshots.problem.readOnlyHint')}</p>
              <button className="button primary" disabled={openReadOnly.isPending} onClick={() => openReadOnly.mutate({}, { onError })}>
                <Icon name="lock" size={16} /> {t('snapshots.problem.readOnly')}
              </button>
            </section>
          )}
          {status.can.exportReadable && (
            <section className="problem-choice" aria-labelledby="choice-export">
              <h3 id="choice-export">{t('snapshots.problem.exportTitle')}</h3>
              <p className="muted">{t('snapshots.problem.exportHint')}</p>
              <button className="button" onClick={() => void exportReadable()}>
                <Icon name="download" size={16} /> {t('snapshots.problem.export')}
              </button>
            </section>
          )}
          <section className="problem-choice" aria-labelledby="choice-quit">
            <h3 id="choice-quit">{t('snapshots.problem.quitTitle')}</h3>
            <p className="muted">{t('snapshots.problem.quitHint')}</p>
            <button
              className="button"
              onClick={() =>
                void call('library.quit', {}).then(
                  ({ stopping }) => setQuit(stopping ? 'stopped' : 'closeWindow'),
                  onError,
                )
              }
            >
              {t('snapshots.problem.quit')}
            </button>
          </section>
        </div>
      </div>
      <Toasts />
    </main>
  );
}
