// What the PERSONAL checklist needs to know about every persona of a study, read in
// a few queries: who stands behind each persona (never a withdrawn participant), the
// findings each cites with where they came from, how full each list is, and when the
// study's guide was last published.
import type Database from 'better-sqlite3';
import { PERSONA_LISTS, type PersonaList } from '../../../shared/domain.js';
import type { StudyPersonaFacts } from '../../../shared/personal-checklist.js';
import { listPersonaRows } from '../db/repos/personas.js';

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(key(row)) ?? [];
    list.push(row);
    out.set(key(row), list);
  }
  return out;
}

export function studyPersonaFacts(db: Database.Database, studyId: string): StudyPersonaFacts {
  const rows = listPersonaRows(db, studyId);
  const members = db
    .prepare(
      `SELECT pp.persona_id, p.id, p.consent_date, p.screened_relevant
       FROM persona_participant pp JOIN persona y ON y.id = pp.persona_id JOIN active_participant p ON p.id = pp.participant_id
       WHERE y.study_id = ?`,
    )
    .all(studyId) as Array<{ persona_id: string; id: string; consent_date: string | null; screened_relevant: number }>;
  const cited = db
    .prepare(
      `SELECT i.persona_id, i.list, f.id AS finding_id, f.participant_id, f.stage_id,
         q.keywords IS NOT NULL AND q.keywords <> '[]' AS keyworded
       FROM persona_item i JOIN persona y ON y.id = i.persona_id
       JOIN persona_item_evidence e ON e.item_id = i.id
       JOIN active_finding f ON f.id = e.finding_id
       LEFT JOIN guide_question q ON q.id = f.question_id
       WHERE y.study_id = ?`,
    )
    .all(studyId) as Array<{ persona_id: string; list: PersonaList; finding_id: string; participant_id: string | null; stage_id: string | null; keyworded: number }>;
  const counts = db
    .prepare(
      `SELECT i.persona_id, i.list, count(*) AS n FROM persona_item i JOIN persona y ON y.id = i.persona_id
       WHERE y.study_id = ? GROUP BY i.persona_id, i.list`,
    )
    .all(studyId) as Array<{ persona_id: string; list: PersonaList; n: number }>;
  const published = db
    .prepare('SELECT max(v.frozen_at) AS at FROM guide_version v JOIN guide g ON g.id = v.guide_id WHERE g.study_id = ?')
    .get(studyId) as { at: string | null };

  const membersOf = groupBy(members, (m) => m.persona_id);
  const citedBy = groupBy(cited, (c) => c.persona_id);
  const countsOf = groupBy(counts, (c) => c.persona_id);
  return {
    guidePublishedAt: published.at,
    personas: rows.map((row) => {
      const itemCounts = Object.fromEntries(PERSONA_LISTS.map((l) => [l, 0])) as Record<PersonaList, number>;
      for (const c of countsOf.get(row.id) ?? []) itemCounts[c.list] = c.n;
      return {
        id: row.id,
        name: row.name,
        avatar: row.avatar,
        description: row.description,
        updatedAt: row.updated_at,
        participants: (membersOf.get(row.id) ?? []).map((m) => ({ id: m.id, consented: m.consent_date !== null, screenedRelevant: m.screened_relevant === 1 })),
        cited: (citedBy.get(row.id) ?? []).map((c) => ({
          findingId: c.finding_id,
          participantId: c.participant_id,
          stageId: c.stage_id,
          list: c.list,
          fromKeywordQuestion: c.keyworded === 1,
        })),
        itemCounts,
      };
    }),
  };
}
