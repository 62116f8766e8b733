// Search hits as a list: what kind of thing, its name, where it sits, and the matched
// passage highlighted. ↑/↓ move through it from the search field, Enter opens.
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../shared/api/search';
import { stageName } from '../overview/stageName';
import { Highlighted } from './Highlighted';

function context(hit: SearchHit, t: ReturnType<typeof useTranslation>['t']): string {
  switch (hit.kind) {
    case 'note':
      return hit.questionText ?? t('search.otherNotes'); // the title is the participant's code
    case 'finding':
      return [t(`findingTypes.${hit.type}.name`), hit.stage ? stageName(t, hit.stage) : null, hit.groupName].filter(Boolean).join(' · ');
    case 'group':
    case 'question':
      return hit.stage ? stageName(t, hit.stage) : '';
    case 'persona':
      return hit.list ? t(`personas.lists.${hit.list}`) : '';
    default:
      return '';
  }
}

interface Props {
  hits: readonly SearchHit[];
  active: number;
  showStudy: boolean;
  onOpen: (hit: SearchHit) => void;
  onHover: (index: number) => void;
}

export function SearchResults({ hits, active, showStudy, onOpen, onHover }: Props) {
  const { t } = useTranslation();
  return (
    <ul className="search-results" role="listbox" aria-label={t('search.results')}>
      {hits.map((hit, i) => (
        <li
          key={hit.key}
          role="option"
          aria-selected={i === active}
          className={`search-hit${i === active ? ' active' : ''}`}
          data-kind={hit.kind}
          onMouseEnter={() => onHover(i)}
          onClick={() => onOpen(hit)}
        >
          <span className={`search-kind kind-${hit.kind}`}>{t(`search.kinds.${hit.kind}`)}</span>
          <div className="search-hit-body">
            <div className="search-hit-title">
              <strong title={hit.title}>{hit.title}</strong>
              <span className="muted">{[context(hit, t), showStudy ? hit.studyName : ''].filter(Boolean).join(' · ')}</span>
            </div>
            <Highlighted snippet={hit.snippet} />
          </div>
        </li>
      ))}
    </ul>
  );
}
