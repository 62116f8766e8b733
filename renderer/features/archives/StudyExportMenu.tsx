// "Export study" on the study overview: every export of the study in one place. The
// whole study as a `.fieldwork` archive (a backup, or to move it to another library;
// personal data is left out unless ticked, and participants who withdrew consent
// always are) or as one readable Markdown document; the findings as CSV or Excel and
// the study as a REFI-QDA project (also under the board's "Export data"); all personas
// and the journey map as documents, and the analysis dashboard (also on their own
// screens, where a dashboard can be narrowed to a segment first). A running export
// shows its progress; the menu stays open until its file is saved.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_FORMATS, JOURNEY_FORMATS, type DocumentFormat } from '../../../shared/api/documents';
import type { ExportedFile } from '../../../shared/api/guide';
import { call } from '../../api/queries';
import { ExportProgress, useExportRun } from '../../components/ExportProgress';
import { Icon } from '../../components/Icon';
import { showToast } from '../../components/toasts';
import { archiveErrorMessage } from './archiveErrors';

const DASHBOARD_FORMATS = ['pdf', 'png'] as const;
const DATA_FORMATS = ['findingsCsv', 'findingsXlsx', 'refiQda'] as const;
type DataFormat = (typeof DATA_FORMATS)[number];

function exportData(studyId: string, format: DataFormat, hideRealNames: boolean): Promise<ExportedFile> {
  // Session dates in the table are written in the reader's own time zone.
  const options = { hideRealNames, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
  if (format === 'refiQda') return call('interop.exportRefiQda', { studyId, options });
  return call('interop.exportFindings', { studyId, format: format === 'findingsCsv' ? 'csv' : 'xlsx', options });
}

export function StudyExportMenu({ studyId }: { studyId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [includePersonal, setIncludePersonal] = useState(false);
  const [hideRealNames, setHideRealNames] = useState(true);
  const { busy, run } = useExportRun((error) => showToast({ tone: 'error', message: archiveErrorMessage(t, error) }));

  /** A format's button; `name` says in the progress line which file is being made. */
  const exportButton = (label: string, make: () => Promise<ExportedFile>, name = label) => (
    <button
      key={name}
      className="button small"
      disabled={busy !== null}
      aria-busy={busy === name}
      onClick={() => void run(name, make).then((saved) => saved && setOpen(false))}
    >
      {label}
    </button>
  );
  const documentOptions = { footnotes: true, hideRealNames };
  const archive = () => call('archive.export', { studyId, includePersonalData: includePersonal });
  const markdown = () => call('study.exportMarkdown', { studyId });
  const personas = (format: DocumentFormat) => call('persona.exportAll', { studyId, format: format === 'png' ? 'pdf' : format, options: documentOptions });
  const dashboard = (format: 'pdf' | 'png') => call('analysis.export', { studyId, format });
  const journey = async (format: DocumentFormat) => call('journey.export', { mapId: (await call('journey.get', { studyId })).id, format, options: documentOptions });

  return (
    <div className="export-menu">
      <button className="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        <Icon name="download" size={15} /> {t('archives.exportStudy')}
      </button>
      {open && (
        <div className="export-popover panel study-export" role="dialog" aria-label={t('archives.exportStudy')}>
          <section aria-label={t('archives.formats.archive')}>
            {exportButton(t('archives.formats.archive'), archive)}
            <p className="muted small-print">{t('archives.archiveHint')}</p>
            <label className="check">
              <input type="checkbox" checked={includePersonal} onChange={(e) => setIncludePersonal(e.target.checked)} />
              {t('archives.includePersonal')}
            </label>
          </section>
          <section aria-label={t('archives.formats.markdown')}>
            {exportButton(t('archives.formats.markdown'), markdown)}
            <p className="muted small-print">{t('archives.markdownHint')}</p>
          </section>
          <section aria-label={t('interop.exportData')}>
            <h3>{t('interop.exportData')}</h3>
            <div className="export-formats">{DATA_FORMATS.map((format) => exportButton(t(`interop.formats.${format}`), () => exportData(studyId, format, hideRealNames)))}</div>
            <p className="muted small-print">{t('interop.hints.findingsXlsx')}</p>
          </section>
          <section aria-label={t('personas.exportAll')}>
            <h3>{t('personas.exportAll')}</h3>
            <div className="export-formats">
              {DOCUMENT_FORMATS.map((format) =>
                exportButton(t(`documents.formats.${format}`), () => personas(format), `${t('personas.exportAll')} · ${t(`documents.formats.${format}`)}`),
              )}
            </div>
          </section>
          <section aria-label={t('journey.export')}>
            <h3>{t('journey.export')}</h3>
            <div className="export-formats">
              {JOURNEY_FORMATS.map((format) =>
                exportButton(
                  t(`documents.formats.${format}`),
                  () => journey(format),
                  `${t('journey.export')} · ${t(`documents.formats.${format}`)}`,
                ),
              )}
            </div>
          </section>
          <section aria-label={t('nav.analysis')}>
            <h3>{t('nav.analysis')}</h3>
            <div className="export-formats">
              {DASHBOARD_FORMATS.map((format) => exportButton(t(`documents.formats.${format}`), () => dashboard(format), `${t('nav.analysis')} · ${t(`documents.formats.${format}`)}`))}
            </div>
          </section>
          <label className="check">
            <input type="checkbox" checked={hideRealNames} onChange={(e) => setHideRealNames(e.target.checked)} />
            {t('interop.hideRealNames')}
          </label>
          {busy !== null && <ExportProgress name={busy} />}
        </div>
      )}
    </div>
  );
}
