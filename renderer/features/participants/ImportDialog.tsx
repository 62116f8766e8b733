// Importing participants from a CSV file: choose the file, check the detected
// encoding and the column mapping, read the row-level problems and the preview, and
// only then import. Nothing is written before the user confirms.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEGMENT_DIMENSIONS } from '../../../shared/domain';
import { CSV_ENCODINGS, MAX_IMPORT_FILE_BYTES, PARTICIPANT_FIELDS, type ColumnTargetInput, type ImportPreview } from '../../../shared/api/participants';
import { call, useMutationOf } from '../../api/queries';
import { bytesToBase64 } from '../../components/base64';
import { Dialog } from '../../components/Dialog';
import { errorMessage } from '../../components/errors';
import { Icon } from '../../components/Icon';
import { showToast } from '../../components/toasts';
import { Select } from '../../components/Select';

const IGNORE: ColumnTargetInput = { kind: 'ignore' };

const targetValue = (t: ColumnTargetInput) =>
  t.kind === 'field' ? `field:${t.field}` : t.kind === 'attribute' ? `attr:${t.dimension}:${t.name}` : 'ignore';

function parseTarget(value: string, header: string): ColumnTargetInput {
  if (value.startsWith('field:')) return { kind: 'field', field: value.slice(6) as (typeof PARTICIPANT_FIELDS)[number] };
  if (value.startsWith('attr:')) {
    const [, dimension, ...name] = value.split(':');
    return { kind: 'attribute', dimension: dimension as (typeof SEGMENT_DIMENSIONS)[number], name: name.join(':') || header };
  }
  return { kind: 'ignore' };
}

export function ImportDialog({ studyId, onClose }: { studyId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const commit = useMutationOf('participant.importCommit');
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [encoding, setEncoding] = useState<'auto' | (typeof CSV_ENCODINGS)[number]>('auto');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = async (next: { base64: string; encoding: typeof encoding; mapping?: ColumnTargetInput[] }) => {
    setBusy(true);
    setError(null);
    try {
      setPreview(await call('participant.importPreview', { studyId, fileBase64: next.base64, encoding: next.encoding, mapping: next.mapping }));
    } catch (e) {
      setPreview(null);
      setError(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    // Refused by its size alone, before reading it: the core would refuse it the same way.
    if (chosen.size > MAX_IMPORT_FILE_BYTES) {
      setFile(null);
      setPreview(null);
      setError(t('errors.reasons.import_too_large'));
      return;
    }
    const base64 = bytesToBase64(new Uint8Array(await chosen.arrayBuffer()));
    setFile({ name: chosen.name, base64 });
    setEncoding('auto');
    await refresh({ base64, encoding: 'auto' });
  };

  const remap = (index: number, value: string) => {
    if (!file || !preview) return;
    const mapping = preview.mapping.map((m, i) => (i === index ? parseTarget(value, preview.headers[i] ?? '') : m));
    void refresh({ base64: file.base64, encoding: preview.encoding, mapping });
  };

  const confirm = () => {
    if (!file || !preview) return;
    commit.mutate(
      { studyId, fileBase64: file.base64, encoding: preview.encoding, mapping: preview.mapping },
      {
        onSuccess: (result) => {
          showToast({ tone: 'info', message: t('import.done', { count: result.imported, skipped: result.skipped }) });
          onClose();
        },
        onError: (e) => setError(errorMessage(t, e)),
      },
    );
  };

  return (
    <Dialog title={t('import.title')} onClose={onClose}>
      <div className="form import">
        <label className="file-drop">
          <Icon name="upload" />
          <span>{file ? file.name : t('import.choose')}</span>
          <input type="file" accept=".csv,text/csv,text/plain" aria-label={t('import.choose')} onChange={(e) => void choose(e.target.files?.[0])} />
        </label>
        <p className="hint">{t('import.hint')}</p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {preview && file && (
          <>
            <label className="field inline">
              <span>{t('import.encoding')}</span>
              <Select
                value={encoding === 'auto' ? preview.encoding : encoding}
                onChange={(e) => {
                  const next = e.target.value as (typeof CSV_ENCODINGS)[number];
                  setEncoding(next);
                  void refresh({ base64: file.base64, encoding: next, mapping: preview.mapping });
                }}
              >
                {CSV_ENCODINGS.map((enc) => (
                  <option key={enc} value={enc}>
                    {t(`import.encodings.${enc}`)}
                  </option>
                ))}
              </Select>
            </label>
            <h3 className="subhead">{t('import.mapping')}</h3>
            <div className="mapping-grid">
              {preview.headers.map((header, i) => {
                const current = preview.mapping[i] ?? IGNORE;
                const attrName = current.kind === 'attribute' ? current.name : header;
                return (
                  <label key={`${i}-${header}`} className="mapping-row">
                    <span className="mono">{header || t('import.unnamed', { n: i + 1 })}</span>
                    <Select aria-label={t('import.columnTarget', { column: header })} value={targetValue(current)} onChange={(e) => remap(i, e.target.value)}>
                      <option value="ignore">{t('import.ignore')}</option>
                      {PARTICIPANT_FIELDS.map((f) => (
                        <option key={f} value={`field:${f}`}>
                          {t(`import.fields.${f}`)}
                        </option>
                      ))}
                      {SEGMENT_DIMENSIONS.map((d) => (
                        <option key={d} value={`attr:${d}:${attrName}`}>
                          {t('import.asAttribute', { dimension: t(`dimensions.${d}`), name: attrName })}
                        </option>
                      ))}
                    </Select>
                  </label>
                );
              })}
            </div>
            {preview.mappingError && <p className="form-error">{t('import.needCode')}</p>}
            {preview.issues.length > 0 && (
              <>
                <h3 className="subhead">{t('import.problems', { count: preview.skippedRows })}</h3>
                <ul className="issues" data-testid="import-issues">
                  {preview.issues.slice(0, 100).map((issue, i) => (
                    <li key={i}>
                      {t('import.line', { line: issue.line })} — {t(`import.issues.${issue.code}`, { value: issue.value, column: issue.column ?? '' })}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <h3 className="subhead">{t('import.previewTitle', { count: preview.importable })}</h3>
            <table className="table compact">
              <thead>
                <tr>
                  <th>{t('participants.code')}</th>
                  <th>{t('participants.realName')}</th>
                  <th>{t('participants.source')}</th>
                  <th>{t('participants.status')}</th>
                  <th>{t('participants.segment')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.preview.slice(0, 8).map((row) => (
                  <tr key={row.line}>
                    <td className="mono">{row.code}</td>
                    <td>{row.realName}</td>
                    <td>{t(`sources.${row.source}`)}</td>
                    <td>{t(`statuses.${row.status}`)}</td>
                    <td className="muted">{SEGMENT_DIMENSIONS.flatMap((d) => Object.values(row.attributes[d] ?? {})).join(' · ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button primary"
            disabled={!preview || preview.importable === 0 || Boolean(preview.mappingError) || busy || commit.isPending}
            onClick={confirm}
          >
            {t('import.confirm', { count: preview?.importable ?? 0 })}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
