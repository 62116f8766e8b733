// Starts the core as a Node child process from its source (the same entry the desktop
// app starts as a utilityProcess), with heavy reads on a worker thread, and stops
// every core a test started.
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach } from 'vitest';
import { forkCore, type ForkedCore } from '../../electron/core/process/fork.js';
import type { CoreStartOptions, HeavyReadsOptions } from '../../electron/core/process/control.js';
import { REPO_ROOT, RESOURCES_DIR } from './library.js';

const started: ForkedCore[] = [];

/** The heavy-read worker from its source, under tsx's loader. */
export const HEAVY_READS_FROM_SOURCE: HeavyReadsOptions = {
  script: path.join(REPO_ROOT, 'electron/core/heavy/worker.ts'),
  // tsx's ESM api (its package exports map `tsx/esm/api` there for `import`).
  register: path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs'),
};

export function forkTestCore(dataDir: string, start: Partial<CoreStartOptions> = {}): ForkedCore {
  const core = forkCore({
    script: path.join(REPO_ROOT, 'electron/core/process/core-process.ts'),
    execArgv: ['--import', 'tsx'],
    start: { dataDir, resourcesDir: RESOURCES_DIR, appVersion: '0.0.0-test', snapshotEveryMs: 0, seedSample: false, heavyReads: HEAVY_READS_FROM_SOURCE, ...start },
  });
  started.push(core);
  return core;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((core) => (core.child.exitCode === null && core.child.signalCode === null ? core.stop() : null)));
});
