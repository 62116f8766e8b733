// Schema version 5: indexes for personas and journey maps. Evidence tables are keyed
// by item first, so deleting a finding (which cascades to every citation of it) and
// asking "which personas cite this finding / include this participant" (overlap,
// suggestions) would otherwise scan whole tables.
export const version = 5;

export const sql = /* sql */ `
CREATE INDEX persona_study ON persona(study_id, position);
CREATE INDEX persona_participant_participant ON persona_participant(participant_id);
CREATE INDEX persona_item_evidence_finding ON persona_item_evidence(finding_id);
CREATE INDEX journey_map_study ON journey_map(study_id, created_at);
CREATE INDEX journey_item_evidence_finding ON journey_item_evidence(finding_id);
`;
