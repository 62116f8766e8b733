// The register of interviews: every planned, held and missed session with its
// participant, interviewer, guide version and findings; plan a new one, start or
// resume it, review it afterwards. Suggests analysis at 25% of the plan.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { msToClock } from '../../../shared/notes';
import { elapsedNow } from '../../../shared/sessionClock';
import type { SessionSummary } from '../../../shared/api/sessions';
import { call, useMutationOf, useOperation } from '../../api/queries';
import { navigate } from '../../app/router';
import { useReadOnly } from '../../app/useReadOnly';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { reportErrors } from '../../components/mutate';
import { CheckpointBanner } from './CheckpointBanner';
import { NewSessionDialog } from './NewSessionDialog';
import { TranscriptImportDialog } from '../interop/TranscriptImportDialog';
import { useNow } from './useNow';

export function SessionsScreen({ studyId }: { studyId: string }) {
  const { t, i18n } = useTranslation();
  const sessions = useOperation('session.list', { studyId });
  const overview = useOperation('study.overview', { id: studyId });
  const update = useMutationOf('session.update');
  const remove = useMutationOf('session.delete');
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const { readOnly, reason } = useReadOnly();
  const errors = reportErrors(t);
  const list = sessions.data ?? [];
  const completed = list.filter((s) => s.status === 'completed').length;
  const open = (session: SessionSummary) => navigate({ screen: 'interviews', studyId, sessionId: session.id });
  const date = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }) : '—');

  return (
    <section className="screen wide" aria-labelledby="sessions-title">
      <header className="screen-head">
        <div>
          <h1 id="sessions-title">{t('nav.interviews')}</h1>
          <p className="muted">{t('sessions.subtitle')}</p>
        </div>
        <div className="head-actions">
          <button className="button" onClick={() => setImporting(true)} disabled={readOnly} title={reason}>
            <Icon name="upload" size={16} /> {t('interop.importTranscript')}
          </button>
          <button className="button primary" onClick={() => setCreating(true)} disabled={readOnly} title={reason}>
            <Icon name="plus" size={16} /> {t('sessions.new')}
          </button>
        </div>
      </header>
      <CheckpointBanner studyId={studyId} completed={completed} planned={overview.data?.study.plannedInterviews ?? 0} />
      {sessions.data && list.length === 0 ? (
        <EmptyState icon="interviews" title={t('sessions.emptyTitle')}>
          <p>{t('sessions.emptyBody')}</p>
        </EmptyState>
      ) : (
        <table className="table" data-testid="sessions">
          <thead>
            <tr>
              <th>{t('sessions.participant')}</th>
              <th>{t('sessions.status')}</th>
              <th>{t('sessions.interviewer')}</th>
              <th>{t('sessions.when')}</th>
              <th>{t('sessions.duration')}</th>
              <th>{t('sessions.guideVersion')}</th>
              <th>{t('counts.findings')}</th>
              <th>
                <span className="sr-only">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((s) => (
              <tr key={s.id} data-session={s.participantCode}>
                <td className="mono">{s.participantCode}</td>
                <td>
                  <span className={`status session-${s.status}`}>{t(`sessionStatuses.${s.status}`)}</span>
                </td>
                <td>{s.interviewer || '—'}</td>
                <td>{date(s.startedAt ?? s.scheduledAt)}</td>
                <td className="mono">{s.status === 'planned' || s.status === 'missed' ? '—' : <SessionClock session={s} />}</td>
                <td>{s.guideVersionNumber ? t('guide.versionLabel', { number: s.guideVersionNumber }) : '—'}</td>
                <td>{s.findingCount}</td>
                <td className="row-actions">
                  {s.status === 'planned' && (
                    <>
                      <button className="button small primary" onClick={() => call('session.start', { id: s.id }).then(() => open(s), errors.onError)} disabled={readOnly} title={reason}>
                        {t('sessions.start')}
                      </button>
                      <button className="button small" onClick={() => update.mutate({ id: s.id, missed: true }, errors)} disabled={readOnly} title={reason}>
                        {t('sessions.markMissed')}
                      </button>
                      <button className="icon-button danger" aria-label={t('sessions.delete')} title={reason ?? t('sessions.delete')} onClick={() => remove.mutate({ id: s.id }, errors)} disabled={readOnly}>
                        <Icon name="trash" size={15} />
                      </button>
                    </>
                  )}
                  {(s.status === 'in_progress' || s.status === 'paused') && (
                    <button className="button small primary" onClick={() => open(s)}>
                      {t('sessions.resume')}
                    </button>
                  )}
                  {s.status === 'completed' && (
                    <button className="button small" onClick={() => open(s)}>
                      {t('sessions.review')}
                    </button>
                  )}
                  {s.status === 'missed' && (
                    <button className="button small" onClick={() => update.mutate({ id: s.id, missed: false }, errors)} disabled={readOnly} title={reason}>
                      {t('sessions.reschedule')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {importing && <TranscriptImportDialog studyId={studyId} onClose={() => setImporting(false)} />}
      {creating && (
        <NewSessionDialog
          studyId={studyId}
          onClose={() => setCreating(false)}
          onCreated={(sessionId, start) => {
            setCreating(false);
            if (start) void call('session.start', { id: sessionId }).then(() => navigate({ screen: 'interviews', studyId, sessionId }), errors.onError);
          }}
        />
      )}
    </section>
  );
}

/** An interview's time so far; a running one counts up, as its timer in the interview does. */
function SessionClock({ session }: { session: SessionSummary }) {
  const now = useNow(1000, session.status === 'in_progress');
  return <>{msToClock(elapsedNow(session, now))}</>;
}
