// Builds the persona document (one persona, or every persona of a study) from the
// database, with the export options applied. Withdrawn participants are absent: not
// listed, never cited, and a representative quote whose every source withdrew is
// left out, since those are that participant's own words.
import { parseAvatar } from '../../../shared/avatar.js';
import type { SegmentFilter } from '../../../shared/api/personas.js';
import type { DocumentOptions } from '../../../shared/api/documents.js';
import type { PersonaDocument, PersonaSection } from '../../../shared/export/document.js';
import { PERSONA_LISTS } from '../../../shared/domain.js';
import type { ServiceContext } from './context.js';
import { documentEnv, type DocumentEnv } from './document-env.js';
import { loadPersona } from './persona-read.js';

/** Quotes that cited findings, all of whose participants have since withdrawn. */
function quotesOfWithdrawn(ctx: ServiceContext, personaId: string): Set<string> {
  const rows = ctx.db
    .prepare(
      `SELECT e.item_id FROM persona_item_evidence e JOIN persona_item i ON i.id = e.item_id
       LEFT JOIN active_finding f ON f.id = e.finding_id
       WHERE i.persona_id = ? AND i.list = 'quotes' GROUP BY e.item_id HAVING count(f.id) = 0`,
    )
    .pluck()
    .all(personaId) as string[];
  return new Set(rows);
}

function segmentInWords(segment: SegmentFilter | null, env: DocumentEnv): string | null {
  if (segment === null) return null;
  const { labels, text } = env;
  const parts = [
    ...(segment.sources?.length ? [segment.sources.map((s) => labels.sources[s]).join(' / ')] : []),
    ...segment.attributes.map((a) => `${text(a.name)}${labels.colon}${a.values.map(text).join(' / ')}`),
  ];
  return parts.join('; ');
}

function personaSection(ctx: ServiceContext, personaId: string, env: DocumentEnv): PersonaSection {
  const persona = loadPersona(ctx, personaId);
  const silenced = quotesOfWithdrawn(ctx, personaId);
  const avatar = parseAvatar(persona.avatar);
  return {
    name: env.text(persona.name),
    avatar: typeof avatar === 'string' ? { kind: 'none' } : avatar,
    age: env.text(persona.age),
    occupation: env.text(persona.occupation),
    income: env.text(persona.income),
    description: env.text(persona.description),
    participants: persona.participants.map((p) => env.participant(p.code)),
    segment: segmentInWords(persona.segment, env),
    lists: PERSONA_LISTS.map((list) => ({
      list,
      items: persona.lists[list]
        .filter((item) => !silenced.has(item.id))
        .map((item) => ({ text: env.text(item.text), terms: [], notes: env.cite(item.evidence) })),
    })).filter((l) => l.items.length > 0),
  };
}

/** The document for the given personas of a study, in the given order. */
export function personaDocument(ctx: ServiceContext, studyId: string, personaIds: readonly string[], options: DocumentOptions | undefined): PersonaDocument {
  const env = documentEnv(ctx, studyId, options);
  const personas = personaIds.map((id) => personaSection(ctx, id, env));
  return {
    language: env.study.language,
    studyName: env.text(env.study.name),
    title: personas.length === 1 ? personas[0]!.name : env.labels.personas,
    personas,
    notes: env.numbering.notes,
  };
}
