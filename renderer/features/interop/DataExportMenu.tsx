// "Export data" on the board: the findings as a table (CSV or Excel) or the whole
// study as a REFI-QDA project for QDA tools. Real names are hidden unless the user
// unticks it; the menu stays open while a file is made.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportedFile } from '../../../shared/api/guide';
import type { InteropExportOptions } from '../../../shared/api/interop';
import { call } from '../../api/queries';
import { Icon } from '../../components/Icon';
import { showToast } from '../../components/toasts';
import { saveExportedFile } from '../guide/download';
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
  const [busy, setBusy] = useState<Format | null>(null);

  const run = async (format: Format) => {
    setBusy(format);
    try {
      // Session dates in the table are written in the reader's own time zone.
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      saveExportedFile(await exportAs(studyId, format, { hideRealNames, timeZone }));
      setOpen(false);
    } catch (error) {
      showToast({ tone: 'error', message: interopErrorMessage(t, error) });
    } finally {
      setBusy(null);
    }
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
              <button className="button small" disabled={busy !== null} onClick={() => void run(format)}>
                {busy === format ? t('interop.exporting') : t(`interop.formats.${format}`)}
              </button>
              <p className="muted small-print">{t(`interop.hints.${format}`)}</p>
            </section>
          ))}
          <label className="check">
            <input type="checkbox" checked={hideRealNames} onChange={(e) => setHideRealNames(e.target.checked)} />
            {t('interop.hideRealNames')}
          </label>
          <p className="muted small-print">{t('interop.withdrawnNote')}</p>
        </div>
      )}
    </div>
  );
}
