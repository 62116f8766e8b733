// After the interview: how long it took, how much of the guide it covered, and the
// findings by stage and TERMS; then clean up the notes or go back to the register.
import { useTranslation } from 'react-i18next';
import type { JourneyStage } from '../../../shared/api/entities';
import { PAIN_KINDS } from '../../../shared/domain';
import { msToClock } from '../../../shared/notes';
import { useOperation } from '../../api/queries';
import { stageName } from '../overview/stageName';
import { CheckpointBanner } from './CheckpointBanner';

export function SummaryView({ sessionId, studyId, stages, onReview, onBack }: { sessionId: string; studyId: string; stages: JourneyStage[]; onReview: () => void; onBack: () => void }) {
  const { t } = useTranslation();
  const report = useOperation('session.report', { id: sessionId });
  const r = report.data;
  if (!r) return <p className="muted screen">{t('common.loading')}</p>;
  const rows = [...stages.map((s) => ({ id: s.id as string | null, name: stageName(t, s) })), { id: null, name: t('capture.noStage') }].filter((row) =>
    r.byStage.some((b) => b.stageId === row.id && b.count > 0),
  );
  return (
    <section className="screen summary" aria-labelledby="summary-title" data-testid="summary">
      <header className="screen-head">
        <h1 id="summary-title">{t('summary.title')}</h1>
        <div className="head-actions">
          <button className="button" onClick={onReview}>
            {t('summary.review')}
          </button>
          <button className="button primary" onClick={onBack}>
            {t('summary.back')}
          </button>
        </div>
      </header>
      <CheckpointBanner studyId={studyId} completed={r.completedInStudy} planned={r.plannedInStudy} />
      <div className="summary-stats">
        <div className="panel">
          <h2>{t('summary.duration')}</h2>
          <p className="big-number">{msToClock(r.durationMs)}</p>
        </div>
        <div className="panel">
          <h2>{t('summary.covered')}</h2>
          <p className="big-number">
            {r.asked}
            <span className="muted"> / {r.questions}</span>
          </p>
          <p className="muted">{t('summary.skipped', { count: r.skipped })}</p>
        </div>
        <div className="panel">
          <h2>{t('counts.findings')}</h2>
          <p className="big-number">{r.findings}</p>
          <p className="muted">{r.byType.map((b) => `${t(`findingTypes.${b.type}.name`)} ${b.count}`).join(' · ')}</p>
        </div>
      </div>
      <h2 className="section-title">{t('summary.byStage')}</h2>
      <table className="table summary-matrix">
        <thead>
          <tr>
            <th>{t('capture.stage')}</th>
            <th>{t('counts.findings')}</th>
            {PAIN_KINDS.map((k) => (
              <th key={k} title={t(`terms.${k}.name`)}>
                <span className={`terms-chip terms-${k}`}>{k}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id ?? 'none'}>
              <th scope="row">{row.name}</th>
              <td>{r.byStage.find((b) => b.stageId === row.id)?.count ?? 0}</td>
              {PAIN_KINDS.map((k) => {
                const n = r.matrix.find((m) => m.stageId === row.id && m.kind === k)?.count ?? 0;
                return (
                  <td key={k} className={n ? 'cell-covered' : 'muted'}>
                    {n || '·'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
