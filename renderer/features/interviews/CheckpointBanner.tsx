// The 25% checkpoint: once about a quarter of the planned interviews are done, ideas
// shared by most customers have almost surely appeared, so it is time to start
// analysing and, if needed, to revise the guide for the remaining interviews: a new
// draft version of the guide, published with a change note from the guide screen.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../../../shared/api/result';
import { call, useMutationOf, useOperation } from '../../api/queries';
import { navigate } from '../../app/router';
import { reportErrors } from '../../components/mutate';

export function checkpointReached(completed: number, planned: number): boolean {
  return planned > 0 && completed >= Math.ceil(planned / 4);
}

export function CheckpointBanner({ studyId, completed, planned }: { studyId: string; completed: number; planned: number }) {
  const { t } = useTranslation();
  const reached = checkpointReached(completed, planned);
  const guide = useOperation('guide.get', { studyId }, reached);
  const newVersion = useMutationOf('guide.newVersion');
  const [busy, setBusy] = useState(false);
  if (!reached) return null;

  const latest = guide.data?.version;
  const label = !latest
    ? t('checkpoint.reviseGuide')
    : latest.publishedAt
      ? t('checkpoint.startRevision', { number: latest.number + 1 })
      : t('checkpoint.continueRevision', { number: latest.number });

  /** Opens the guide on a draft for the remaining interviews: the existing one, or a new one made from the newest version. */
  const revise = async () => {
    setBusy(true);
    try {
      // Read the guide again: another window may have started a draft since this banner loaded.
      const doc = await call('guide.get', { studyId });
      if (doc?.version.publishedAt) await newVersion.mutateAsync({ guideId: doc.guideId });
      navigate({ screen: 'guide', studyId });
    } catch (error) {
      if (error instanceof ApiCallError && error.reason === 'draft_exists') navigate({ screen: 'guide', studyId });
      else reportErrors(t).onError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="checkpoint" role="note" data-testid="checkpoint">
      <div>
        <strong>{t('checkpoint.title', { completed, planned })}</strong>
        <p>{t('checkpoint.body')}</p>
      </div>
      <div className="head-actions">
        <button className="button" title={t('checkpoint.reviseHint')} disabled={busy || guide.isPending} onClick={() => void revise()}>
          {label}
        </button>
        <button className="button primary" onClick={() => navigate({ screen: 'board', studyId })}>
          {t('checkpoint.analyse')}
        </button>
      </div>
    </div>
  );
}
