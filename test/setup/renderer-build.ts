// Global set-up for the test projects that serve the app page (integration and e2e):
// `npm run test:unit` and a single `vitest run` must work in a fresh clone, where the
// renderer has never been built. Builds it once when build/renderer is missing;
// `npm test` and `npm run test:e2e` build it beforehand, so this then does nothing.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const INDEX = path.join(REPO_ROOT, 'build', 'renderer', 'index.html');

export default async function buildRendererWhenMissing(): Promise<void> {
  if (fs.existsSync(INDEX)) return;
  process.stdout.write('The renderer is not built yet: building it once for the tests that serve the app page…\n');
  await build({ configFile: path.join(REPO_ROOT, 'vite.config.ts'), root: path.join(REPO_ROOT, 'renderer'), logLevel: 'warn' });
  if (!fs.existsSync(INDEX)) throw new Error('The renderer build did not produce build/renderer/index.html: run `npm run build:renderer` and read its errors.');
}
