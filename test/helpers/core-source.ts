// The core process and its heavy-read worker run from their TypeScript source under
// tsx's loader: what tests and benchmarks start where the desktop app starts bundles.
import { createRequire } from 'node:module';
import path from 'node:path';
import { createPortClient } from '../../electron/core/port/client.js';
import { forkCore, type ForkedCore } from '../../electron/core/process/fork.js';
import type { ApiResult } from '../../shared/api/result.js';
import type { CoreStartOptions, HeavyReadsOptions } from '../../electron/core/process/control.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** The heavy-read worker from its source, under tsx's loader. */
export const HEAVY_READS_FROM_SOURCE: HeavyReadsOptions = {
  script: path.join(REPO_ROOT, 'electron/core/heavy/worker.ts'),
  // tsx's ESM api (its package exports map `tsx/esm/api` there for `import`).
  register: path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs'),
};

export function forkCoreFromSource(dataDir: string, start: Partial<CoreStartOptions> = {}): ForkedCore {
  return forkCore({
    script: path.join(REPO_ROOT, 'electron/core/process/core-process.ts'),
    execArgv: ['--import', 'tsx'],
    start: {
      dataDir,
      resourcesDir: path.join(REPO_ROOT, 'resources'),
      appVersion: '0.0.0-test',
      snapshotEveryMs: 0,
      seedSample: false,
      heavyReads: HEAVY_READS_FROM_SOURCE,
      ...start,
    },
  });
}

/** A client on a new port of `core` (its library seeded with the sample), and the sample study's dashboard through it. */
export async function sampleDashboardThrough(core: ForkedCore) {
  const client = createPortClient();
  client.attach(core.connect());
  const studies = (await client.api.invoke('study.list', {})) as ApiResult<Array<{ id: string }>>;
  if (!studies.ok) throw new Error(studies.error.message);
  return { client, dashboard: await client.api.invoke('analysis.dashboard', { studyId: studies.value[0]!.id }) };
}
