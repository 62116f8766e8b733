// Search with filters: what kind of thing, journey stage, TERMS, participant, tag and
// the interview date. The same index as Ctrl+K; results open in place.
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SEARCH_KINDS, type SearchKind, type SearchQuery } from '../../../shared/api/search';
import { PAIN_KINDS, type PainKind } from '../../../shared/domain';
import { useOperation } from '../../api/queries';
import { stageName } from '../overview/stageName';
import { openHit } from './openHit';
import { SearchResults } from './SearchResults';
import { useSearch } from './useSearch';
import { DateField } from '../../components/DateField';
import { Select } from '../../components/Select';

/** A local calendar day's start as an instant; `next` gives the following day's start (an exclusive end). */
function dayStart(date: string, next = false): string {
  const day = new Date(`${date}T00:00:00`);
  if (next) day.setDate(day.getDate() + 1);
  return day.toISOString();
}

const toggled = <T,>(list: readonly T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

export function SearchScreen({ studyId }: { studyId: string }) {
  const { t } = useTranslation();
  const overview = useOperation('study.overview', { id: studyId });
  const participants = useOperation('participant.list', { studyId });
  const tags = useOperation('tag.list', { studyId });
  const [text, setText] = useState('');
  const [kinds, setKinds] = useState<SearchKind[]>([]);
  const [terms, setTerms] = useState<PainKind[]>([]);
  const [stageId, setStageId] = useState('');
  const [participantId, setParticipantId] = useState('');
  const [tagId, setTagId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [active, setActive] = useState(0);
  const query: SearchQuery = {
    studyId,
    text,
    limit: 100,
    ...(kinds.length ? { kinds } : {}),
    ...(terms.length ? { terms } : {}),
    ...(stageId ? { stageId } : {}),
    ...(participantId ? { participantId } : {}),
    ...(tagId ? { tagId } : {}),
    ...(from ? { from: dayStart(from) } : {}),
    ...(to ? { to: dayStart(to, true) } : {}),
  };
  const search = useSearch(query);
  const hits = text.trim() ? (search.data?.hits ?? []) : [];
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.min(Math.max(i + (event.key === 'ArrowDown' ? 1 : -1), 0), Math.max(hits.length - 1, 0)));
    } else if (event.key === 'Enter' && hits[active]) openHit(hits[active]);
  };

  return (
    <section className="screen wide search-screen" aria-labelledby="search-title">
      <header className="screen-head">
        <div>
          <h1 id="search-title">{t('nav.search')}</h1>
          <p className="muted">{t('search.subtitle')}</p>
        </div>
      </header>
      <input className="search search-input" type="search" autoFocus aria-label={t('search.placeholder')} placeholder={t('search.placeholder')} value={text} onChange={(e) => (setText(e.target.value), setActive(0))} onKeyDown={onKey} />
      <div className="search-filters" role="group" aria-label={t('search.filters')}>
        <div className="search-kinds">
          {SEARCH_KINDS.map((kind) => (
            <button key={kind} className={`chip-toggle${kinds.includes(kind) ? ' on' : ''}`} aria-pressed={kinds.includes(kind)} onClick={() => setKinds(toggled(kinds, kind))}>
              {t(`search.kinds.${kind}`)}
            </button>
          ))}
        </div>
        <div className="terms-filter" role="group" aria-label={t('codebook.terms')}>
          {PAIN_KINDS.map((k) => (
            <button key={k} className={`key-chip terms-toggle${terms.includes(k) ? ` on terms-${k}` : ''}`} aria-pressed={terms.includes(k)} title={t(`terms.${k}.name`)} onClick={() => setTerms(toggled(terms, k))}>
              {k}
            </button>
          ))}
        </div>
        <label>
          <span className="muted">{t('search.stage')}</span>
          <Select value={stageId} onChange={(e) => setStageId(e.target.value)}>
            <option value="">{t('search.any')}</option>
            {(overview.data?.stages ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {stageName(t, s)}
              </option>
            ))}
          </Select>
        </label>
        <label>
          <span className="muted">{t('search.participant')}</span>
          <Select value={participantId} onChange={(e) => setParticipantId(e.target.value)}>
            <option value="">{t('search.any')}</option>
            {(participants.data ?? []).filter((p) => p.withdrawnAt === null).map((p) => (
              <option key={p.id} value={p.id}>
                {p.code}
              </option>
            ))}
          </Select>
        </label>
        <label>
          <span className="muted">{t('search.tag')}</span>
          <Select value={tagId} onChange={(e) => setTagId(e.target.value)}>
            <option value="">{t('search.any')}</option>
            {(tags.data ?? []).map((tag) => (
              <option key={tag.id} value={tag.id}>
                {tag.name}
              </option>
            ))}
          </Select>
        </label>
        <label>
          <span className="muted">{t('search.from')}</span>
          <DateField value={from} onValueChange={setFrom} placeholder={t('search.anyDate')} />
        </label>
        <label>
          <span className="muted">{t('search.to')}</span>
          <DateField value={to} onValueChange={setTo} placeholder={t('search.anyDate')} />
        </label>
      </div>
      {!text.trim() && <p className="muted">{t('search.hint')}</p>}
      {text.trim() && hits.length === 0 && !search.isFetching && <p className="muted">{t('search.none', { text: text.trim() })}</p>}
      {hits.length > 0 && <p className="muted" data-testid="search-count">{t(search.data?.more ? 'search.countMore' : 'search.count', { count: hits.length })}</p>}
      <SearchResults hits={hits} active={active} showStudy={false} onOpen={openHit} onHover={setActive} />
    </section>
  );
}
