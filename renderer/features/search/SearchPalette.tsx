// Ctrl+K / Cmd+K from anywhere: search the current study (or every study), in any
// language, and open a hit in place with Enter.
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../shared/api/search';
import { navigate } from '../../app/router';
import { Dialog } from '../../components/Dialog';
import { openHit } from './openHit';
import { SearchResults } from './SearchResults';
import { useSearch } from './useSearch';

export function SearchPalette({ studyId, onClose }: { studyId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [everywhere, setEverywhere] = useState(studyId === null);
  const [active, setActive] = useState(0);
  const search = useSearch({ text, ...(everywhere || !studyId ? {} : { studyId }), limit: 20 });
  const hits = text.trim() ? (search.data?.hits ?? []) : [];
  // A new answer starts at its first hit (React's "adjust state while rendering").
  const [answered, setAnswered] = useState(search.data);
  if (answered !== search.data) {
    setAnswered(search.data);
    setActive(0);
  }

  const open = (hit: SearchHit) => {
    onClose();
    openHit(hit);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => Math.min(Math.max(i + step, 0), Math.max(hits.length - 1, 0)));
    } else if (event.key === 'Enter' && hits[active]) {
      event.preventDefault();
      open(hits[active]);
    } else if (event.key === 'Escape' && !event.nativeEvent.isComposing) {
      // A search field's own Escape only empties it; in the palette one Escape closes, as the hint says.
      event.preventDefault();
      onClose();
    }
  };

  return (
    <Dialog title={t('search.title')} onClose={onClose} labelledBy="search-palette-title">
      <div className="search-palette" data-testid="search-palette">
        <input
          className="search search-input"
          type="search"
          autoFocus
          aria-label={t('search.placeholder')}
          placeholder={t('search.placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKey}
        />
        <div className="search-palette-options">
          {studyId && (
            <label className="check">
              <input type="checkbox" checked={everywhere} onChange={(e) => setEverywhere(e.target.checked)} />
              {t('search.allStudies')}
            </label>
          )}
          <span className="spacer" />
          {studyId && (
            <button className="link-button accent" onClick={() => (onClose(), navigate({ screen: 'search', studyId }))}>
              {t('search.withFilters')}
            </button>
          )}
        </div>
        {text.trim() && hits.length === 0 && !search.isFetching && <p className="muted">{t('search.none', { text: text.trim() })}</p>}
        {hits.length > 0 && (
          <p className="muted small-print search-count" data-testid="search-count">
            {t(search.data?.more ? 'search.countMore' : 'search.count', { count: hits.length })}
          </p>
        )}
        <SearchResults hits={hits} active={active} showStudy={everywhere} onOpen={open} onHover={setActive} />
        {search.data?.more && <p className="muted small-print">{t('search.more')}</p>}
      </div>
    </Dialog>
  );
}
