// SQL functions the search index's triggers call (migration 6). SQLite cannot run our
// tokenizer itself, so every connection must register these before it writes: the
// triggers on notes, findings, groups... fail with "no such function" otherwise.
// openDatabase registers them on every connection it opens (read-only ones too, so
// any statement that compiles a trigger works); nothing else opens the library for
// writing. Both are deterministic: same input, same output, as SQLite requires of
// functions used in triggers.
import type Database from 'better-sqlite3';
import { notePlainText } from '../../../shared/notes.js';
import { indexTokens } from '../../../shared/search/fts-text.js';

/** The index's token string for a text (see shared/search/fts-text.ts). */
export const TOKENS_FUNCTION = 'fw_search_tokens';
/** The plain text of one note paragraph, given as the editor's JSON for that block. */
export const BLOCK_TEXT_FUNCTION = 'fw_note_block_text';

function blockText(json: unknown): string {
  if (typeof json !== 'string') return '';
  try {
    return notePlainText({ root: { children: [JSON.parse(json) as unknown] } });
  } catch {
    return ''; // a malformed block holds no searchable text; the note itself is kept as saved
  }
}

export function registerSearchFunctions(db: Database.Database): void {
  db.function(TOKENS_FUNCTION, { deterministic: true }, (text: unknown) => (typeof text === 'string' ? indexTokens(text) : ''));
  db.function(BLOCK_TEXT_FUNCTION, { deterministic: true }, blockText);
}
