// Tag frequency (findings and participants per tag) and the tags that occur together
// on the same findings; each opens the findings it counts.
import { useTranslation } from 'react-i18next';
import type { AnalysisSelection, Dashboard } from '../../../shared/api/analysis';

const TOP_TAGS = 15;
const TOP_PAIRS = 10;

export function TagPanel({ tags, onDrill }: { tags: Dashboard['tags']; onDrill: (selection: AnalysisSelection, title: string) => void }) {
  const { t } = useTranslation();
  const names = new Map(tags.tags.map((tag) => [tag.tagId, tag.name]));
  const max = Math.max(1, ...tags.tags.map((tag) => tag.findings));
  return (
    <section className="panel analysis-panel" aria-labelledby="tags-title" data-testid="tag-stats">
      <h2 id="tags-title">{t('analysis.tags')}</h2>
      {tags.tags.length === 0 && <p className="muted">{t('analysis.noTags')}</p>}
      <ul className="tag-bars">
        {tags.tags.slice(0, TOP_TAGS).map((tag) => (
          <li key={tag.tagId}>
            <button className="link-button tag-bar-name" onClick={() => onDrill({ chart: 'tags', tagIds: [tag.tagId] }, tag.name)}>
              {tag.name}
            </button>
            <span className="tag-bar" style={{ width: `${(tag.findings / max) * 100}%` }} />
            <span className="muted">{t('analysis.findingsParticipants', { findings: tag.findings, participants: tag.participants })}</span>
          </li>
        ))}
      </ul>
      {tags.pairs.length > 0 && (
        <>
          <h3>{t('analysis.together')}</h3>
          <ul className="tag-pairs">
            {tags.pairs.slice(0, TOP_PAIRS).map((pair) => {
              const label = `${names.get(pair.tagIds[0]) ?? '?'} + ${names.get(pair.tagIds[1]) ?? '?'}`;
              return (
                <li key={pair.tagIds.join('|')}>
                  <button className="link-button" onClick={() => onDrill({ chart: 'tags', tagIds: [...pair.tagIds] }, label)}>
                    {label}
                  </button>
                  <span className="muted">{t('analysis.findingsCount', { count: pair.findings })}</span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
