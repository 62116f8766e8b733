// A card's evidence: the finding, who said it, and the note paragraph it came from in
// the context of its neighbours, with a jump to the interview.
import { useTranslation } from 'react-i18next';
import type { BoardCard } from '../../../shared/api/board';
import { notePlainText } from '../../../shared/notes';
import { useOperation } from '../../api/queries';
import { navigate } from '../../app/router';
import { Icon } from '../../components/Icon';

interface Paragraph {
  pid: string | null;
  text: string;
}

function paragraphsOf(content: unknown): Paragraph[] {
  const children = (content as { root?: { children?: Array<{ $?: { pid?: string } }> } }).root?.children ?? [];
  return children.map((child) => ({ pid: child.$?.pid ?? null, text: notePlainText({ root: { children: [child] } }) }));
}

export function EvidencePanel({ card, studyId, onClose }: { card: BoardCard | null; studyId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const session = useOperation('session.get', { id: card?.sessionId ?? '' }, Boolean(card?.sessionId));
  if (!card) return null;
  const note = session.data?.notes.find((n) => n.questionId === card.questionId);
  const paragraphs = note ? paragraphsOf(note.content) : [];
  const at = paragraphs.findIndex((p) => p.pid === card.paragraphKey);
  const context = at >= 0 ? paragraphs.slice(Math.max(0, at - 2), at + 3) : [];
  const question = session.data?.guide?.sections.flatMap((s) => s.questions).find((q) => q.id === card.questionId);
  return (
    <aside className="evidence-panel" aria-label={t('board.evidence')} data-testid="evidence">
      <header>
        <h2>{t('board.evidence')}</h2>
        <button className="icon-button" aria-label={t('common.dismiss')} onClick={onClose}>
          <Icon name="close" size={16} />
        </button>
      </header>
      <p className="evidence-finding">“{card.text}”</p>
      <p className="muted">
        {card.participantCode ?? '—'} · {t(`findingTypes.${card.type}.name`)}
      </p>
      {question && <p className="evidence-question">{question.text}</p>}
      {context.length > 0 && (
        <ol className="evidence-context">
          {context.map((p, i) => (
            <li key={p.pid ?? i} className={p.pid === card.paragraphKey ? 'source' : undefined}>
              {p.text}
            </li>
          ))}
        </ol>
      )}
      {card.sessionId && (
        <button className="button" onClick={() => navigate({ screen: 'interviews', studyId, sessionId: card.sessionId! })}>
          {t('board.openInterview')}
        </button>
      )}
    </aside>
  );
}
