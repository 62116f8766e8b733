// The documents a lead hands to product teams, as plain data every renderer (HTML,
// Markdown, Word) draws from. The core builds them with the export options already
// applied: evidence numbered as footnotes (or left out), real names replaced by
// participant codes, withdrawn participants absent. Renderers only lay them out.
import type { ParsedAvatar } from '../avatar.js';
import type { JourneyLane, PainKind, PersonaList, StudyLanguage } from '../domain.js';

/** One footnote: who said it and what the finding says. */
export interface DocumentNote {
  participant: string;
  text: string;
}

/** A statement with its TERMS (pain points only) and the numbers of its footnotes. */
export interface DocumentItem {
  text: string;
  terms: PainKind[];
  notes: number[];
}

export interface PersonaSection {
  name: string;
  avatar: ParsedAvatar;
  age: string;
  occupation: string;
  income: string;
  description: string;
  /** Participant codes (with real names only when the user chose to show them). */
  participants: string[];
  /** The segment in words, e.g. "age band: 35-44 or 45-54; city: Shanghai"; null when hand-picked. */
  segment: string | null;
  /** Non-empty lists only, in the domain's order. */
  lists: Array<{ list: PersonaList; items: DocumentItem[] }>;
}

export interface PersonaDocument {
  language: StudyLanguage;
  studyName: string;
  title: string;
  personas: PersonaSection[];
  /** Footnote n is notes[n - 1]; empty when footnotes are off. */
  notes: DocumentNote[];
}

export interface JourneyDocument {
  language: StudyLanguage;
  studyName: string;
  title: string;
  personaName: string | null;
  /** Columns, in order, with their emotion score (-2..+2) where one is set. */
  stages: Array<{ name: string; emotion: number | null }>;
  /** Rows in the domain's lane order; cells[i] belongs to stages[i]. */
  lanes: Array<{ lane: JourneyLane; cells: DocumentItem[][] }>;
  notes: DocumentNote[];
}

/**
 * Numbers evidence in reading order: the first citation of a finding takes the next
 * number, later citations of the same finding reuse it.
 */
export class FootnoteNumbering {
  readonly notes: DocumentNote[] = [];
  private readonly numbers = new Map<string, number>();

  constructor(private readonly enabled: boolean) {}

  cite(evidence: ReadonlyArray<{ findingId: string; participant: string; text: string }>): number[] {
    if (!this.enabled) return [];
    return evidence.map((e) => {
      let n = this.numbers.get(e.findingId);
      if (n === undefined) {
        this.notes.push({ participant: e.participant, text: e.text });
        n = this.notes.length;
        this.numbers.set(e.findingId, n);
      }
      return n;
    });
  }
}

/**
 * Replaces every occurrence of a participant's real name by their code, longest
 * names first (so "Wang Lina" is not half-replaced by "Wang Li"), ignoring case.
 * Names shorter than two characters are left alone: replacing a single character
 * would mangle ordinary words without protecting anyone.
 */
export function nameRedactor(people: ReadonlyArray<{ realName: string; code: string }>): (text: string) => string {
  const names = people
    .map((p) => ({ name: p.realName.trim(), code: p.code }))
    .filter((p) => [...p.name].length >= 2)
    .sort((a, b) => b.name.length - a.name.length);
  if (names.length === 0) return (text) => text;
  const pattern = new RegExp(names.map((n) => n.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');
  const codeOf = new Map(names.map((n) => [n.name.toLocaleLowerCase(), n.code]));
  return (text) => text.replace(pattern, (match) => codeOf.get(match.toLocaleLowerCase()) ?? match);
}
