// The journey map: stages as columns; doing, thinking, feeling (with the emotion
// curve), touchpoints, influencers, pain points and opportunities as rows. Filled from
// the board in one click, editable everywhere, every item citing its evidence.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { JourneyItem, JourneyMap } from '../../../shared/api/journey';
import { JOURNEY_FORMATS } from '../../../shared/api/documents';
import { JOURNEY_LANES } from '../../../shared/domain';
import { call, useMutationOf, useOperation } from '../../api/queries';
import { EditableText } from '../../components/EditableText';
import { saveBasedOn } from '../../components/editConflict';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { reportErrors } from '../../components/mutate';
import { showToast } from '../../components/toasts';
import { EvidencePicker } from '../documents/EvidencePicker';
import { ExportMenu } from '../documents/ExportMenu';
import { stageName } from '../overview/stageName';
import { EmotionRow, STAGE_WIDTH } from './EmotionRow';
import { JourneyCell } from './JourneyCell';
import { Select } from '../../components/Select';
import { useReadOnly } from '../../app/useReadOnly';

const LANE_WIDTH = 150;

export function JourneyScreen({ studyId }: { studyId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const map = useOperation('journey.get', { studyId });
  const personas = useOperation('persona.list', { studyId });
  const update = useMutationOf('journey.update');
  const setEmotion = useMutationOf('journey.setEmotion');
  const prefill = useMutationOf('journey.prefill');
  const link = useMutationOf('journey.linkEvidence');
  const errors = reportErrors(t);
  const { readOnly, reason } = useReadOnly();
  const [citing, setCiting] = useState<JourneyItem | null>(null);
  const data = map.data;
  const scores = useMemo(() => new Map((data?.emotions ?? []).map((e) => [e.stageId, e.score])), [data]);
  const cells = useMemo(() => {
    const byCell = new Map<string, JourneyItem[]>();
    for (const item of data?.items ?? []) {
      const key = `${item.stageId}|${item.lane}`;
      byCell.set(key, [...(byCell.get(key) ?? []), item]);
    }
    for (const list of byCell.values()) list.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
    return byCell;
  }, [data]);

  // Shown at once (keys may change it again before the server answers), then saved.
  const scoreStage = (stageId: string, score: number | null) => {
    void client.cancelQueries({ queryKey: ['journey.get'] });
    client.setQueryData<JourneyMap>(['journey.get', { studyId }], (current) =>
      current && {
        ...current,
        // The revision shown until the answer comes: the one it had, or none yet.
        emotions: [
          ...current.emotions.filter((e) => e.stageId !== stageId),
          ...(score === null ? [] : [{ stageId, score, revision: current.emotions.find((e) => e.stageId === stageId)?.revision ?? 0 }]),
        ],
      },
    );
    if (data) setEmotion.mutate({ mapId: data.id, stageId, score }, errors);
  };

  if (!data) return <p className="muted screen">{t('common.loading')}</p>;
  const stages = data.stages.map((s) => ({ id: s.id, name: stageName(t, { name: s.name, defaultKey: s.defaultKey }) }));
  if (stages.length === 0) return <EmptyState icon="journey" title={t('journey.noStages')} />;
  const fill = () =>
    prefill.mutate(
      { mapId: data.id },
      { ...errors, onSuccess: ({ added }) => showToast({ tone: 'info', message: t('journey.filled', { count: added }) }) },
    );

  return (
    <section className="screen wide journey-screen" aria-labelledby="journey-title">
      <header className="screen-head">
        <div>
          <EditableText className="journey-title" label={t('journey.title')} value={data.title} required maxLength={200} readOnly={readOnly} onSave={(title, base) => saveBasedOn(t, update, { mapId: data.id, title }, { title: base })} />
          <p className="muted">{t('journey.subtitle')}</p>
        </div>
        <div className="head-actions">
          <label className="journey-persona">
            <span className="muted">{t('journey.persona')}</span>
            <Select value={data.personaId ?? ''} disabled={readOnly} title={reason} onChange={(e) => update.mutate({ mapId: data.id, personaId: e.target.value || null }, errors)}>
              <option value="">{t('journey.allCustomers')}</option>
              {(personas.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </label>
          <button className="button" onClick={fill} disabled={prefill.isPending || readOnly} title={reason}>
            <Icon name="board" size={15} /> {t('journey.prefill')}
          </button>
          <ExportMenu label={t('journey.export')} formats={JOURNEY_FORMATS} run={(format, options) => call('journey.export', { mapId: data.id, format, options })} />
        </div>
      </header>
      <div className="journey-scroll">
        <div className="journey-grid" role="table" aria-label={data.title} style={{ gridTemplateColumns: `${LANE_WIDTH}px repeat(${stages.length}, ${STAGE_WIDTH}px)` }}>
          <div className="journey-corner" role="columnheader" />
          {stages.map((s) => (
            <div key={s.id} className="journey-stage" role="columnheader">
              {s.name}
            </div>
          ))}
          {JOURNEY_LANES.map((lane) => (
            <Lane key={lane} lane={lane}>
              {lane === 'feeling' && (
                <>
                  <div className="journey-lane-name emotion-label" role="rowheader">
                    {t('journey.emotion')}
                  </div>
                  <div className="journey-emotion" style={{ gridColumn: `2 / span ${stages.length}` }}>
                    <EmotionRow stages={stages} scores={scores} onScore={scoreStage} readOnly={readOnly} reason={reason} />
                  </div>
                </>
              )}
              <div className="journey-lane-name" role="rowheader">
                {t(`journey.lanes.${lane}`)}
              </div>
              {stages.map((s) => (
                <JourneyCell key={s.id} mapId={data.id} stageId={s.id} stageName={s.name} lane={lane} items={cells.get(`${s.id}|${lane}`) ?? []} onCite={setCiting} />
              ))}
            </Lane>
          ))}
        </div>
      </div>
      {citing && (
        <EvidencePicker
          studyId={studyId}
          cited={citing.evidence.map((e) => e.findingId)}
          onClose={() => setCiting(null)}
          onPick={(findingIds) => link.mutate({ itemId: citing.id, findingIds }, { ...errors, onSuccess: () => setCiting(null) })}
        />
      )}
    </section>
  );
}

/** A lane's cells sit directly in the grid; `display: contents` keeps the row for assistive tech. */
function Lane({ lane, children }: { lane: string; children: React.ReactNode }) {
  return (
    <div className="journey-lane" role="row" data-lane={lane}>
      {children}
    </div>
  );
}
