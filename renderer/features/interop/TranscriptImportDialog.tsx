// Imports an interview held elsewhere: choose a transcript or notes file, check the
// first paragraphs with their times and any problems the file has, say whose
// interview it was, who ran it and when, then import. Nothing is written before that;
// the imported interview opens at once, so it can be read and findings marked in it.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TranscriptPreview } from '../../../shared/api/interop';
import { msToClock } from '../../../shared/notes';
import { call, useMutationOf, useOperation } from '../../api/queries';
import { navigate } from '../../app/router';
import { bytesToBase64 } from '../../components/base64';
import { Dialog } from '../../components/Dialog';
import { Icon } from '../../components/Icon';
import { showToast } from '../../components/toasts';
import { INTERVIEWER_KEY } from '../interviews/NewSessionDialog';
import { ParticipantOptions } from '../interviews/ParticipantOptions';
import { interopErrorMessage } from './interopErrors';
import { DateField } from '../../components/DateField';
import { Select } from '../../components/Select';

/** What the core accepts in one request (checked here too, to say so before uploading). */
const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = '.vtt,.srt,.txt,.docx,text/vtt,text/plain,application/x-subrip,application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const SHOWN_PARAGRAPHS = 12;

/** Now, as the value of a datetime-local input (local time, to the minute). */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export function TranscriptImportDialog({ studyId, onClose }: { studyId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const participants = useOperation('participant.list', { studyId });
  const importing = useMutationOf('interop.importTranscript');
  const eligible = (participants.data ?? []).filter((p) => !p.withdrawnAt);
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<TranscriptPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [participantId, setParticipantId] = useState('');
  const [interviewer, setInterviewer] = useState(() => localStorage.getItem(INTERVIEWER_KEY) ?? '');
  const [date, setDate] = useState(localNow);
  const chosen = participantId || (eligible.find((p) => p.status !== 'interviewed')?.id ?? eligible[0]?.id ?? '');
  const when = new Date(date);
  const dateValid = date !== '' && !Number.isNaN(when.getTime());

  const choose = async (picked: File | undefined) => {
    if (!picked) return;
    setPreview(null);
    setFile(null);
    setError(null);
    if (picked.size > MAX_BYTES) {
      setError(t('interop.errors.transcript_too_large'));
      return;
    }
    setReading(true);
    try {
      const base64 = bytesToBase64(new Uint8Array(await picked.arrayBuffer()));
      setPreview(await call('interop.previewTranscript', { fileName: picked.name, base64 }));
      setFile({ name: picked.name, base64 });
    } catch (e) {
      setError(interopErrorMessage(t, e));
    } finally {
      setReading(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file || !preview || !chosen || !dateValid) return;
    localStorage.setItem(INTERVIEWER_KEY, interviewer.trim());
    importing.mutate(
      { studyId, participantId: chosen, interviewer: interviewer.trim(), date: when.toISOString(), fileName: file.name, base64: file.base64 },
      {
        onSuccess: (session) => {
          showToast({ tone: 'info', message: t('interop.imported', { count: preview.paragraphCount, code: session.participantCode }) });
          onClose();
          navigate({ screen: 'interviews', studyId, sessionId: session.id });
        },
        onError: (e) => setError(interopErrorMessage(t, e)),
      },
    );
  };

  const untimed = preview !== null && preview.paragraphs.every((p) => p.atMs === null);

  return (
    <Dialog title={t('interop.importTitle')} onClose={onClose}>
      <form className="form import transcript-import" onSubmit={submit}>
        <label className="file-drop">
          <Icon name="upload" />
          <span>{file ? file.name : t('interop.choose')}</span>
          <input type="file" accept={ACCEPT} aria-label={t('interop.choose')} onChange={(e) => void choose(e.target.files?.[0])} />
        </label>
        <p className="hint">{t('interop.chooseHint')}</p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {reading && <p className="muted">{t('common.loading')}</p>}
        {preview && (
          <div className="transcript-preview" data-testid="transcript-preview">
            <p>
              <strong>
                {t('interop.summary', {
                  format: t(`interop.fileFormats.${preview.format}`),
                  count: preview.paragraphCount,
                  duration: msToClock(preview.durationMs),
                })}
              </strong>
              {preview.encoding && <span className="muted"> · {t('interop.encoding', { encoding: preview.encoding.toUpperCase() })}</span>}
            </p>
            {untimed && <p className="hint">{t('interop.untimed')}</p>}
            {preview.problemCount > 0 && (
              <>
                <h3 className="subhead">{t('interop.problemsTitle', { count: preview.problemCount })}</h3>
                <ul className="issues" data-testid="transcript-problems">
                  {preview.problems.slice(0, 20).map((problem, i) => (
                    <li key={i}>
                      {t('interop.line', { line: problem.line })} — {t(`interop.problems.${problem.code}`)}
                      {problem.text && <span className="muted mono"> {problem.text}</span>}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <h3 className="subhead">{t('interop.previewTitle')}</h3>
            <table className="table compact">
              <thead>
                <tr>
                  <th>{t('interop.time')}</th>
                  <th>{t('interop.text')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.paragraphs.slice(0, SHOWN_PARAGRAPHS).map((p, i) => (
                  <tr key={i}>
                    <td className="mono nowrap">{p.atMs === null ? '—' : msToClock(p.atMs)}</td>
                    <td>{p.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {preview.paragraphCount > SHOWN_PARAGRAPHS && <p className="muted">{t('interop.more', { count: preview.paragraphCount - SHOWN_PARAGRAPHS })}</p>}
          </div>
        )}
        <div className="transcript-fields">
          <label className="field">
            <span>{t('interop.participant')}</span>
            <Select value={chosen} onChange={(e) => setParticipantId(e.target.value)}>
              <ParticipantOptions participants={eligible} />
            </Select>
          </label>
          <label className="field">
            <span>{t('interop.interviewer')}</span>
            <input value={interviewer} maxLength={200} placeholder={t('interop.interviewerPlaceholder')} onChange={(e) => setInterviewer(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('interop.date')}</span>
            <DateField withTime value={date} onValueChange={setDate} />
          </label>
        </div>
        {participants.data && eligible.length === 0 && <p className="form-error">{t('interop.noParticipants')}</p>}
        {!dateValid && <p className="form-error">{t('interop.badDate')}</p>}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={!preview || !chosen || !dateValid || importing.isPending}>
            {importing.isPending ? t('interop.importing') : t('interop.import')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
