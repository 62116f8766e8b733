// Pain points by journey stage and TERMS kind: each cell the findings and (in
// brackets) the distinct participants behind them, shaded by count. Every number opens
// the findings it counts.
import { useTranslation } from 'react-i18next';
import type { AnalysisSelection, PainMatrix } from '../../../shared/api/analysis';
import type { StageRef } from '../../../shared/api/search';
import { heatColour, heatInk } from '../../../shared/analysis/chart-geometry';
import { PAIN_KINDS } from '../../../shared/domain';
import { stageName } from '../overview/stageName';

interface Props {
  matrix: PainMatrix;
  stages: readonly StageRef[];
  /** Narrows every drill-down to one segment value (segment comparison). */
  segment?: Extract<AnalysisSelection, { chart: 'painPoints' }>['segment'];
  caption?: string;
  onDrill: (selection: AnalysisSelection, title: string) => void;
}

export function PainHeatmap({ matrix, stages, segment, caption, onDrill }: Props) {
  const { t } = useTranslation();
  const max = Math.max(0, ...matrix.cells.map((c) => c.findings));
  const hasUnstaged = matrix.byStage.some((r) => r.stageId === null && r.findings > 0);
  const rows: Array<{ id: string | null; name: string }> = [
    ...stages.map((s) => ({ id: s.id, name: stageName(t, s) })),
    ...(hasUnstaged ? [{ id: null, name: t('analysis.noStage') }] : []),
  ];
  const cell = (stageId: string | null, kind: string) => matrix.cells.find((c) => c.stageId === stageId && c.kind === kind);
  const drill = (stageId: string | null | undefined, kind: (typeof PAIN_KINDS)[number] | undefined, title: string) =>
    onDrill({ chart: 'painPoints', ...(stageId !== undefined ? { stageId } : {}), ...(kind ? { kind } : {}), ...(segment ? { segment } : {}) }, title);
  const value = (n: { findings: number; participants: number } | undefined) => (n && n.findings > 0 ? `${n.findings} (${n.participants})` : '—');

  return (
    // Scrolls sideways in a narrow panel rather than breaking its text to a character per line.
    <div className="table-scroll">
      <table className="heatmap" data-testid="heatmap">
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            <th scope="col">{t('analysis.stage')}</th>
            {PAIN_KINDS.map((k) => (
              <th key={k} scope="col" title={t(`terms.${k}.name`)}>
                <button className="link-button" onClick={() => drill(undefined, k, t(`terms.${k}.name`))}>
                  {k} <span className="muted">{t(`terms.${k}.name`)}</span>
                </button>
              </th>
            ))}
            <th scope="col">{t('analysis.all')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const total = matrix.byStage.find((r) => r.stageId === row.id);
            return (
              <tr key={row.id ?? 'none'}>
                <th scope="row">{row.name}</th>
                {PAIN_KINDS.map((k) => {
                  const c = cell(row.id, k);
                  const n = c?.findings ?? 0;
                  return (
                    <td key={k} style={{ background: heatColour(n, max), color: heatInk(n, max) }} data-cell={`${row.id ?? ''}|${k}`}>
                      {n > 0 ? (
                        <button className="heat-button" onClick={() => drill(row.id, k, `${row.name} · ${t(`terms.${k}.name`)}`)} aria-label={t('analysis.cellLabel', { stage: row.name, kind: t(`terms.${k}.name`), findings: n, participants: c!.participants })}>
                          {value(c)}
                        </button>
                      ) : (
                        value(c)
                      )}
                    </td>
                  );
                })}
                <td className="heat-total">
                  {total && total.findings > 0 ? (
                    <button className="link-button" onClick={() => drill(row.id, undefined, row.name)}>
                      {value(total)}
                    </button>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('analysis.all')}</th>
            {PAIN_KINDS.map((k) => (
              <td key={k} className="heat-total">
                {value(matrix.byKind.find((c) => c.kind === k))}
              </td>
            ))}
            <td className="heat-total">
              <strong>{value(matrix.total)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
