// What an archive leaves out. Participants who withdrew consent leave every archive
// with everything that is theirs (interviews, notes, findings, citations of those
// findings), as they leave every document: statements the team wrote stay, minus
// citations of withdrawn findings; a representative quote whose every source withdrew
// goes, being their own words. An archive made to be shared rather than kept also
// loses participants' real names and contacts, and real names typed into notes and
// analysis become participant codes.
import { nameRedactor } from '../export/document.js';
import type { ArchiveData } from './read.js';

type Redact = (text: string) => string;

/** A copy of a rich-text state (plain JSON) with `redact` applied to every text node (walked without recursion). */
export function redactNoteState<T>(state: T, redact: Redact): T {
  const copy = JSON.parse(JSON.stringify(state)) as T;
  const stack: unknown[] = [copy];
  while (stack.length) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    const record = node as Record<string, unknown>;
    if (record.type === 'text' && typeof record.text === 'string') record.text = redact(record.text);
    for (const child of Object.values(record)) if (child !== null && typeof child === 'object') stack.push(child);
  }
  return copy;
}

/** The study without its withdrawn participants and everything that was theirs. */
export function withoutWithdrawn(data: ArchiveData): ArchiveData {
  const withdrawn = new Set(data.participants.filter((p) => p.withdrawnAt !== null).map((p) => p.id));
  const sessionsGone = new Set(data.sessions.filter((s) => withdrawn.has(s.participantId)).map((s) => s.id));
  const notesGone = new Set(data.notes.filter((n) => sessionsGone.has(n.sessionId)).map((n) => n.id));
  const findingGone = (f: ArchiveData['findings'][number]) =>
    (f.participantId !== null && withdrawn.has(f.participantId)) ||
    (f.sessionId !== null && sessionsGone.has(f.sessionId)) ||
    (f.noteId !== null && notesGone.has(f.noteId));
  const findingsGone = new Set(data.findings.filter(findingGone).map((f) => f.id));
  const cited = (evidence: readonly string[]) => evidence.filter((id) => !findingsGone.has(id));

  return {
    ...data,
    participants: data.participants.filter((p) => !withdrawn.has(p.id)),
    sessions: data.sessions.filter((s) => !sessionsGone.has(s.id)),
    sessionQuestions: data.sessionQuestions.filter((q) => !sessionsGone.has(q.sessionId)),
    notes: data.notes.filter((n) => !notesGone.has(n.id)),
    findings: data.findings.filter((f) => !findingsGone.has(f.id)),
    personas: data.personas.map((p) => ({ ...p, participantIds: p.participantIds.filter((id) => !withdrawn.has(id)) })),
    personaItems: data.personaItems
      .filter((i) => !(i.list === 'quotes' && i.evidence.length > 0 && cited(i.evidence).length === 0))
      .map((i) => ({ ...i, evidence: cited(i.evidence) })),
    journeyItems: data.journeyItems.map((i) => ({ ...i, evidence: cited(i.evidence) })),
  };
}

/** The study without withdrawn participants, real names or contacts (names typed into text become codes). */
export function withoutPersonalData(data: ArchiveData): ArchiveData {
  // Built from every participant, withdrawn ones included: their names may be typed into others' notes.
  const redact = nameRedactor(data.participants);
  const kept = withoutWithdrawn(data);
  return {
    ...kept,
    participants: kept.participants.map((p) => ({ ...p, realName: '', contact: '' })),
    notes: kept.notes.map((n) => ({
      ...n,
      content: redactNoteState(n.content, redact),
      plainText: redact(n.plainText),
      paragraphs: n.paragraphs.map((p) => ({ ...p, text: redact(p.text) })),
    })),
    findings: kept.findings.map((f) => ({ ...f, text: redact(f.text) })),
    groups: kept.groups.map((g) => ({ ...g, name: redact(g.name) })),
    themes: kept.themes.map((t) => ({ ...t, name: redact(t.name) })),
    links: kept.links.map((l) => ({ ...l, label: redact(l.label) })),
    personas: kept.personas.map((p) => ({ ...p, description: redact(p.description) })),
    personaItems: kept.personaItems.map((i) => ({ ...i, text: redact(i.text) })),
    journeyItems: kept.journeyItems.map((i) => ({ ...i, text: redact(i.text) })),
  };
}
