// Where the study stands: interviews done against the plan, the 25% checkpoint at
// which analysis should start, and the coverage cells nobody has filled yet.
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../shared/api/analysis';
import { Icon } from '../../components/Icon';

export function ProgressPanel({ progress }: { progress: Dashboard['progress'] }) {
  const { t } = useTranslation();
  const share = progress.planned > 0 ? Math.min(1, progress.completed / progress.planned) : 0;
  const checkpointAt = progress.planned > 0 ? Math.min(1, progress.checkpoint.target / progress.planned) : 0;
  return (
    <section className="panel analysis-panel" aria-labelledby="progress-title" data-testid="progress">
      <h2 id="progress-title">{t('analysis.progress')}</h2>
      <p className="analysis-big">{t('analysis.completedOf', { completed: progress.completed, planned: progress.planned })}</p>
      <div className="progress-track" aria-hidden>
        <span className="progress-fill" style={{ width: `${share * 100}%` }} />
        {progress.planned > 0 && <span className="progress-checkpoint" style={{ left: `${checkpointAt * 100}%` }} />}
      </div>
      <p className={progress.checkpoint.reached ? 'analysis-ok' : 'muted'}>
        <Icon name={progress.checkpoint.reached ? 'check' : 'clock'} size={14} />{' '}
        {progress.checkpoint.reached ? t('analysis.checkpointReached', { target: progress.checkpoint.target }) : t('analysis.checkpointAhead', { target: progress.checkpoint.target })}
      </p>
      <p className="muted">{t('analysis.pipeline', { inProgress: progress.inProgress, scheduled: progress.scheduled, missed: progress.missed })}</p>
      <h3>{t('analysis.gaps', { count: progress.gaps.length })}</h3>
      {progress.gaps.length === 0 ? (
        <p className="muted">{t('analysis.noGaps')}</p>
      ) : (
        <ul className="gap-list">
          {progress.gaps.map((g) => (
            <li key={`${g.value}|${g.source}`}>
              {g.value || t('analysis.noValue')} · {t(`sources.${g.source}`)}
              {g.participants > 0 && <span className="muted"> {t('analysis.gapRecruited', { count: g.participants })}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
