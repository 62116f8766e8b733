// The emotion curve of the journey map: per stage a score from -2 to +2, set by
// clicking a dot (or with ↑/↓ on the focused stage), drawn as one line across the
// stages. Geometry is fixed (column width, dot pitch), so the line needs no measuring.
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EMOTION_MAX, EMOTION_MIN } from '../../../shared/domain';

export const STAGE_WIDTH = 240;
const PITCH = 20;
const TOP = 14;
const SCORES = Array.from({ length: EMOTION_MAX - EMOTION_MIN + 1 }, (_, i) => EMOTION_MAX - i);
export const EMOTION_HEIGHT = TOP * 2 + PITCH * (SCORES.length - 1);

const yOf = (score: number) => TOP + (EMOTION_MAX - score) * PITCH;

interface Props {
  stages: ReadonlyArray<{ id: string; name: string }>;
  scores: ReadonlyMap<string, number>;
  onScore: (stageId: string, score: number | null) => void;
  /** The library cannot be written: the curve is shown, not set. */
  readOnly?: boolean;
  reason?: string;
}

export function EmotionRow({ stages, scores, onScore, readOnly = false, reason }: Props) {
  const { t } = useTranslation();
  const points = stages.flatMap((s, i) => {
    const score = scores.get(s.id);
    return score === undefined ? [] : [`${i * STAGE_WIDTH + STAGE_WIDTH / 2},${yOf(score)}`];
  });
  // The last score asked for per stage: a refetch still in flight may show an older one,
  // and a quick second key press must step from what was asked, not from that.
  const asked = useRef(new Map<string, number | null>());
  const ask = (stageId: string, value: number | null) => {
    asked.current.set(stageId, value);
    onScore(stageId, value);
  };
  const onKey = (event: KeyboardEvent, stageId: string) => {
    if (readOnly) return;
    const pending = asked.current.get(stageId);
    const current = (pending === undefined ? scores.get(stageId) : pending) ?? 0;
    if (event.key === 'ArrowUp' && current < EMOTION_MAX) ask(stageId, current + 1);
    else if (event.key === 'ArrowDown' && current > EMOTION_MIN) ask(stageId, current - 1);
    else if (event.key === 'Delete' || event.key === 'Backspace') ask(stageId, null);
    else return;
    event.preventDefault();
  };
  return (
    <div className="emotion-row" style={{ width: stages.length * STAGE_WIDTH, height: EMOTION_HEIGHT }} data-testid="emotion-curve">
      <svg className="emotion-line" width={stages.length * STAGE_WIDTH} height={EMOTION_HEIGHT} aria-hidden>
        <line x1={0} x2={stages.length * STAGE_WIDTH} y1={yOf(0)} y2={yOf(0)} className="emotion-zero" />
        {points.length > 1 && <polyline points={points.join(' ')} />}
      </svg>
      {stages.map((stage, i) => {
        const current = scores.get(stage.id);
        return (
          <div
            key={stage.id}
            className="emotion-stage"
            style={{ left: i * STAGE_WIDTH, width: STAGE_WIDTH }}
            role="radiogroup"
            tabIndex={0}
            aria-label={t('journey.emotionOf', { stage: stage.name })}
            aria-disabled={readOnly || undefined}
            title={reason}
            data-stage={stage.id}
            data-score={current ?? ''}
            onKeyDown={(e) => onKey(e, stage.id)}
          >
            {SCORES.map((value) => (
              <button
                key={value}
                role="radio"
                tabIndex={-1}
                disabled={readOnly}
                aria-checked={current === value}
                aria-label={t('journey.score', { score: value > 0 ? `+${value}` : String(value) })}
                className={`emotion-dot${current === value ? ' on' : ''}${value < 0 ? ' negative' : value > 0 ? ' positive' : ''}`}
                style={{ top: yOf(value) - 7 }}
                onClick={() => ask(stage.id, current === value ? null : value)}
              />
            ))}
          </div>
        );
      })}
    </div>
  );
}
