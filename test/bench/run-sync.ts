// `npx tsx test/bench/run-sync.ts`: the many-clients benchmarks (board and notes) alone, printed as a
// table; `npm run bench` runs them with the rest.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../electron/core/bridge/server.js';
import { openLibrary } from '../../electron/core/library.js';
import { benchCoediting } from './coedit.js';
import { benchSync } from './sync.js';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldwork-bench-sync-'));
const library = await openLibrary({ dataDir, resourcesDir: path.join(root, 'resources'), appVersion: 'bench', seedSample: false });
const server = await startServer({ library, rendererDir: path.join(root, 'build', 'renderer') });
try {
  console.table([...(await benchSync(server, library)), ...(await benchCoediting(server, library))]);
} finally {
  await server.close();
  library.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
