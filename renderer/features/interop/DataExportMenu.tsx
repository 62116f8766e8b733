// "Export data" on the board: the findings as a table (CSV or Excel) or the whole
// study as a REFI-QDA project for QDA tools. Real names are hidden unless the user
// unticks it; the menu stays open, showing its progress, while a file is made. The
// study's own export menu offers the same files.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportedFile } from '../../../shared/api/guide';
import type { InteropExportOptions } from '../../../shared/api/interop';
import { call } from '../../api/queries';
import { ExportProgress, useExportRun } from '../../components/ExportProgress';
import { Icon } from '../../components/Icon';
import { showToast } from '../../components/toasts';
import { interopErrorMessage } from './interopErrors';

const FORMATS = ['findingsCsv', 'findingsXlsx', 'refiQda'] as const;
type Format = (typeof FORMATS)[number];

function exportAs(studyId: string, format: Format, options: InteropExportOptions): Promise<ExportedFile> {
  if (format === 'refiQda') return call('interop.exportRefiQda', { studyId, options });
  return call('interop.exportFindings', { studyId, format: format === 'findingsCsv' ? 'csv' : 'xlsx', options });
}

export function DataExportMenu({ studyId }: { studyId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [hideRealNames, setHideRealNames] = useState(true);
  const exporting = useExportRun((error) => showToast({ tone: 'error', message: interopErrorMessage(t, error) }));
  const busy = exporting.busy;

  const run = async (format: Format) => {
    // Session dates in the table are written in the reader's own time zone.
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (await exporting.run(t(`interop.formats.${format}`), () => exportAs(studyId, format, { hideRealNames, timeZone }))) setOpen(false);
  };

  return (
    <div className="export-menu">
      <button className="button small" aria-expanded={open} onClick={() => setOpen(!open)}>
        <Icon name="download" size={14} /> {t('interop.exportData')}
      </button>
      {open && (
        <div className="export-popover panel data-export" role="dialog" aria-label={t('interop.exportData')}>
          {FORMATS.map((format) => (
            <section key={format}>
              <button className="button small" disabled={busy !== null} aria-busy={busy === t(`interop.formats.${format}`)} onClick={() => void run(format)}>
                {t(`interop.formats.${format}`)}
              </button>
              <p className="muted small-print">{t(`interop.hints.${format}`)}</p>
            </section>
          ))}
          <label className="check">
            <input type="checkbox" checked={hideRealNames} onChange={(e) => setHideRealNames(e.target.checked)} />
            {t('interop.hideRealNames')}
          </label>
          <p className="muted small-print">{t('interop.withdrawnNote')}</p>
          {busy !== null && <ExportProgress name={busy} />}
        </div>
      )}
    </div>
  );
}
