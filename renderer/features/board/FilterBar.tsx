// More board filters, one select each: participant, source, interviewer, finding type,
// tag and a segment attribute value. Choosing "all" clears that filter.
import { useTranslation } from 'react-i18next';
import type { Tag } from '../../../shared/api/codebook';
import type { Participant } from '../../../shared/api/participants';
import type { SessionSummary } from '../../../shared/api/sessions';
import { FINDING_TYPES, PARTICIPANT_SOURCES, SEGMENT_DIMENSIONS, type FindingType, type ParticipantSource, type SegmentDimension } from '../../../shared/domain';
import type { BoardFilter } from './filters';
import { Select } from '../../components/Select';

interface Props {
  filter: BoardFilter;
  onChange: (next: BoardFilter) => void;
  participants: Participant[];
  sessions: SessionSummary[];
  tags: Tag[];
}

const SEP = '\u0000';

export function FilterBar({ filter, onChange, participants, sessions, tags }: Props) {
  const { t } = useTranslation();
  const interviewers = [...new Set(sessions.map((s) => s.interviewer).filter(Boolean))].sort();
  const segments = SEGMENT_DIMENSIONS.flatMap((dimension) => {
    const pairs = new Set<string>();
    for (const p of participants) for (const [name, value] of Object.entries(p.attributes[dimension] ?? {})) if (value) pairs.add(`${name}${SEP}${value}`);
    return [...pairs].sort().map((pair) => {
      const [name, value] = pair.split(SEP) as [string, string];
      return { key: `${dimension}${SEP}${pair}`, dimension, name, value };
    });
  });
  const one = <T extends string>(value: string): T[] => (value ? [value as T] : []);
  return (
    <div className="filter-bar" role="group" aria-label={t('board.moreFilters')}>
      <Select aria-label={t('board.filterParticipant')} value={filter.participants[0] ?? ''} onChange={(e) => onChange({ ...filter, participants: one(e.target.value) })}>
        <option value="">{t('board.allParticipants')}</option>
        {participants.map((p) => (
          <option key={p.id} value={p.id}>
            {p.code}
          </option>
        ))}
      </Select>
      <Select aria-label={t('board.filterSource')} value={filter.sources[0] ?? ''} onChange={(e) => onChange({ ...filter, sources: one<ParticipantSource>(e.target.value) })}>
        <option value="">{t('board.allSources')}</option>
        {PARTICIPANT_SOURCES.map((s) => (
          <option key={s} value={s}>
            {t(`sources.${s}`)}
          </option>
        ))}
      </Select>
      <Select aria-label={t('board.filterInterviewer')} value={filter.interviewers[0] ?? ''} onChange={(e) => onChange({ ...filter, interviewers: one(e.target.value) })}>
        <option value="">{t('board.allInterviewers')}</option>
        {interviewers.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </Select>
      <Select aria-label={t('board.filterType')} value={filter.types[0] ?? ''} onChange={(e) => onChange({ ...filter, types: one<FindingType>(e.target.value) })}>
        <option value="">{t('board.allTypes')}</option>
        {FINDING_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`findingTypes.${type}.name`)}
          </option>
        ))}
      </Select>
      <Select aria-label={t('board.filterTag')} value={filter.tags[0] ?? ''} onChange={(e) => onChange({ ...filter, tags: one(e.target.value) })}>
        <option value="">{t('board.allTags')}</option>
        {tags.map((tag) => (
          <option key={tag.id} value={tag.id} title={tag.definition}>
            {tag.name}
          </option>
        ))}
      </Select>
      <Select
        aria-label={t('board.filterSegment')}
        value={filter.segment ? `${filter.segment.dimension}${SEP}${filter.segment.name}${SEP}${filter.segment.value}` : ''}
        onChange={(e) => {
          const found = segments.find((s) => s.key === e.target.value);
          onChange({ ...filter, segment: found ? { dimension: found.dimension as SegmentDimension, name: found.name, value: found.value } : null });
        }}
      >
        <option value="">{t('board.allSegments')}</option>
        {segments.map((s) => (
          <option key={s.key} value={s.key}>
            {t(`dimensions.${s.dimension}`)} · {s.name}: {s.value}
          </option>
        ))}
      </Select>
    </div>
  );
}
