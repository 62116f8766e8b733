// The interview's top bar: who and which guide, the elapsed time against the hour,
// the save indicator, and pause, end, help and exit.
import { useTranslation } from 'react-i18next';
import type { SessionDetail } from '../../../shared/api/sessions';
import { SESSION_MINUTES } from '../../../shared/domain';
import { msToClock } from '../../../shared/notes';
import { Icon } from '../../components/Icon';
import { KEY, keysFor } from './keys';
import type { SaveStatus } from './saveStatus';

interface Props {
  detail: SessionDetail;
  elapsedMs: number;
  status: SaveStatus;
  reviewing: boolean;
  /** Set when the library is read-only: pausing and ending are disabled, with this reason. */
  readOnlyReason?: string;
  onPause: () => void;
  onSave: () => void;
  onEnd: () => void;
  onHelp: () => void;
  onExit: () => void;
}

export function InterviewBar({ detail, elapsedMs, status, reviewing, readOnlyReason, onPause, onSave, onEnd, onHelp, onExit }: Props) {
  const { t } = useTranslation();
  const { session } = detail;
  const over = elapsedMs > SESSION_MINUTES * 60_000;
  const saveKeys = keysFor('save');
  return (
    <header className="interview-bar">
      <button className="icon-button bar-exit" aria-label={t('capture.exit')} title={t('capture.exit')} onClick={onExit}>
        <Icon name="close" />
      </button>
      <div className="bar-who">
        <strong className="mono">{detail.participant.code}</strong>
        <span className="muted">
          {detail.guide ? `${detail.guide.title} · ${t('guide.versionLabel', { number: detail.guide.number })}` : t('sessions.noGuide')}
          {session.interviewer ? ` · ${session.interviewer}` : ''}
        </span>
      </div>
      {reviewing ? (
        <span className="badge">{t('capture.reviewing')}</span>
      ) : (
        <div className={`bar-timer${over ? ' over' : ''}${session.status === 'paused' ? ' paused' : ''}`} role="timer" aria-label={t('capture.elapsed')}>
          <Icon name="clock" size={16} />
          <span className="mono" data-testid="elapsed">
            {msToClock(elapsedMs)}
          </span>
          <span className="muted">/ {SESSION_MINUTES}:00</span>
          {session.status === 'paused' && <span className="badge">{t('capture.paused')}</span>}
        </div>
      )}
      <span className={`save-state save-${status.kind}`} role="status" aria-live="polite" data-testid="save-state">
        {status.kind === 'saved' && (
          <>
            <Icon name="check" size={14} /> {t('capture.saved')}
          </>
        )}
        {status.kind === 'saving' && t('capture.saving')}
        {status.kind === 'failed' && (
          <>
            <Icon name="warning" size={14} />{' '}
            {status.retryInMs > 0
              ? t('capture.saveFailed', { message: status.message, seconds: Math.round(status.retryInMs / 1000) })
              : t('capture.saveRefused', { message: status.message })}
          </>
        )}
      </span>
      {/* Saving is automatic; the key is shown for those who like to press it anyway. */}
      <button className="save-now" onClick={onSave} aria-label={t('capture.keys.save')} title={t('capture.keys.save')} aria-keyshortcuts="Control+S">
        <kbd>{saveKeys}</kbd>
      </button>
      <span className="spacer" />
      <button className="button small" onClick={onHelp} title={KEY.help}>
        <kbd>{KEY.question}</kbd> {t('capture.shortcuts')}
      </button>
      {!reviewing && (
        <>
          <button className="button small" onClick={onPause} title={readOnlyReason ?? KEY.pause} disabled={readOnlyReason !== undefined}>
            {session.status === 'paused' ? t('capture.resume') : t('capture.pause')} <kbd>{KEY.pause}</kbd>
          </button>
          <button className="button small primary" onClick={onEnd} title={readOnlyReason} disabled={readOnlyReason !== undefined}>
            {t('capture.end')}
          </button>
        </>
      )}
    </header>
  );
}
