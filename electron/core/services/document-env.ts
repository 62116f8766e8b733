// What every persona or journey-map document is built with: the study and its
// language, the export options resolved to their defaults, footnote numbering, and
// the real-name redaction applied to every user-written string.
import type { DocumentOptions } from '../../../shared/api/documents.js';
import type { EvidenceRef } from '../../../shared/api/personas.js';
import type { Study } from '../../../shared/api/entities.js';
import { FootnoteNumbering, nameRedactor } from '../../../shared/export/document.js';
import { documentLabels, withAside, type DocumentLabels } from '../../../shared/export/document-labels.js';
import { getStudy } from '../db/repos/studies.js';
import type { ServiceContext } from './context.js';
import { notFound } from './errors.js';

export interface DocumentEnv {
  study: Study;
  labels: DocumentLabels;
  numbering: FootnoteNumbering;
  /** Applied to every string a person typed: real names become codes when they must not show. */
  text: (s: string) => string;
  /** How a participant is named in the document: the code, plus the real name only when allowed. */
  participant: (code: string | null) => string;
  /** Numbers the evidence as footnotes (empty when footnotes are off). */
  cite: (evidence: readonly EvidenceRef[]) => number[];
}

export function documentEnv(ctx: ServiceContext, studyId: string, options: DocumentOptions | undefined): DocumentEnv {
  const study = getStudy(ctx.db, studyId);
  if (!study) throw notFound('The study');
  const hideRealNames = options?.hideRealNames ?? true;
  const labels = documentLabels(study.language);
  // Every participant of the study, withdrawn ones too: their names must not leak through typed text either.
  const people = ctx.db.prepare('SELECT code, real_name AS realName FROM participant WHERE study_id = ?').all(studyId) as Array<{ code: string; realName: string }>;
  const text = hideRealNames ? nameRedactor(people) : (s: string) => s;
  const realName = new Map(people.map((p) => [p.code, p.realName.trim()]));
  const participant = (code: string | null) => {
    if (code === null) return labels.unattributed;
    const name = realName.get(code) ?? '';
    return hideRealNames || name === '' ? code : withAside(code, name, labels);
  };
  const numbering = new FootnoteNumbering(options?.footnotes ?? true);
  return {
    study,
    labels,
    numbering,
    text,
    participant,
    cite: (evidence) => numbering.cite(evidence.map((e) => ({ findingId: e.findingId, participant: participant(e.participantCode), text: text(e.text) }))),
  };
}
