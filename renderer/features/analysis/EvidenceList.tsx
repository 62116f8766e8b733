// The findings behind a number on the dashboard: every count drills down to these.
import { useTranslation } from 'react-i18next';
import type { AnalysisSelection } from '../../../shared/api/analysis';
import { navigate } from '../../app/router';
import { useOperation } from '../../api/queries';
import { Icon } from '../../components/Icon';

export function EvidenceList({ studyId, selection, title, onClose }: { studyId: string; selection: AnalysisSelection; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const evidence = useOperation('analysis.evidence', { studyId, selection });
  const cards = evidence.data ?? [];
  return (
    <aside className="analysis-evidence panel" aria-label={title} data-testid="analysis-evidence">
      <header className="analysis-evidence-head">
        <h2>{title}</h2>
        <button className="icon-button" aria-label={t('common.dismiss')} onClick={onClose}>
          <Icon name="close" size={14} />
        </button>
      </header>
      <p className="muted">{evidence.isLoading ? t('common.loading') : t('analysis.findingsCount', { count: cards.length })}</p>
      <ul className="analysis-evidence-list">
        {cards.map((card) => (
          <li key={card.id}>
            <button className="link-button" onClick={() => navigate({ screen: 'board', studyId, focus: { id: card.id } })}>
              <span className="mono">{card.participantCode}</span> {card.text}
            </button>
            <span className="muted">
              {t(`findingTypes.${card.type}.name`)}
              {card.terms.length > 0 && ` · ${card.terms.join(' ')}`}
            </span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
