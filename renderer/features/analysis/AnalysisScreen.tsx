// The analysis dashboard of a study: progress against the plan, saturation, the
// pain-point heatmap, segment comparison and tags. Every number opens the findings
// behind it; the whole dashboard exports as a PDF or PNG document.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisSelection } from '../../../shared/api/analysis';
import type { OperationInput } from '../../../shared/api/contract';
import type { SegmentDimension } from '../../../shared/domain';
import { call, useOperation } from '../../api/queries';
import { errorMessage } from '../../components/errors';
import { ExportProgress } from '../../components/ExportProgress';
import { Icon } from '../../components/Icon';
import { showToast } from '../../components/toasts';
import { saveExportedFile } from '../guide/download';
import { EvidenceList } from './EvidenceList';
import { PainHeatmap } from './PainHeatmap';
import { ProgressPanel } from './ProgressPanel';
import { SaturationPanel } from './SaturationPanel';
import { SegmentPanel } from './SegmentPanel';
import { TagPanel } from './TagPanel';

type Segment = { dimension: SegmentDimension; attribute: string };
type DashboardFormat = OperationInput<'analysis.export'>['format'];
const DASHBOARD_FORMATS: readonly DashboardFormat[] = ['pdf', 'png'];

export function AnalysisScreen({ studyId }: { studyId: string }) {
  const { t } = useTranslation();
  const [segment, setSegment] = useState<Segment | undefined>(undefined);
  const dashboard = useOperation('analysis.dashboard', { studyId, ...(segment ? { segment } : {}) });
  const [drill, setDrill] = useState<{ selection: AnalysisSelection; title: string } | null>(null);
  const [exporting, setExporting] = useState<DashboardFormat | null>(null);
  const onDrill = (selection: AnalysisSelection, title: string) => setDrill({ selection, title });

  const exportAs = async (format: DashboardFormat) => {
    setExporting(format);
    try {
      saveExportedFile(await call('analysis.export', { studyId, format, ...(segment ? { segment } : {}) }));
    } catch (error) {
      showToast({ tone: 'error', message: errorMessage(t, error) });
    } finally {
      setExporting(null);
    }
  };

  const data = dashboard.data;
  if (!data) return <p className="muted screen">{dashboard.error ? errorMessage(t, dashboard.error) : t('common.loading')}</p>;
  return (
    <section className="screen wide analysis-screen" aria-labelledby="analysis-title">
      <header className="screen-head">
        <div>
          <h1 id="analysis-title">{t('nav.analysis')}</h1>
          <p className="muted">{t('analysis.subtitle')}</p>
        </div>
        <div className="head-actions">
          {DASHBOARD_FORMATS.map((format) => (
            <button key={format} className="button" disabled={exporting !== null} onClick={() => void exportAs(format)}>
              <Icon name="download" size={15} /> {exporting === format ? t('documents.exporting') : t(`documents.formats.${format}`)}
            </button>
          ))}
          {exporting !== null && <ExportProgress name={`${t('nav.analysis')} · ${t(`documents.formats.${exporting}`)}`} />}
        </div>
      </header>
      <div className={`analysis-layout${drill ? ' drilling' : ''}`}>
        <div className="analysis-grid">
          <ProgressPanel progress={data.progress} />
          <SaturationPanel saturation={data.saturation} onDrill={onDrill} />
          <section className="panel analysis-panel wide-panel" aria-labelledby="pain-title">
            <h2 id="pain-title">{t('analysis.painPoints')}</h2>
            <p className="muted">{t('analysis.painHint')}</p>
            <PainHeatmap matrix={data.painPoints} stages={data.stages} onDrill={onDrill} />
          </section>
          <SegmentPanel segments={data.segments} attributes={data.progress.coverage.attributes} onAttribute={setSegment} onDrill={onDrill} />
          <TagPanel tags={data.tags} onDrill={onDrill} />
        </div>
        {drill && <EvidenceList key={JSON.stringify(drill.selection)} studyId={studyId} selection={drill.selection} title={drill.title} onClose={() => setDrill(null)} />}
      </div>
    </section>
  );
}
