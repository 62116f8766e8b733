// A study's design at a glance and in place: background (goal, product, plan,
// language), progress against the plan, evidence so far, and the hypothesis journey
// of stages with their touchpoints, influencers and information needs.
import { useTranslation } from 'react-i18next';
import { useOperation } from '../../api/queries';
import { navigate } from '../../app/router';
import { EmptyState } from '../../components/EmptyState';
import { errorMessage } from '../../components/errors';
import { StudyExportMenu } from '../archives/StudyExportMenu';
import { StageBoard } from '../stages/StageBoard';
import { BackgroundForm } from './BackgroundForm';

export function StudyOverview({ studyId }: { studyId: string }) {
  const { t } = useTranslation();
  const overview = useOperation('study.overview', { id: studyId });
  if (overview.isPending) return <p className="muted screen">{t('common.loading')}</p>;
  if (overview.error) {
    return (
      <EmptyState icon="warning" title={t('overview.notFound')}>
        <p>{errorMessage(t, overview.error)}</p>
      </EmptyState>
    );
  }
  const { study, counts, stages, participants } = overview.data;
  const interviewed = participants.filter((p) => p.status === 'interviewed' && !p.withdrawn).length;
  const planned = study.plannedInterviews;
  const analysisAt = Math.ceil(planned / 4);

  return (
    <section className="screen wide" aria-labelledby="overview-title">
      <header className="screen-head">
        <div>
          <h1 id="overview-title">{study.name}</h1>
          {study.product && <p className="muted">{study.product}</p>}
        </div>
        <div className="head-actions">
          {study.isSample && <span className="badge">{t('studies.sample')}</span>}
          <StudyExportMenu studyId={study.id} />
        </div>
      </header>

      <div className="overview-grid">
        <BackgroundForm study={study} />
        <article className="panel">
          <h2>{t('overview.progress')}</h2>
          <p className="big-number">
            {interviewed}
            <span className="muted"> / {planned || '—'}</span>
          </p>
          <p className="muted">{t('overview.interviewsDone')}</p>
          {planned > 0 && (
            <>
              <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={planned} aria-valuenow={interviewed}>
                <div style={{ width: `${Math.min(100, (interviewed / planned) * 100)}%` }} />
              </div>
              <p className="hint">
                {interviewed >= analysisAt ? t('overview.analysisReady') : t('overview.analysisAt', { count: analysisAt })}
              </p>
            </>
          )}
          <button className="link-button accent" onClick={() => navigate({ screen: 'participants', studyId })}>
            {t('overview.seeSample')}
          </button>
        </article>
        <article className="panel">
          <h2>{t('overview.evidence')}</h2>
          <dl className="study-counts two">
            <div>
              <dt>{t('counts.participants')}</dt>
              <dd>{counts.participants}</dd>
            </div>
            <div>
              <dt>{t('counts.sessions')}</dt>
              <dd>{counts.sessions}</dd>
            </div>
            <div>
              <dt>{t('counts.findings')}</dt>
              <dd>{counts.findings}</dd>
            </div>
            <div>
              <dt>{t('counts.groups')}</dt>
              <dd>{counts.groups}</dd>
            </div>
          </dl>
        </article>
      </div>

      <div className="section-head">
        <h2 className="section-title">{t('overview.journey')}</h2>
        <p className="hint">{t('stages.hint')}</p>
      </div>
      <StageBoard studyId={studyId} stages={stages} />
    </section>
  );
}
