// The script in view: the current question large, its purpose, probes, keywords
// and time budget against the time spent, what comes next, and progress through
// the guide (asked, skipped, not yet) with a jump to any question. Each control
// shows its shortcut; a skip can be cleared and a question marked asked from here.
import { useTranslation } from 'react-i18next';
import type { GuideQuestion, GuideSection } from '../../../shared/api/guide';
import type { QuestionProgress } from '../../../shared/api/sessions';
import { msToClock } from '../../../shared/notes';
import { Icon } from '../../components/Icon';
import { keysFor, type InterviewCommand } from './keys';

export type QuestionMark = 'asked' | 'skipped' | 'none';

interface Props {
  sections: GuideSection[];
  current: GuideQuestion | null;
  next: GuideQuestion | null;
  progress: QuestionProgress[];
  onQuestion: number;
  /** While the interview runs a question counts as asked once left, so "mark asked" is for clean-up. */
  live: boolean;
  onJump: (questionId: string | null) => void;
  /** The same commands the shortcuts run, so a click and a key do one thing. */
  onCommand: (command: Extract<InterviewCommand, 'previous' | 'next' | 'skip' | 'asked' | 'other'>) => void;
  onMark: (questionId: string, mark: QuestionMark) => void;
  /** Set when the library is read-only: skipping and marking asked are disabled, with this reason. */
  readOnlyReason?: string;
}

type ProgressState = 'current' | 'asked' | 'skipped' | 'todo';

function progressState(questionId: string, currentId: string | undefined, progress: QuestionProgress[]): ProgressState {
  if (questionId === currentId) return 'current';
  return progress.find((p) => p.questionId === questionId)?.state ?? 'todo';
}

function Control({ command, label, disabled, title, onCommand }: { command: Parameters<Props['onCommand']>[0]; label: string; disabled?: boolean; title?: string; onCommand: Props['onCommand'] }) {
  const keys = keysFor(command);
  return (
    <button className="script-control" disabled={disabled} title={title} onClick={() => onCommand(command)} aria-keyshortcuts={keys.replace('↑', 'ArrowUp').replace('↓', 'ArrowDown')}>
      {label} <kbd>{keys}</kbd>
    </button>
  );
}

export function ScriptPane({ sections, current, next, progress, onQuestion, live, onJump, onCommand, onMark, readOnlyReason }: Props) {
  const { t } = useTranslation();
  const budget = current?.timeBudgetSec ?? 0;
  const numbers = new Map(sections.flatMap((s) => s.questions).map((q, i) => [q.id, i + 1]));
  const hasQuestions = numbers.size > 0;
  const currentMark = current ? progress.find((p) => p.questionId === current.id)?.state : undefined;
  return (
    <aside className="script-pane" aria-label={t('capture.script')}>
      {current ? (
        <div className="current-question" data-testid="current-question">
          <p className="eyebrow">{t('capture.currentQuestion')}</p>
          <h2>{current.text}</h2>
          {current.purpose && <p className="purpose">{current.purpose}</p>}
          {current.keywords.length > 0 && (
            <p className="keywords">
              {current.keywords.map((k) => (
                <strong key={k} className="keyword">
                  {k}
                </strong>
              ))}
            </p>
          )}
          {current.probes.length > 0 && (
            <ul className="probes">
              {current.probes.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          <p className={`question-clock${budget > 0 && onQuestion > budget * 1000 ? ' over' : ''}`}>
            {t('capture.onQuestion', { spent: msToClock(onQuestion), budget: msToClock(budget * 1000) })}
          </p>
          {next && (
            <p className="next-question">
              <span className="eyebrow">{t('capture.next')}</span> {next.text}
            </p>
          )}
        </div>
      ) : (
        <div className="current-question">
          <p className="eyebrow">{t('capture.otherNotes')}</p>
          <p className="muted">{t('capture.otherHint')}</p>
        </div>
      )}
      <div className="script-controls" role="group" aria-label={t('capture.questionControls')} data-testid="script-controls">
        <Control command="previous" label={t('capture.keys.previous')} disabled={!hasQuestions || (current !== null && numbers.get(current.id) === 1)} onCommand={onCommand} />
        <Control command="next" label={t('capture.keys.next')} disabled={!current} onCommand={onCommand} />
        {current && <Control command="skip" label={currentMark === 'skipped' ? t('capture.clearSkip') : t('capture.skip')} disabled={readOnlyReason !== undefined} title={readOnlyReason} onCommand={onCommand} />}
        {current && !live && currentMark !== 'asked' && <Control command="asked" label={t('capture.markAsked')} disabled={readOnlyReason !== undefined} title={readOnlyReason} onCommand={onCommand} />}
        <Control command="other" label={t('capture.otherNotes')} disabled={!current} onCommand={onCommand} />
      </div>
      <nav className="guide-progress" aria-label={t('capture.progress')}>
        {sections.map((section) => (
          <div key={section.id}>
            <p className="progress-section">{section.title}</p>
            <ol>
              {section.questions.map((q) => {
                const state = progressState(q.id, current?.id, progress);
                return (
                  <li key={q.id} className="progress-row">
                    <button className={`progress-item ${state}`} aria-current={q.id === current?.id ? 'step' : undefined} onClick={() => onJump(q.id)} title={t(`capture.state.${state}`)}>
                      <span className="progress-mark" aria-hidden="true" />
                      <span className="progress-n">{numbers.get(q.id)}</span>
                      <span className="progress-text">{q.text}</span>
                      <span className="sr-only">{t(`capture.state.${state}`)}</span>
                    </button>
                    {state === 'skipped' && (
                      // Only skipped rows get this, so the list stays one tab stop per question otherwise.
                      <button
                        className="progress-action"
                        onClick={(event) => {
                          // This button goes with the skip: keep the keyboard on its question's row.
                          (event.currentTarget.previousElementSibling as HTMLElement | null)?.focus();
                          onMark(q.id, 'none');
                        }}
                        aria-label={t('capture.clearSkipOf', { n: numbers.get(q.id) })}
                        title={readOnlyReason ?? t('capture.clearSkipOf', { n: numbers.get(q.id) })}
                        disabled={readOnlyReason !== undefined}
                      >
                        <Icon name="restore" size={13} />
                      </button>
                    )}
                  </li>
                );
              })}
            </ol>
          </div>
        ))}
        <button className={`progress-item other${current ? '' : ' current'}`} onClick={() => onJump(null)}>
          <span className="progress-mark" aria-hidden="true" />
          <span className="progress-text">{t('capture.otherNotes')}</span>
        </button>
      </nav>
    </aside>
  );
}
