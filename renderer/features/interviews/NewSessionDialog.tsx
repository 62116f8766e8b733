// Plans an interview: which participant, which published guide version, who
// interviews, and when. Starting it opens interview mode.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationOf, useOperation } from '../../api/queries';
import { DateField } from '../../components/DateField';
import { Dialog } from '../../components/Dialog';
import { errorMessage } from '../../components/errors';
import { ParticipantOptions } from './ParticipantOptions';
import { Select } from '../../components/Select';

/** Remembers the last interviewer's name, for the next interview planned or imported. */
export const INTERVIEWER_KEY = 'fieldwork.interviewer';

export function NewSessionDialog({ studyId, onClose, onCreated }: { studyId: string; onClose: () => void; onCreated: (sessionId: string, start: boolean) => void }) {
  const { t } = useTranslation();
  const participants = useOperation('participant.list', { studyId });
  const guide = useOperation('guide.get', { studyId });
  const create = useMutationOf('session.create');
  const eligible = (participants.data ?? []).filter((p) => !p.withdrawnAt);
  const versions = guide.data?.versions ?? [];
  const [participantId, setParticipantId] = useState('');
  const [versionId, setVersionId] = useState('');
  const [interviewer, setInterviewer] = useState(() => localStorage.getItem(INTERVIEWER_KEY) ?? '');
  const chosenParticipant = participantId || (eligible.find((p) => p.status !== 'interviewed')?.id ?? eligible[0]?.id ?? '');
  const chosenVersion = versionId || (versions.at(-1)?.id ?? '');
  // A draft is published when the interview is planned; from v2 on that needs a change note.
  const draft = versions.find((v) => v.id === chosenVersion && !v.publishedAt && v.number > 1);
  const [changeNote, setChangeNote] = useState('');
  // When it is planned for: a local date and time as the field gives it, stored as UTC.
  const [when, setWhen] = useState('');
  const ready = Boolean(chosenParticipant) && (!draft || changeNote.trim() !== '');

  const submit = (start: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    if (!ready) return;
    localStorage.setItem(INTERVIEWER_KEY, interviewer.trim());
    create.mutate(
      {
        studyId,
        participantId: chosenParticipant,
        guideVersionId: chosenVersion || null,
        interviewer: interviewer.trim(),
        scheduledAt: when ? new Date(when).toISOString() : null,
        ...(draft ? { changeNote: changeNote.trim() } : {}),
      },
      { onSuccess: (session) => onCreated(session.id, start) },
    );
  };

  return (
    <Dialog title={t('sessions.newTitle')} onClose={onClose}>
      <form className="form" onSubmit={submit(true)}>
        <label className="field">
          <span>{t('sessions.participant')}</span>
          <Select value={chosenParticipant} onChange={(e) => setParticipantId(e.target.value)} autoFocus>
            <ParticipantOptions participants={eligible} />
          </Select>
        </label>
        <label className="field">
          <span>{t('sessions.guideVersion')}</span>
          <Select value={chosenVersion} onChange={(e) => setVersionId(e.target.value)}>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {t('guide.versionLabel', { number: v.number })} · {v.publishedAt ? t('guide.published') : t('sessions.draftWillPublish')}
              </option>
            ))}
            <option value="">{t('sessions.noGuide')}</option>
          </Select>
        </label>
        {draft && (
          <label className="field">
            <span>{t('guide.changeNote')}</span>
            <textarea
              value={changeNote}
              rows={2}
              maxLength={2000}
              placeholder={t('guide.changeNotePlaceholder')}
              aria-describedby="session-change-note-hint"
              onChange={(e) => setChangeNote(e.target.value)}
            />
            <small id="session-change-note-hint" className="muted">
              {t('sessions.draftNeedsNote', { number: draft.number })}
            </small>
          </label>
        )}
        <label className="field">
          <span>{t('sessions.interviewer')}</span>
          <input value={interviewer} maxLength={200} placeholder={t('sessions.interviewerPlaceholder')} onChange={(e) => setInterviewer(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('sessions.when')}</span>
          <DateField withTime value={when} onValueChange={setWhen} />
        </label>
        {eligible.length === 0 && <p className="form-error">{t('sessions.noParticipants')}</p>}
        {create.error && <p className="form-error">{errorMessage(t, create.error)}</p>}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button" disabled={!ready || create.isPending} onClick={() => submit(false)()}>
            {t('sessions.plan')}
          </button>
          <button type="submit" className="button primary" disabled={!ready || create.isPending}>
            {t('sessions.startNow')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
