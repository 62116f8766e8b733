// Saturation: the running totals of tags, groups and themes over the interviews as
// lines, what each interview added as bars (click one to see those findings), and the
// plain-language reading of the last few interviews.
import { useTranslation } from 'react-i18next';
import type { AnalysisSelection, Dashboard } from '../../../shared/api/analysis';
import { saturationChart } from '../../../shared/analysis/chart-geometry';

const SERIES_CLASS = { tags: 'series-tags', groups: 'series-groups', themes: 'series-themes' } as const;

export function SaturationPanel({ saturation, onDrill }: { saturation: Dashboard['saturation']; onDrill: (selection: AnalysisSelection, title: string) => void }) {
  const { t } = useTranslation();
  const chart = saturationChart(saturation);
  const { recent } = saturation;
  return (
    <section className="panel analysis-panel" aria-labelledby="saturation-title" data-testid="saturation">
      <h2 id="saturation-title">{t('analysis.saturation')}</h2>
      {saturation.interviews.length === 0 ? (
        <p className="muted">{t('analysis.noInterviews')}</p>
      ) : (
        <>
          <p className="analysis-reading" data-testid="saturation-reading">
            {t('analysis.reading', {
              count: recent.lastN,
              themes: t('analysis.newThemes', { count: recent.newThemes }),
              groups: t('analysis.newGroups', { count: recent.newGroups }),
              tags: t('analysis.newTags', { count: recent.newTags }),
            })}
          </p>
          <svg className="saturation-chart" viewBox={`0 0 ${chart.width} ${chart.height}`} role="img" aria-label={t('analysis.saturation')}>
            {chart.grid.map((g) => (
              <g key={g.value} className="chart-grid">
                <line x1={chart.plot.left} x2={chart.plot.right} y1={g.y} y2={g.y} />
                <text x={chart.plot.left - 6} y={g.y + 4} textAnchor="end">
                  {g.value}
                </text>
              </g>
            ))}
            {chart.bars.map((bar, i) => (
              <rect
                key={bar.sessionId}
                className="saturation-bar"
                x={bar.x}
                y={bar.y}
                width={bar.width}
                height={bar.height}
                tabIndex={0}
                role="button"
                aria-label={t('analysis.addedIn', { code: chart.ticks[i]!.label, count: bar.added })}
                onClick={() => onDrill({ chart: 'saturation', sessionId: bar.sessionId, what: 'groups' }, t('analysis.newGroupsIn', { code: chart.ticks[i]!.label }))}
              >
                <title>{t('analysis.addedIn', { code: chart.ticks[i]!.label, count: bar.added })}</title>
              </rect>
            ))}
            {chart.series.map((s) => (
              <polyline key={s.key} className={`saturation-line ${SERIES_CLASS[s.key]}`} points={s.points} />
            ))}
            {chart.ticks.map((tick) => (
              <text key={tick.label + tick.x} className="chart-tick" x={tick.x} y={chart.height - 8} textAnchor="middle">
                {tick.label}
              </text>
            ))}
          </svg>
          <ul className="chart-legend">
            {chart.series.map((s) => (
              <li key={s.key} className={SERIES_CLASS[s.key]}>
                {t(`analysis.series.${s.key}`, { count: s.last })}
              </li>
            ))}
            <li className="series-bars">{t('analysis.series.added')}</li>
          </ul>
        </>
      )}
    </section>
  );
}
