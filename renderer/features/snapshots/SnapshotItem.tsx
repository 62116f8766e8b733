// One snapshot in a list: when it was taken and why, what it holds, whether it was
// verified, its size, and the actions the list offers for it.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Snapshot } from '../../../shared/api/snapshots';
import { Icon } from '../../components/Icon';
import { snapshotSize, snapshotStudies, snapshotSummary, snapshotTime } from './format';

export function SnapshotItem({ snapshot, children }: { snapshot: Snapshot; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const why = t(`snapshots.why.${snapshot.reason}`);
  return (
    <li className="snapshot-row" data-testid="snapshot" data-reason={snapshot.reason}>
      <div className="snapshot-main">
        <div className="snapshot-title">
          <strong>{snapshotTime(snapshot.takenAt, i18n.language)}</strong>
          <span className="chip">{snapshot.detail ? `${why} · ${snapshot.detail}` : why}</span>
          {snapshot.verified ? (
            <span className="badge badge-ok" title={t('snapshots.verifiedHint')}>
              <Icon name="check" size={12} /> {t('snapshots.verified')}
            </span>
          ) : (
            <span className="badge">{t('snapshots.unverified')}</span>
          )}
          {!snapshot.restorable && (
            <span className="badge" title={t('snapshots.newerHint')}>
              {t('snapshots.newer')}
            </span>
          )}
        </div>
        <p className="snapshot-summary">{snapshotSummary(t, snapshot)}</p>
        <p className="snapshot-studies muted">{snapshotStudies(t, snapshot, i18n.language)}</p>
      </div>
      <div className="snapshot-side">
        <span className="muted snapshot-size">{snapshotSize(snapshot.size, i18n.language)}</span>
        <span className="card-actions">{children}</span>
      </div>
    </li>
  );
}
