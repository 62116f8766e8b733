// Evidence links: persona statements and journey-map items cite findings. Both link
// tables have the same shape, so one module reads and writes them. Reads go through
// `active_finding`, so a participant who withdrew consent is never cited anywhere,
// while the links stay stored (reinstating the participant brings them back).
import type Database from 'better-sqlite3';
import type { EvidenceRef } from '../../../../shared/api/personas.js';
import type { FindingType } from '../../../../shared/domain.js';

export type EvidenceTable = 'persona_item_evidence' | 'journey_item_evidence';

interface EvidenceRow {
  item_id: string;
  finding_id: string;
  text: string;
  type: FindingType;
  participant_code: string | null;
}

/** Every item's cited findings, in the order findings were created (stable footnote order). */
export function loadEvidence(db: Database.Database, table: EvidenceTable, itemIds: readonly string[]): Map<string, EvidenceRef[]> {
  const byItem = new Map<string, EvidenceRef[]>();
  if (itemIds.length === 0) return byItem;
  const rows = db
    .prepare(
      `SELECT e.item_id, f.id AS finding_id, f.text, f.type, p.code AS participant_code
       FROM ${table} e
       JOIN active_finding f ON f.id = e.finding_id
       LEFT JOIN participant p ON p.id = f.participant_id
       WHERE e.item_id IN (SELECT value FROM json_each(?))
       ORDER BY f.created_at, f.id`,
    )
    .all(JSON.stringify(itemIds)) as EvidenceRow[];
  for (const r of rows) {
    const list = byItem.get(r.item_id) ?? [];
    list.push({ findingId: r.finding_id, text: r.text, type: r.type, participantCode: r.participant_code });
    byItem.set(r.item_id, list);
  }
  return byItem;
}

/** How many of `findingIds` are findings of the study a participant has not withdrawn from. */
export function countCitableFindings(db: Database.Database, studyId: string, findingIds: readonly string[]): number {
  const unique = [...new Set(findingIds)];
  return (
    db
      .prepare('SELECT count(*) AS n FROM active_finding WHERE study_id = ? AND id IN (SELECT value FROM json_each(?))')
      .get(studyId, JSON.stringify(unique)) as { n: number }
  ).n;
}

export function linkEvidence(db: Database.Database, table: EvidenceTable, itemId: string, findingIds: readonly string[]): void {
  const cite = db.prepare(`INSERT OR IGNORE INTO ${table} (item_id, finding_id) VALUES (?, ?)`);
  for (const findingId of findingIds) cite.run(itemId, findingId);
}

/** Removes one citation; false when the item did not cite that finding. */
export function unlinkEvidence(db: Database.Database, table: EvidenceTable, itemId: string, findingId: string): boolean {
  return db.prepare(`DELETE FROM ${table} WHERE item_id = ? AND finding_id = ?`).run(itemId, findingId).changes > 0;
}
