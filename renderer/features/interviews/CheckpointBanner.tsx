// The 25% checkpoint: once about a quarter of the planned interviews are done, ideas
// shared by most customers have almost surely appeared, so it is time to start
// analysing and, if needed, to revise the guide for the remaining interviews.
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/router';

export function checkpointReached(completed: number, planned: number): boolean {
  return planned > 0 && completed >= Math.ceil(planned / 4);
}

export function CheckpointBanner({ studyId, completed, planned }: { studyId: string; completed: number; planned: number }) {
  const { t } = useTranslation();
  if (!checkpointReached(completed, planned)) return null;
  return (
    <div className="checkpoint" role="note" data-testid="checkpoint">
      <div>
        <strong>{t('checkpoint.title', { completed, planned })}</strong>
        <p>{t('checkpoint.body')}</p>
      </div>
      <div className="head-actions">
        <button className="button" onClick={() => navigate({ screen: 'guide', studyId })}>
          {t('checkpoint.reviseGuide')}
        </button>
        <button className="button primary" onClick={() => navigate({ screen: 'board', studyId })}>
          {t('checkpoint.analyse')}
        </button>
      </div>
    </div>
  );
}
