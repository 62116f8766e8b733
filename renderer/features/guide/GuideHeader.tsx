// The guide's title, version picker (published or draft), total planned time against
// the one-hour session, and the actions: publish, start a new version, export.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideDocument } from '../../../shared/api/guide';
import { SESSION_MINUTES } from '../../../shared/domain';
import { call, useMutationOf } from '../../api/queries';
import { useReadOnly } from '../../app/useReadOnly';
import { Dialog } from '../../components/Dialog';
import { EditableText } from '../../components/EditableText';
import { saveBasedOn } from '../../components/editConflict';
import { errorMessage } from '../../components/errors';
import { ExportProgress, useExportRun } from '../../components/ExportProgress';
import { Icon } from '../../components/Icon';
import { reportErrors } from '../../components/mutate';
import { showToast } from '../../components/toasts';
import { Select } from '../../components/Select';

/** The guide's export formats, in the order of their buttons. */
const GUIDE_EXPORTS = ['markdown', 'pdf'] as const;

export function GuideHeader({ doc, onVersion }: { doc: GuideDocument; onVersion: (versionId: string | undefined) => void }) {
  const { t, i18n } = useTranslation();
  const rename = useMutationOf('guide.rename');
  const publish = useMutationOf('guide.publish');
  const newVersion = useMutationOf('guide.newVersion');
  const [publishing, setPublishing] = useState(false);
  const [note, setNote] = useState('');
  const errors = reportErrors(t);
  const { readOnly, reason } = useReadOnly();
  const published = doc.version.publishedAt !== null;
  const latest = doc.versions.at(-1);
  const minutes = Math.round(doc.sections.flatMap((s) => s.questions).reduce((sum, q) => sum + q.timeBudgetSec, 0) / 60);
  const over = minutes > SESSION_MINUTES;
  // v1 is the starting point; from v2 on the team must say what changed (the core refuses otherwise).
  const noteRequired = doc.version.number > 1;
  const noteMissing = noteRequired && note.trim() === '';
  const noteHintId = useId();

  const exporting = useExportRun((error) => showToast({ tone: 'error', message: errorMessage(t, error) }));
  const exportLabel = { markdown: t('guide.exportMarkdown'), pdf: t('guide.exportPdf') } as const;
  const nameOf = (format: keyof typeof exportLabel) => `${doc.title} · ${exportLabel[format]}`;
  const exportAs = (format: keyof typeof exportLabel) => void exporting.run(nameOf(format), () => call('guide.export', { versionId: doc.version.id, format }));

  return (
    <header className="guide-head">
      <div className="guide-title-row">
        <EditableText
          className="guide-title"
          label={t('guide.title')}
          value={doc.title}
          required
          maxLength={200}
          readOnly={readOnly}
          onSave={(title, base) => saveBasedOn(t, rename, { guideId: doc.guideId, title }, { title: base })}
        />
        <label className="version-picker">
          <span className="sr-only">{t('guide.version')}</span>
          <Select value={doc.version.id} onChange={(e) => onVersion(e.target.value === latest?.id ? undefined : e.target.value)}>
            {doc.versions.map((v) => (
              <option key={v.id} value={v.id}>
                {t('guide.versionLabel', { number: v.number })} · {v.publishedAt ? t('guide.published') : t('guide.draft')}
              </option>
            ))}
          </Select>
        </label>
        <span className={`badge ${published ? 'badge-ok' : ''}`}>{published ? t('guide.published') : t('guide.draft')}</span>
      </div>
      <div className="guide-meta">
        <div className={`time-budget${over ? ' over' : ''}`} aria-label={t('guide.totalTime', { minutes, total: SESSION_MINUTES })}>
          <div className="time-bar" role="progressbar" aria-valuemin={0} aria-valuemax={SESSION_MINUTES} aria-valuenow={minutes}>
            <div style={{ width: `${Math.min(100, (minutes / SESSION_MINUTES) * 100)}%` }} />
          </div>
          <span>{t('guide.totalTime', { minutes, total: SESSION_MINUTES })}</span>
        </div>
        <div className="head-actions">
          {GUIDE_EXPORTS.map((format) => (
            <button key={format} className="button" disabled={exporting.busy !== null} aria-busy={exporting.busy === nameOf(format)} onClick={() => exportAs(format)}>
              <Icon name="download" size={15} /> {exportLabel[format]}
            </button>
          ))}
          {published ? (
            doc.version.id === latest?.id && (
              <button className="button primary" disabled={readOnly} title={reason} onClick={() => newVersion.mutate({ guideId: doc.guideId }, { ...errors, onSuccess: () => onVersion(undefined) })}>
                {t('guide.newVersion', { number: doc.version.number + 1 })}
              </button>
            )
          ) : (
            <button className="button primary" onClick={() => setPublishing(true)} disabled={readOnly} title={reason}>
              {t('guide.publish', { number: doc.version.number })}
            </button>
          )}
        </div>
      </div>
      {exporting.busy !== null && <ExportProgress name={exporting.busy} />}
      {published ? (
        <p className="banner-inline">
          {t('guide.publishedNote', {
            number: doc.version.number,
            date: new Date(doc.version.publishedAt ?? '').toLocaleDateString(i18n.language, { dateStyle: 'medium' }),
            sessions: doc.version.sessionCount,
          })}
          {doc.version.changeNote && <em> “{doc.version.changeNote}”</em>}
        </p>
      ) : (
        <p className="hint">{t('guide.draftNote')}</p>
      )}
      {publishing && (
        <Dialog title={t('guide.publishTitle', { number: doc.version.number })} onClose={() => setPublishing(false)}>
          <label className="field">
            <span>{t('guide.changeNote')}</span>
            <textarea
              autoFocus
              rows={3}
              maxLength={2000}
              value={note}
              required={noteRequired}
              aria-describedby={noteRequired ? noteHintId : undefined}
              placeholder={t('guide.changeNotePlaceholder')}
              onChange={(e) => setNote(e.target.value)}
            />
          </label>
          {noteRequired && (
            <p className="hint" id={noteHintId}>
              {t('guide.changeNoteRequired')}
            </p>
          )}
          <p className="hint">{t('guide.publishHint')}</p>
          <div className="dialog-actions">
            <button className="button" onClick={() => setPublishing(false)}>
              {t('common.cancel')}
            </button>
            <button
              className="button primary"
              disabled={noteMissing || publish.isPending}
              onClick={() => {
                publish.mutate({ versionId: doc.version.id, changeNote: note.trim() }, { ...errors, onSuccess: () => (setPublishing(false), setNote('')) });
              }}
            >
              {t('guide.publishConfirm')}
            </button>
          </div>
        </Dialog>
      )}
    </header>
  );
}
