// "Export study" on the study overview: the whole study as a `.fieldwork` archive (a
// backup, or to move it to another library; personal data is left out unless ticked, and
// participants who withdrew consent always are, as the hint says) or as one readable
// Markdown document (participants by code).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportedFile } from '../../../shared/api/guide';
import { call } from '../../api/queries';
import { Icon } from '../../components/Icon';
import { showToast } from '../../components/toasts';
import { saveExportedFile } from '../guide/download';
import { archiveErrorMessage } from './archiveErrors';

type Format = 'archive' | 'markdown';
const ARCHIVE: Format = 'archive';
const MARKDOWN: Format = 'markdown';

export function StudyExportMenu({ studyId }: { studyId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [includePersonal, setIncludePersonal] = useState(false);
  const [busy, setBusy] = useState<Format | null>(null);

  const exportAs = async (format: Format) => {
    setBusy(format);
    try {
      const file: ExportedFile =
        format === 'archive'
          ? await call('archive.export', { studyId, includePersonalData: includePersonal })
          : await call('study.exportMarkdown', { studyId });
      saveExportedFile(file);
      setOpen(false);
    } catch (error) {
      showToast({ tone: 'error', message: archiveErrorMessage(t, error) });
    } finally {
      setBusy(null);
    }
  };

  const formatButton = (format: Format) => (
    <button className="button small" disabled={busy !== null} onClick={() => void exportAs(format)}>
      {busy === format ? t('archives.exporting') : t(`archives.formats.${format}`)}
    </button>
  );

  return (
    <div className="export-menu">
      <button className="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        <Icon name="download" size={15} /> {t('archives.exportStudy')}
      </button>
      {open && (
        <div className="export-popover panel study-export" role="dialog" aria-label={t('archives.exportStudy')}>
          <section>
            {formatButton(ARCHIVE)}
            <p className="muted small-print">{t('archives.archiveHint')}</p>
            <label className="check">
              <input type="checkbox" checked={includePersonal} onChange={(e) => setIncludePersonal(e.target.checked)} />
              {t('archives.includePersonal')}
            </label>
          </section>
          <section>
            {formatButton(MARKDOWN)}
            <p className="muted small-print">{t('archives.markdownHint')}</p>
          </section>
        </div>
      )}
    </div>
  );
}
