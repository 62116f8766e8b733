// The pain-point counts split by one participant attribute (e.g. city or age band):
// per value, its participants and its pain-point findings by TERMS kind (the same
// counting rule as the heatmap: other finding types never count, even with TERMS).
import { useTranslation } from 'react-i18next';
import type { AnalysisSelection, Dashboard } from '../../../shared/api/analysis';
import type { SegmentDimension } from '../../../shared/domain';
import { heatColour, heatInk } from '../../../shared/analysis/chart-geometry';
import { PAIN_KINDS } from '../../../shared/domain';
import { Select } from '../../components/Select';

interface Props {
  segments: Dashboard['segments'];
  attributes: ReadonlyArray<{ dimension: SegmentDimension; name: string }>;
  onAttribute: (segment: { dimension: SegmentDimension; attribute: string }) => void;
  onDrill: (selection: AnalysisSelection, title: string) => void;
}

const SEPARATOR = '\u0000';

export function SegmentPanel({ segments, attributes, onAttribute, onDrill }: Props) {
  const { t } = useTranslation();
  const current = segments.dimension && segments.attribute ? `${segments.dimension}${SEPARATOR}${segments.attribute}` : '';
  const max = Math.max(0, ...segments.values.flatMap((v) => v.painPoints.byKind.map((k) => k.findings)));
  return (
    <section className="panel analysis-panel" aria-labelledby="segments-title" data-testid="segments">
      <div className="analysis-panel-head">
        <h2 id="segments-title">{t('analysis.segments')}</h2>
        {attributes.length > 0 && (
          <Select
            aria-label={t('analysis.splitBy')}
            value={current}
            onChange={(e) => {
              const [dimension, attribute] = e.target.value.split(SEPARATOR) as [SegmentDimension, string];
              onAttribute({ dimension, attribute });
            }}
          >
            {attributes.map((a) => (
              <option key={`${a.dimension}${SEPARATOR}${a.name}`} value={`${a.dimension}${SEPARATOR}${a.name}`}>
                {a.name} · {t(`dimensions.${a.dimension}`)}
              </option>
            ))}
          </Select>
        )}
      </div>
      {segments.values.length === 0 ? (
        <p className="muted">{t('analysis.noSegments')}</p>
      ) : (
        <>
          <p className="muted">{t('analysis.segmentHint')}</p>
          <div className="table-scroll">
            <table className="heatmap segment-table">
              <thead>
                <tr>
                  <th scope="col">{segments.attribute}</th>
                  <th scope="col">{t('analysis.participants')}</th>
                  {PAIN_KINDS.map((k) => (
                    <th key={k} scope="col" title={t(`terms.${k}.name`)}>
                      {k}
                    </th>
                  ))}
                  <th scope="col">{t('analysis.all')}</th>
                </tr>
              </thead>
              <tbody>
                {segments.values.map((v) => {
                  const label = v.value || t('analysis.noValue');
                  const segment = segments.dimension && segments.attribute ? { dimension: segments.dimension, attribute: segments.attribute, value: v.value } : undefined;
                  return (
                    <tr key={v.value}>
                      <th scope="row">{label}</th>
                      <td>{v.participants}</td>
                      {PAIN_KINDS.map((k) => {
                        const n = v.painPoints.byKind.find((c) => c.kind === k);
                        const findings = n?.findings ?? 0;
                        return (
                          <td key={k} style={{ background: heatColour(findings, max), color: heatInk(findings, max) }}>
                            {findings > 0 ? (
                              <button className="heat-button" onClick={() => onDrill({ chart: 'painPoints', kind: k, ...(segment ? { segment } : {}) }, `${label} · ${t(`terms.${k}.name`)}`)}>
                                {findings} ({n!.participants})
                              </button>
                            ) : (
                              '—'
                            )}
                          </td>
                        );
                      })}
                      <td className="heat-total">
                        {v.painPoints.total.findings} ({v.painPoints.total.participants})
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
