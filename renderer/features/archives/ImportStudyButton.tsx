// "Import study…" on the studies list: pick a `.fieldwork` file, watch it being checked
// and imported, and, when the study is already in the library, choose between adding
// it as a copy and skipping it. A file the core refuses says why in a toast; nothing
// of it was written.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ARCHIVE_EXTENSION, ARCHIVE_LIMITS } from '../../../shared/archive/format';
import type { ArchiveImportResult, ImportMode } from '../../../shared/api/archives';
import { useMutationOf } from '../../api/queries';
import { navigate } from '../../app/router';
import { useReadOnly } from '../../app/useReadOnly';
import { bytesToBase64 } from '../../components/base64';
import { Dialog } from '../../components/Dialog';
import { Icon } from '../../components/Icon';
import { showToast } from '../../components/toasts';
import { archiveErrorMessage } from './archiveErrors';

interface PickedFile {
  name: string;
  base64: string;
}

type Existing = Extract<ArchiveImportResult, { status: 'already_imported' }>['existing'];

type ImportState = { kind: 'idle' } | { kind: 'working'; fileName: string } | { kind: 'ask'; file: PickedFile; existing: Existing };

export function ImportStudyButton() {
  const { t } = useTranslation();
  const importArchive = useMutationOf('archive.import');
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const { readOnly, reason } = useReadOnly();
  const input = useRef<HTMLInputElement>(null);

  const fail = (fileName: string, reason: string) => {
    setState({ kind: 'idle' });
    showToast({ tone: 'error', message: t('archives.importFailed', { file: fileName, reason }) }, 12_000);
  };

  const run = async (file: PickedFile, mode: ImportMode) => {
    setState({ kind: 'working', fileName: file.name });
    try {
      const result = await importArchive.mutateAsync({ fileName: file.name, base64: file.base64, mode });
      if (result.status === 'already_imported') {
        setState({ kind: 'ask', file, existing: result.existing });
        return;
      }
      setState({ kind: 'idle' });
      if (result.status === 'imported') {
        showToast({
          tone: 'info',
          message: t('archives.imported', { name: result.name }),
          action: { label: t('archives.open'), run: () => navigate({ screen: 'overview', studyId: result.studyId }) },
        });
      }
    } catch (error) {
      fail(file.name, archiveErrorMessage(t, error));
    }
  };

  const choose = async (chosen: File | undefined) => {
    if (input.current) input.current.value = ''; // so choosing the same file again is noticed
    if (!chosen) return;
    if (chosen.size > ARCHIVE_LIMITS.fileBytes) return fail(chosen.name, t('archives.problems.file_too_large'));
    setState({ kind: 'working', fileName: chosen.name });
    try {
      const base64 = bytesToBase64(new Uint8Array(await chosen.arrayBuffer()));
      await run({ name: chosen.name, base64 }, 'ask');
    } catch {
      fail(chosen.name, t('archives.unreadable'));
    }
  };

  const skip = (existing: Existing) => {
    setState({ kind: 'idle' });
    showToast({ tone: 'info', message: t('archives.skipped', { name: existing.name }) });
  };

  return (
    <>
      <button className="button" onClick={() => input.current?.click()} disabled={state.kind === 'working' || readOnly} title={reason}>
        <Icon name="upload" size={16} /> {t('archives.import')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept={`${ARCHIVE_EXTENSION},application/zip`}
        aria-label={t('archives.chooseFile')}
        onChange={(e) => void choose(e.target.files?.[0])}
      />
      {state.kind === 'working' && (
        // Nothing to cancel: the import is one transaction and takes a moment.
        <Dialog title={t('archives.importing')} onClose={() => undefined} labelledBy="archive-import-title">
          <p>{t('archives.importingFile', { file: state.fileName })}</p>
          <div className="progress indeterminate" role="progressbar" aria-label={t('archives.importing')}>
            <div />
          </div>
        </Dialog>
      )}
      {state.kind === 'ask' && (
        <Dialog title={t('archives.alreadyTitle')} onClose={() => skip(state.existing)} labelledBy="archive-ask-title">
          <p>{t(state.existing.inTrash ? 'archives.alreadyBodyTrash' : 'archives.alreadyBody', { name: state.existing.name })}</p>
          <div className="dialog-actions">
            <button className="button" autoFocus onClick={() => skip(state.existing)}>
              {t('archives.skip')}
            </button>
            <button className="button primary" onClick={() => void run(state.file, 'duplicate')}>
              {t('archives.duplicate')}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
