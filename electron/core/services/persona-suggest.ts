// Evidence a persona could cite: the pain points and quotes of its participants on
// the board that it does not cite yet. Ranked by corroboration, i.e. how many of the
// persona's participants said the same thing (the finding's board group), so the
// statements most typical of the segment come first.
import type Database from 'better-sqlite3';
import type { EvidenceSuggestion } from '../../../shared/api/personas.js';
import { PAIN_KINDS, type FindingType, type PersonaList } from '../../../shared/domain.js';

const LIST_OF_TYPE: Partial<Record<FindingType, PersonaList>> = { pain_point: 'challenges', quote: 'quotes' };
const DEFAULT_LIMIT = 50;

interface Row {
  id: string;
  text: string;
  type: FindingType;
  terms: string;
  stage_id: string | null;
  group_name: string | null;
  participant_code: string | null;
  corroboration: number;
}

export function suggestEvidence(db: Database.Database, personaId: string, list: 'challenges' | 'quotes' | undefined, limit = DEFAULT_LIMIT): EvidenceSuggestion[] {
  const types = Object.entries(LIST_OF_TYPE)
    .filter(([, l]) => list === undefined || l === list)
    .map(([type]) => type);
  const rows = db
    .prepare(
      `WITH members AS (
         SELECT p.id FROM persona_participant pp JOIN active_participant p ON p.id = pp.participant_id WHERE pp.persona_id = ?
       ),
       cited AS (
         SELECT e.finding_id FROM persona_item_evidence e JOIN persona_item i ON i.id = e.item_id WHERE i.persona_id = ?
       )
       SELECT f.id, f.text, f.type, f.terms, f.stage_id, g.name AS group_name, p.code AS participant_code,
         CASE WHEN f.group_id IS NULL THEN 1 ELSE (
           SELECT count(DISTINCT o.participant_id) FROM active_finding o
           WHERE o.group_id = f.group_id AND o.participant_id IN (SELECT id FROM members)
         ) END AS corroboration
       FROM active_finding f
       JOIN participant p ON p.id = f.participant_id
       LEFT JOIN affinity_group g ON g.id = f.group_id
       WHERE f.participant_id IN (SELECT id FROM members)
         AND f.type IN (SELECT value FROM json_each(?))
         AND f.id NOT IN (SELECT finding_id FROM cited)
       ORDER BY corroboration DESC, length(f.terms) DESC, f.created_at, f.id
       LIMIT ?`,
    )
    .all(personaId, personaId, JSON.stringify(types), limit) as Row[];
  return rows.map((r) => ({
    findingId: r.id,
    text: r.text,
    type: r.type,
    terms: PAIN_KINDS.filter((k) => r.terms.includes(k)),
    participantCode: r.participant_code,
    stageId: r.stage_id,
    groupName: r.group_name,
    corroboration: r.corroboration,
    list: LIST_OF_TYPE[r.type] ?? 'quotes',
  }));
}
