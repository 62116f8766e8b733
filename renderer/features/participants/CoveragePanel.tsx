// Maximum variation at a glance: participants per segment value (rows) and source
// (columns). Empty cells are the segments and scenarios nobody covers yet.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTICIPANT_SOURCES, type SegmentDimension } from '../../../shared/domain';
import { useOperation } from '../../api/queries';
import { Select } from '../../components/Select';

export function CoveragePanel({ studyId }: { studyId: string }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<{ dimension: SegmentDimension; attribute: string } | null>(null);
  const coverage = useOperation('study.coverage', { studyId, ...(choice ?? {}) });
  const data = coverage.data;
  if (!data) return null;
  const selected = data.dimension && data.attribute ? `${data.dimension}\u0000${data.attribute}` : '';
  const empty = data.cells.filter((c) => c.participants === 0).length;

  return (
    <section className="panel coverage" aria-labelledby="coverage-title">
      <div className="coverage-head">
        <div>
          <h2 id="coverage-title">{t('coverage.title')}</h2>
          <p className="hint">{t('coverage.hint')}</p>
        </div>
        <dl className="coverage-progress">
          <div>
            <dt>{t('coverage.interviewed')}</dt>
            <dd>
              {data.interviewed} / {data.planned || '—'}
            </dd>
          </div>
          <div>
            <dt>{t('statuses.scheduled')}</dt>
            <dd>{data.scheduled}</dd>
          </div>
          <div>
            <dt>{t('statuses.recruited')}</dt>
            <dd>{data.recruited}</dd>
          </div>
          {data.withdrawn > 0 && (
            <div>
              <dt>{t('participants.withdrawn')}</dt>
              <dd>{data.withdrawn}</dd>
            </div>
          )}
        </dl>
      </div>
      {data.attributes.length === 0 ? (
        <p className="muted">{t('coverage.noAttributes')}</p>
      ) : (
        <>
          <label className="field inline">
            <span>{t('coverage.segmentBy')}</span>
            <Select
              value={selected}
              onChange={(e) => {
                const [dimension, attribute] = e.target.value.split('\u0000') as [SegmentDimension, string];
                setChoice({ dimension, attribute });
              }}
            >
              {data.attributes.map((a) => (
                <option key={`${a.dimension}\u0000${a.name}`} value={`${a.dimension}\u0000${a.name}`}>
                  {t(`dimensions.${a.dimension}`)} · {a.name}
                </option>
              ))}
            </Select>
          </label>
          <table className="table coverage-grid" data-testid="coverage">
            <thead>
              <tr>
                <th>{data.attribute}</th>
                {PARTICIPANT_SOURCES.map((s) => (
                  <th key={s}>{t(`sources.${s}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.values.map((value) => (
                <tr key={value}>
                  <th scope="row">{value || t('coverage.notSet')}</th>
                  {PARTICIPANT_SOURCES.map((source) => {
                    const cell = data.cells.find((c) => c.value === value && c.source === source);
                    const n = cell?.participants ?? 0;
                    return (
                      <td key={source} className={n === 0 ? 'cell-empty' : 'cell-covered'} data-cell={`${value}|${source}`}>
                        {n === 0 ? t('coverage.empty') : t('coverage.cell', { count: n, interviewed: cell?.interviewed ?? 0 })}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">{t('coverage.emptyCells', { count: empty })}</p>
        </>
      )}
    </section>
  );
}
