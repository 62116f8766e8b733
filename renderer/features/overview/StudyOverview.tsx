// A study at a glance: goal, the hypothesis journey (stages with touchpoints and
// influencers), the sample of participants and progress against the plan.
import { useTranslation } from 'react-i18next';
import { SEGMENT_DIMENSIONS } from '../../../shared/domain';
import { useOperation } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { errorMessage } from '../../components/errors';
import { stageName } from './stageName';

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
  const interviewed = participants.filter((p) => p.status === 'interviewed').length;
  const planned = study.plannedInterviews;

  return (
    <section className="screen" aria-labelledby="overview-title">
      <header className="screen-head">
        <div>
          <h1 id="overview-title">{study.name}</h1>
          {study.product && <p className="muted">{study.product}</p>}
        </div>
        {study.isSample && <span className="badge">{t('studies.sample')}</span>}
      </header>

      <div className="overview-grid">
        <article className="panel">
          <h2>{t('overview.goal')}</h2>
          <p>{study.goal || t('studies.noGoal')}</p>
        </article>
        <article className="panel">
          <h2>{t('overview.progress')}</h2>
          <p className="big-number">
            {interviewed}
            <span className="muted"> / {planned || '—'}</span>
          </p>
          <p className="muted">{t('overview.interviewsDone')}</p>
          {planned > 0 && (
            <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={planned} aria-valuenow={interviewed}>
              <div style={{ width: `${Math.min(100, (interviewed / planned) * 100)}%` }} />
            </div>
          )}
        </article>
        <article className="panel">
          <h2>{t('overview.evidence')}</h2>
          <dl className="study-counts">
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
            <div>
              <dt>{t('counts.personas')}</dt>
              <dd>{counts.personas}</dd>
            </div>
          </dl>
        </article>
      </div>

      <h2 className="section-title">{t('overview.journey')}</h2>
      <div className="stage-strip" role="list">
        {stages.map((stage, index) => (
          <article key={stage.id} className="stage-column" role="listitem">
            <header>
              <span className="stage-index">{index + 1}</span>
              <h3>{stageName(t, stage)}</h3>
            </header>
            {stage.description && <p className="stage-description">{stage.description}</p>}
            {stage.touchpoints.length > 0 && (
              <>
                <h4>{t('overview.touchpoints')}</h4>
                <ul className="chips">
                  {stage.touchpoints.map((tp) => (
                    <li key={tp} className="chip">
                      {tp}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {stage.influencers.length > 0 && (
              <>
                <h4>{t('overview.influencers')}</h4>
                <ul className="chips">
                  {stage.influencers.map((inf) => (
                    <li key={inf} className="chip chip-soft">
                      {inf}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </article>
        ))}
      </div>

      <h2 className="section-title">{t('overview.participants')}</h2>
      {participants.length === 0 ? (
        <p className="muted">{t('overview.noParticipants')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('participants.code')}</th>
              <th>{t('participants.source')}</th>
              <th>{t('participants.status')}</th>
              <th>{t('participants.segment')}</th>
            </tr>
          </thead>
          <tbody>
            {participants.map((p) => (
              <tr key={p.id}>
                <td className="mono">{p.code}</td>
                <td>{t(`sources.${p.source}`)}</td>
                <td>{p.withdrawn ? t('participants.withdrawn') : t(`statuses.${p.status}`)}</td>
                <td className="muted">
                  {SEGMENT_DIMENSIONS.flatMap((d) => Object.values(p.attributes[d] ?? {}))
                    .slice(0, 4)
                    .join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
