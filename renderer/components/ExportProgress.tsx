// What a running export shows: an indeterminate bar (a PDF or a large study can take
// seconds on a busy machine and its length is not known in advance) and which file is
// being made, announced politely to screen readers. The buttons that start exports are
// disabled meanwhile, but never left looking frozen.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportedFile } from '../../shared/api/guide';
import { saveExportedFile } from '../features/guide/download';

export function ExportProgress({ name }: { name: string }) {
  const { t } = useTranslation();
  const text = t('archives.exportProgress', { name });
  return (
    <div className="export-progress" role="status" aria-live="polite" data-testid="export-progress">
      <div className="progress indeterminate" role="progressbar" aria-label={text}>
        <div />
      </div>
      <span className="small-print">{text}</span>
    </div>
  );
}

/**
 * Runs one export at a time: `busy` names the running one (its button label), the file
 * is saved when it arrives, and a failure goes to `onError`. Returns whether it was saved.
 */
export function useExportRun(onError: (error: unknown) => void) {
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (name: string, make: () => Promise<ExportedFile>): Promise<boolean> => {
    setBusy(name);
    try {
      saveExportedFile(await make());
      return true;
    } catch (error) {
      onError(error);
      return false;
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}
