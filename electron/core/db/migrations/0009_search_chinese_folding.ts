// Schema version 9: the search index rebuilt with Simplified and Traditional Chinese
// folded to one script (shared/search/chinese-fold.ts), so 客户 finds 客戶 and 價格
// finds 价格 in libraries written before folding existed.
//
// The indexed text (search_doc.body) and its rows are unchanged; only the tokens the
// fw_search_tokens function makes from it changed. So the full-text table is emptied
// and refilled from search_doc under the same rowids (id * 16 + kind code, see
// migration 6); the triggers stay as they are, since they already call the function.
// Depends on nothing but migration 6.
import { SEARCH_KIND_CODES } from './0006_search_index.js';

export const version = 9;

const KIND_CODE = `CASE kind ${Object.entries(SEARCH_KIND_CODES)
  .map(([kind, code]) => `WHEN '${kind}' THEN ${code}`)
  .join(' ')} ELSE 15 END`;

export const sql = /* sql */ `
INSERT INTO search_text (search_text) VALUES ('delete-all');
INSERT INTO search_text (rowid, tokens) SELECT id * 16 + ${KIND_CODE}, fw_search_tokens(body) FROM search_doc;
`;
