// `npm run bench`: measures Fieldwork and writes bench/results.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../electron/core/bridge/server.js';
import { captureHtmlToPng, printHtmlToPdf } from '../../electron/core/export/chromium.js';
import { openLibrary } from '../../electron/core/library.js';
import { chromiumPath, launchChromium } from '../helpers/chromium.js';
import { benchApiRoundtrip, benchHttpRoundtrip } from './api.js';
import { benchBoard } from './board.js';
import { benchCapture } from './capture.js';
import { benchExports } from './export.js';
import { writeResults, type BenchResult } from './results.js';
import { benchSafety } from './safety.js';
import { benchFirstPaint } from './startup.js';
import { benchSearch } from './search.js';
import { benchSync } from './sync.js';
import { benchCoediting } from './coedit.js';
import { benchTeam } from './team.js';

const root = path.resolve(import.meta.dirname, '../..');
const STUDIES = 200;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldwork-bench-'));
const chromium = chromiumPath();
const library = await openLibrary({
  dataDir,
  resourcesDir: path.join(root, 'resources'),
  appVersion: 'bench',
  // The figures are measured on the English sample study, made as the library opens.
  seedSample: true,
  printPdf: (html) => printHtmlToPdf(html, chromium),
  capturePng: (html, width) => captureHtmlToPng(html, chromium, width),
});
const server = await startServer({ library, rendererDir: path.join(root, 'build', 'renderer'), echo: true });
const results: BenchResult[] = [];
try {
  const coreDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldwork-bench-core-'));
  try {
    results.push(await benchApiRoundtrip(coreDir));
  } finally {
    fs.rmSync(coreDir, { recursive: true, force: true });
  }
  results.push(await benchHttpRoundtrip(server));
  results.push(...(await benchExports(library)));
  results.push(...(await benchSync(server, library)));
  results.push(...(await benchCoediting(server, library)));

  for (let i = library.context.db.prepare('SELECT count(*) n FROM study').pluck().get() as number; i < STUDIES; i++) {
    const result = await library.dispatch('study.create', {
      name: `Study ${i + 1}: ${i % 2 ? '门店到访体验' : 'Onboarding journey'}`,
      goal: 'Understand where customers lose time and trust between first contact and first use.',
    });
    if (!result.ok) throw new Error(result.error.message);
  }
  const browser = await launchChromium();
  try {
    results.push(await benchFirstPaint(browser, server, STUDIES));
    results.push(...(await benchCapture(browser, server, library)));
    results.push(...(await benchBoard(browser, server, library)));
    results.push(...(await benchTeam(browser, server, library)));
  } finally {
    await browser.close();
  }
  // Last: its 50,000-paragraph study would weigh on the browser benchmarks' library.
  results.push(...(await benchSearch(library, path.join(root, 'resources'))));
  // Crash and fault figures, on libraries of their own.
  results.push(...(await benchSafety(root)));
} finally {
  await server.close();
  library.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
writeResults(root, results);
