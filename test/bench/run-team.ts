// `npx tsx --expose-gc test/bench/run-team.ts` (after `npm run build:renderer`): the live team session
// benchmarks alone, printed as a table; `npm run bench` runs them with the rest.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../electron/core/bridge/server.js';
import { openLibrary } from '../../electron/core/library.js';
import { launchChromium } from '../helpers/chromium.js';
import { benchTeam } from './team.js';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldwork-bench-team-'));
const library = await openLibrary({ dataDir, resourcesDir: path.join(root, 'resources'), appVersion: 'bench', seedSample: false });
const server = await startServer({ library, rendererDir: path.join(root, 'build', 'renderer') });
const browser = await launchChromium();
try {
  console.table(await benchTeam(browser, server, library));
} finally {
  await browser.close();
  await server.close();
  library.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
