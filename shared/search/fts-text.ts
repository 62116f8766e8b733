// The full-text index's view of text, and of a query (the CJK-bigram idea of
// Lucene's CJK analyzer, see TOOLCHAIN.md "Chinese full-text search").
//
// FTS5's unicode61 tokenizer reads a run of Chinese characters as one token, and the
// trigram tokenizer finds nothing for 2-character words, which most Chinese words
// are. So the index column holds tokens we make ourselves, space-separated:
//   - every CJK run as its overlapping bigrams (价格很高 -> 价格 格很 很高), in order,
//     followed by a gap token so a phrase never spans two runs;
//   - every other word as itself, lowercased;
//   - then every CJK character on its own (unigrams), for 1-character queries.
// A query of 2+ CJK characters is the phrase of its bigrams (consecutive positions),
// a 1-character query a unigram term, a word a prefix term; all parts are ANDed.
// unicode61 then only splits at our spaces, folds case and removes diacritics.
import { textUnits } from './text-units.js';

/**
 * Separates the bigrams of consecutive CJK runs. A private-use character: unicode61
 * keeps it as a token, and no query can produce it (queries split on it).
 */
export const GAP_TOKEN = '\uE000';

/** The token string stored in the index for `text`. */
export function indexTokens(text: string): string {
  const sequence: string[] = [];
  const unigrams: string[] = [];
  for (const unit of textUnits(text)) {
    if (unit.kind === 'word') {
      sequence.push(unit.text);
      continue;
    }
    const { chars } = unit;
    for (let i = 0; i + 1 < chars.length; i++) sequence.push(chars[i]! + chars[i + 1]!);
    if (chars.length > 1) sequence.push(GAP_TOKEN);
    unigrams.push(...chars);
  }
  return unigrams.length ? `${sequence.join(' ')} ${unigrams.join(' ')}` : sequence.join(' ');
}

/** One part of a query: all parts must match (AND). */
export type QueryPart = { kind: 'cjk'; chars: string[] } | { kind: 'word'; text: string };

/** More parts than this are ignored: nobody types them, and each costs a lookup. */
export const MAX_QUERY_PARTS = 12;

/** The query's parts, without repeats, in the order typed. */
export function queryParts(query: string): QueryPart[] {
  const seen = new Set<string>();
  const parts: QueryPart[] = [];
  for (const unit of textUnits(query)) {
    const part: QueryPart = unit.kind === 'word' ? { kind: 'word', text: unit.text } : { kind: 'cjk', chars: unit.chars };
    const key = part.kind === 'word' ? `w:${part.text}` : `c:${part.chars.join('')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    parts.push(part);
    if (parts.length === MAX_QUERY_PARTS) break;
  }
  return parts;
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The FTS5 MATCH expression for the parts, or null when there is nothing to search for. */
export function matchExpression(parts: readonly QueryPart[]): string | null {
  if (parts.length === 0) return null;
  return parts
    .map((part) => {
      if (part.kind === 'word') return `${quote(part.text)}*`;
      const { chars } = part;
      if (chars.length === 1) return quote(chars[0]!);
      const bigrams = chars.slice(1).map((c, i) => chars[i]! + c);
      return quote(bigrams.join(' '));
    })
    .join(' AND ');
}
