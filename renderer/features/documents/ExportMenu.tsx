// The export menu of personas and journey maps: a format, and the two choices every
// document offers (evidence as footnotes, participants' real names hidden). It stays
// open while a document is made, with its progress shown: a PDF can take seconds.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentFormat, DocumentOptions } from '../../../shared/api/documents';
import type { ExportedFile } from '../../../shared/api/guide';
import { errorMessage } from '../../components/errors';
import { ExportProgress, useExportRun } from '../../components/ExportProgress';
import { Icon } from '../../components/Icon';
import { showToast } from '../../components/toasts';

interface Props<F extends DocumentFormat> {
  label: string;
  formats: readonly F[];
  run: (format: F, options: DocumentOptions) => Promise<ExportedFile>;
}

export function ExportMenu<F extends DocumentFormat>({ label, formats, run }: Props<F>) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [footnotes, setFootnotes] = useState(true);
  const [hideRealNames, setHideRealNames] = useState(true);
  const exporting = useExportRun((error) => showToast({ tone: 'error', message: errorMessage(t, error) }));
  const busy = exporting.busy;
  const nameOf = (format: F) => `${label} · ${t(`documents.formats.${format}`)}`;

  const exportAs = async (format: F) => {
    if (await exporting.run(nameOf(format), () => run(format, { footnotes, hideRealNames }))) setOpen(false);
  };

  return (
    <div className="export-menu">
      <button className="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        <Icon name="download" size={15} /> {label}
      </button>
      {open && (
        <div className="export-popover panel" role="dialog" aria-label={label}>
          <div className="export-formats">
            {formats.map((format) => (
              <button key={format} className="button small" disabled={busy !== null} aria-busy={busy === nameOf(format)} onClick={() => void exportAs(format)}>
                {t(`documents.formats.${format}`)}
              </button>
            ))}
          </div>
          <label className="check">
            <input type="checkbox" checked={footnotes} onChange={(e) => setFootnotes(e.target.checked)} />
            {t('documents.footnotes')}
          </label>
          <label className="check">
            <input type="checkbox" checked={hideRealNames} onChange={(e) => setHideRealNames(e.target.checked)} />
            {t('documents.hideRealNames')}
          </label>
          <p className="muted small-print">{t('documents.withdrawnNote')}</p>
          {busy !== null && <ExportProgress name={busy} />}
        </div>
      )}
    </div>
  );
}
