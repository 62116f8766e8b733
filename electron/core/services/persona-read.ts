// The persona read model: one persona with its participants, its statements and their
// evidence, and its PERSONAL checklist; or the study's personas as summaries.
import { SegmentFilter, type Persona, type PersonaItem, type PersonaSummary } from '../../../shared/api/personas.js';
import { PERSONA_LISTS, type PersonaList } from '../../../shared/domain.js';
import { personalChecklist } from '../../../shared/personal-checklist.js';
import { listPersonaItems } from '../db/repos/persona-items.js';
import { getPersonaRow, listPersonaRows, personaParticipants, type PersonaRow } from '../db/repos/personas.js';
import type { ServiceContext } from './context.js';
import { notFound } from './errors.js';
import { studyPersonaFacts } from './persona-facts.js';

export function requirePersona(ctx: ServiceContext, id: string): PersonaRow {
  const row = getPersonaRow(ctx.db, id);
  if (!row) throw notFound('The persona');
  return row;
}

function checklistsOf(ctx: ServiceContext, studyId: string) {
  const facts = studyPersonaFacts(ctx.db, studyId);
  return new Map(facts.personas.map((p) => [p.id, { facts: p, checklist: personalChecklist(p, facts) }]));
}

function parseSegment(json: string | null): Persona['segment'] {
  if (json === null) return null;
  const parsed = SegmentFilter.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

function byList(items: readonly PersonaItem[]): Record<PersonaList, PersonaItem[]> {
  const lists = Object.fromEntries(PERSONA_LISTS.map((l) => [l, [] as PersonaItem[]])) as Record<PersonaList, PersonaItem[]>;
  for (const item of items) lists[item.list].push(item);
  return lists;
}

const basics = (row: PersonaRow) => ({
  id: row.id,
  studyId: row.study_id,
  name: row.name,
  avatar: row.avatar,
  age: row.age,
  occupation: row.occupation,
  position: row.position,
  updatedAt: row.updated_at,
  revision: row.revision,
});

export function loadPersona(ctx: ServiceContext, id: string): Persona {
  const row = requirePersona(ctx, id);
  const checklist = checklistsOf(ctx, row.study_id).get(id)?.checklist ?? [];
  return {
    ...basics(row),
    income: row.income,
    description: row.description,
    segment: parseSegment(row.segment_filter),
    participants: personaParticipants(ctx.db, id),
    lists: byList(listPersonaItems(ctx.db, id)),
    checklist,
    createdAt: row.created_at,
  };
}

export function listPersonaSummaries(ctx: ServiceContext, studyId: string): PersonaSummary[] {
  const checks = checklistsOf(ctx, studyId);
  return listPersonaRows(ctx.db, studyId).map((row) => {
    const entry = checks.get(row.id);
    return {
      ...basics(row),
      participantCount: entry?.facts.participants.length ?? 0,
      evidenceCount: new Set(entry?.facts.cited.map((c) => c.findingId)).size,
      checklistPassed: entry?.checklist.filter((c) => c.pass).length ?? 0,
    };
  });
}
