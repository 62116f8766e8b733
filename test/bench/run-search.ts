// `npx tsx test/bench/run-search.ts`: the search and analysis benchmarks alone (no
// browser), printed as a table; `npm run bench` runs them with the rest.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLibrary } from '../../electron/core/library.js';
import { benchSearch } from './search.js';

const resourcesDir = path.resolve(import.meta.dirname, '../../resources');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldwork-bench-search-'));
const library = await openLibrary({ dataDir, resourcesDir, appVersion: 'bench', seedSample: true });
try {
  console.table(await benchSearch(library, resourcesDir));
} finally {
  library.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
