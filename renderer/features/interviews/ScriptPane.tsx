// The script in view: the current question large, its purpose, probes, keywords
// and time budget against the time spent, what comes next, and progress through
// the guide (asked, skipped, not yet) with a jump to any question.
import { useTranslation } from 'react-i18next';
import type { GuideQuestion, GuideSection } from '../../../shared/api/guide';
import type { QuestionProgress } from '../../../shared/api/sessions';
import { msToClock } from '../../../shared/notes';

interface Props {
  sections: GuideSection[];
  current: GuideQuestion | null;
  next: GuideQuestion | null;
  progress: QuestionProgress[];
  onQuestion: number;
  onJump: (questionId: string | null) => void;
}

type ProgressState = 'current' | 'asked' | 'skipped' | 'todo';

function progressState(questionId: string, currentId: string | undefined, progress: QuestionProgress[]): ProgressState {
  if (questionId === currentId) return 'current';
  return progress.find((p) => p.questionId === questionId)?.state ?? 'todo';
}

export function ScriptPane({ sections, current, next, progress, onQuestion, onJump }: Props) {
  const { t } = useTranslation();
  const budget = current?.timeBudgetSec ?? 0;
  const numbers = new Map(sections.flatMap((s) => s.questions).map((q, i) => [q.id, i + 1]));
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
      <nav className="guide-progress" aria-label={t('capture.progress')}>
        {sections.map((section) => (
          <div key={section.id}>
            <p className="progress-section">{section.title}</p>
            <ol>
              {section.questions.map((q) => {
                const state = progressState(q.id, current?.id, progress);
                return (
                  <li key={q.id}>
                    <button className={`progress-item ${state}`} aria-current={q.id === current?.id ? 'step' : undefined} onClick={() => onJump(q.id)} title={t(`capture.state.${state}`)}>
                      <span className="progress-mark" aria-hidden="true" />
                      <span className="progress-n">{numbers.get(q.id)}</span>
                      <span className="progress-text">{q.text}</span>
                      <span className="sr-only">{t(`capture.state.${state}`)}</span>
                    </button>
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
