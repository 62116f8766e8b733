// Search and analysis benchmarks on a generated library of 200 interviews with 50,000
// note paragraphs, half Chinese and half English (search-corpus.ts):
//   search.index_rows_per_s: note paragraphs written per second with the index kept
//     current by its triggers, against the same rows written to a library without
//     the index's triggers (baseline);
//   search.p95_ms: search.query through the service layer (dispatch: schema, transaction,
//     hits with snippets) for 1-, 2-, 3+-character Chinese, English and mixed queries,
//     against the raw FTS5 query for the same terms on the same database (baseline);
//   analysis.dashboard_ms: analysis.dashboard for that study (median of 5);
//   cluster.suggest_ms: board.suggestGroups over its 2,000 unsorted findings (median of 3).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLibrary, type Library } from '../../electron/core/library.js';
import type { OperationInput, OperationName } from '../../shared/api/contract.js';
import { matchExpression, queryParts } from '../../shared/search/fts-text.js';
import { insertNotes, prepareCorpus, seedFindings } from './search-corpus.js';
import { percentile, round, type BenchResult } from './results.js';

/** The query mix: what people type into Ctrl+K, in both languages. */
export const QUERIES = [
  '价', '车', '焦', '贷', '等',
  '报价', '销售', '试驾', '合同', '首付', '售后', '透明', '砍价',
  '服务费', '精品包', '小红书', '落地价', '一口价', '退订金',
  'price', 'deal', 'warranty', 'hagg', 'Paperwork', 'test drive', 'fin',
  'price 报价', 'loan 首付',
];
const RUNS = 10;

async function timed<N extends OperationName>(library: Library, name: N, input: OperationInput<N>): Promise<number> {
  const start = performance.now();
  const result = await library.dispatch(name, input);
  const ms = performance.now() - start;
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return ms;
}

/** The same paragraphs written to a fresh library whose search triggers are dropped. */
async function baselineInsertSeconds(resourcesDir: string): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldwork-bench-baseline-'));
  const library = await openLibrary({ dataDir, resourcesDir, appVersion: 'bench', seedSample: false });
  try {
    const { db } = library.context;
    const triggers = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search\\_%' ESCAPE '\\'").pluck().all() as string[];
    for (const name of triggers) db.exec(`DROP TRIGGER ${name}`);
    return insertNotes(db, prepareCorpus(db));
  } finally {
    library.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function median<N extends OperationName>(library: Library, runs: number, name: N, input: OperationInput<N>): Promise<number> {
  await timed(library, name, input); // warm
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timed(library, name, input));
  return percentile(times, 50);
}

export async function benchSearch(library: Library, resourcesDir: string): Promise<BenchResult[]> {
  const { db } = library.context;
  const corpus = prepareCorpus(db);
  const indexedSeconds = insertNotes(db, corpus);
  const baselineSeconds = await baselineInsertSeconds(resourcesDir);
  seedFindings(db, corpus);
  const indexedRate = corpus.paragraphs / indexedSeconds;
  const baselineRate = corpus.paragraphs / baselineSeconds;

  // The faster of the two plain forms (ORDER BY bm25() beats ORDER BY rank here), unweighted and unfiltered.
  const raw = db.prepare('SELECT rowid, bm25(search_text) AS score FROM search_text WHERE search_text MATCH ? ORDER BY score LIMIT 31');
  const service: number[] = [];
  const direct: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    for (const text of QUERIES) {
      const serviceMs = await timed(library, 'search.query', { text, limit: 30 });
      const start = performance.now();
      raw.all(matchExpression(queryParts(text)));
      const directMs = performance.now() - start;
      if (run === 0) continue; // the first pass warms the caches
      service.push(serviceMs);
      direct.push(directMs);
    }
  }
  const p95 = percentile(service, 95);
  const base = percentile(direct, 95);
  return [
    { name: 'search.index_rows_per_s', value: round(indexedRate, 0), unit: 'rows/s', baseline: round(baselineRate, 0), ratio: round(indexedRate / baselineRate, 3) },
    { name: 'search.p95_ms', value: round(p95, 2), unit: 'ms', baseline: round(base, 2), ratio: round(p95 / base, 2) },
    { name: 'analysis.dashboard_ms', value: round(await median(library, 5, 'analysis.dashboard', { studyId: corpus.studyId }), 0), unit: 'ms' },
    { name: 'cluster.suggest_ms', value: round(await median(library, 3, 'board.suggestGroups', { studyId: corpus.studyId }), 0), unit: 'ms' },
  ];
}
