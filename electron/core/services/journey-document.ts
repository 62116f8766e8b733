// Builds the journey-map document from the database with the export options applied:
// stage columns in the study's language, the emotion score per stage, and every lane's
// cells with TERMS on pain points and evidence numbered row by row, as it is read.
import type { DocumentOptions } from '../../../shared/api/documents.js';
import type { JourneyDocument } from '../../../shared/export/document.js';
import { JOURNEY_LANES } from '../../../shared/domain.js';
import { stageDisplayName } from '../../../shared/stage-names.js';
import { getPersonaRow } from '../db/repos/personas.js';
import type { ServiceContext } from './context.js';
import { documentEnv } from './document-env.js';
import { loadJourneyMap } from './journey-read.js';

export function journeyDocument(ctx: ServiceContext, mapId: string, options: DocumentOptions | undefined): JourneyDocument {
  const map = loadJourneyMap(ctx, mapId);
  const env = documentEnv(ctx, map.studyId, options);
  const emotion = new Map(map.emotions.map((e) => [e.stageId, e.score]));
  const persona = map.personaId ? getPersonaRow(ctx.db, map.personaId) : undefined;
  return {
    language: env.study.language,
    studyName: env.text(env.study.name),
    title: env.text(map.title),
    personaName: persona ? env.text(persona.name) : null,
    stages: map.stages.map((s) => ({ name: env.text(stageDisplayName(s, env.study.language)), emotion: emotion.get(s.id) ?? null })),
    lanes: JOURNEY_LANES.map((lane) => ({
      lane,
      cells: map.stages.map((stage) =>
        map.items
          .filter((i) => i.stageId === stage.id && i.lane === lane)
          .map((i) => ({ text: env.text(i.text), terms: lane === 'pain_points' ? i.terms : [], notes: env.cite(i.evidence) })),
      ),
    })),
    notes: env.numbering.notes,
  };
}
