// Suggested groups for the findings nobody has grouped yet: local clustering of their
// words (Chinese segmented into words, English lower-cased without stop words), shown with the words that
// tie each group together. Accept one (its name and cards edited first, if you like)
// as one undoable board action, or reject it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board } from '../../../shared/api/board';
import type { SuggestedGroup } from '../../../shared/api/analysis';
import { call, useOperation } from '../../api/queries';
import { errorMessage } from '../../components/errors';
import { Icon } from '../../components/Icon';
import { showToast } from '../../components/toasts';
import { stageName } from '../overview/stageName';
import { Select } from '../../components/Select';

const THRESHOLDS = [0.2, 0.3, 0.45] as const;
const suggestionKey = (s: SuggestedGroup) => s.findingIds.join('|');

interface Props {
  board: Board;
  studyId: string;
  stages: ReadonlyArray<{ id: string; name: string; defaultKey: string | null }>;
  onAccepted: () => void;
  onClose: () => void;
}

export function SuggestionsPanel({ board, studyId, stages, onAccepted, onClose }: Props) {
  const { t } = useTranslation();
  const [threshold, setThreshold] = useState<number>(0.3);
  const suggestions = useOperation('board.suggestGroups', { studyId, threshold });
  const [rejected, setRejected] = useState<ReadonlySet<string>>(new Set());
  const [names, setNames] = useState<Record<string, string>>({});
  const [dropped, setDropped] = useState<ReadonlySet<string>>(new Set());
  const text = new Map(board.cards.map((c) => [c.id, c]));
  const groups = (suggestions.data?.groups ?? []).filter((s) => !rejected.has(suggestionKey(s)));
  const column = (stageId: string | null) => {
    const stage = stages.find((s) => s.id === stageId);
    return stage ? stageName(t, stage) : t('board.unsorted');
  };

  const accept = async (s: SuggestedGroup) => {
    const key = suggestionKey(s);
    const findingIds = s.findingIds.filter((id) => !dropped.has(id));
    if (findingIds.length === 0) return;
    try {
      await call('board.createGroup', { studyId, stageId: s.stageId, name: (names[key] ?? s.name).trim() || s.name, findingIds });
      setRejected((r) => new Set([...r, key]));
      onAccepted();
    } catch (error) {
      showToast({ tone: 'error', message: errorMessage(t, error) });
    }
  };

  return (
    <aside className="level2-panel suggestions-panel" aria-label={t('board.suggest.title')} data-testid="suggestions-panel">
      <header>
        <h2>{t('board.suggest.title')}</h2>
        <button className="icon-button" aria-label={t('common.dismiss')} onClick={onClose}>
          <Icon name="close" size={16} />
        </button>
      </header>
      <p className="muted">{t('board.suggest.explain')}</p>
      <label className="suggest-threshold">
        <span>{t('board.suggest.strictness')}</span>
        <Select value={threshold} onChange={(e) => setThreshold(Number(e.target.value))}>
          {THRESHOLDS.map((value, i) => (
            <option key={value} value={value}>
              {t(`board.suggest.levels.${i}`)}
            </option>
          ))}
        </Select>
      </label>
      {suggestions.isLoading && <p className="muted">{t('common.loading')}</p>}
      {suggestions.data && groups.length === 0 && <p className="muted">{t('board.suggest.none', { count: suggestions.data.considered })}</p>}
      {suggestions.data && groups.length > 0 && <p className="muted">{t('board.suggest.summary', { groups: groups.length, considered: suggestions.data.considered })}</p>}
      {groups.map((s) => {
        const key = suggestionKey(s);
        return (
          <section key={key} className="suggestion" data-testid="suggested-group">
            <div className="suggestion-head">
              <input aria-label={t('board.suggest.name')} value={names[key] ?? s.name} maxLength={200} onChange={(e) => setNames({ ...names, [key]: e.target.value })} />
              <span className="muted nowrap">{column(s.stageId)}</span>
            </div>
            <div className="suggestion-words" aria-label={t('board.suggest.words')}>
              {s.topWords.map((w) => (
                <span key={w.word} className="chip" title={w.weight.toFixed(2)}>
                  {w.word}
                </span>
              ))}
            </div>
            <ul className="suggestion-cards">
              {s.findingIds.map((id) => (
                <li key={id}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={!dropped.has(id)}
                      onChange={() => setDropped((d) => (d.has(id) ? new Set([...d].filter((x) => x !== id)) : new Set([...d, id])))}
                    />
                    <span className="mono">{text.get(id)?.participantCode}</span> {text.get(id)?.text}
                  </label>
                </li>
              ))}
            </ul>
            <div className="suggestion-actions">
              <button className="button small primary" onClick={() => void accept(s)}>
                {t('board.suggest.accept')}
              </button>
              <button className="button small" onClick={() => setRejected((r) => new Set([...r, key]))}>
                {t('board.suggest.reject')}
              </button>
            </div>
          </section>
        );
      })}
    </aside>
  );
}
