// Heavy reads (dashboard, clustering, exports) run on a worker thread with a read-only
// connection of its own: a write is answered while a dashboard is still being worked
// out, and the worker's answers are the ones the in-process handlers give.
import { describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../electron/core/library.js';
import { runsOnWorker } from '../../electron/core/heavy/offload.js';
import { createDispatcher } from '../../electron/core/services/dispatch.js';
import { handlers } from '../../electron/core/services/handlers.js';
import { OPERATION_NAMES, policyOf } from '../../shared/api/contract.js';
import type { ApiResult } from '../../shared/api/result.js';
import { HEAVY_READS_FROM_SOURCE } from '../helpers/core-process.js';
import { RESOURCES_DIR } from '../helpers/library.js';
import { tempDir } from '../helpers/temp.js';

async function openWithWorker(holdUntil?: SharedArrayBuffer): Promise<Library> {
  return openLibrary({
    dataDir: tempDir(),
    resourcesDir: RESOURCES_DIR,
    appVersion: '0.0.0-test',
    seedSample: true,
    snapshotEveryMs: 0,
    heavyReads: { ...HEAVY_READS_FROM_SOURCE, holdUntil },
  });
}

async function firstStudy(library: Library): Promise<string> {
  const studies = (await library.dispatch('study.list', {})) as ApiResult<Array<{ id: string }>>;
  if (!studies.ok) throw new Error(studies.error.message);
  return studies.value[0]!.id;
}

describe('heavy reads', () => {
  it('are exactly the reads the contract marks heavy, except the problem screen’s own', () => {
    const offloaded = OPERATION_NAMES.filter(runsOnWorker);
    expect(offloaded).toContain('analysis.dashboard');
    expect(offloaded).toContain('board.suggestGroups');
    for (const name of OPERATION_NAMES) {
      const policy = policyOf(name);
      expect(runsOnWorker(name), name).toBe(policy.kind === 'read' && policy.heavy === true && policy.problem !== true);
    }
  });

  it('leave the host free to answer a write while a dashboard is being worked out, and answer as in-process', async () => {
    const hold = new SharedArrayBuffer(4);
    const library = await openWithWorker(hold);
    try {
      const studyId = await firstStudy(library);
      let settled = false;
      const dashboard = library.dispatch('analysis.dashboard', { studyId }).finally(() => (settled = true));

      // The worker holds the dashboard; the host answers a write all the same.
      const written = await library.dispatch('study.rename', { id: studyId, name: 'Renamed while the dashboard runs' });
      expect(written).toMatchObject({ ok: true });
      expect(settled).toBe(false);

      Atomics.store(new Int32Array(hold), 0, 1);
      Atomics.notify(new Int32Array(hold), 0);
      const fromWorker = await dashboard;
      expect(fromWorker.ok).toBe(true);
      // It read after the write committed, from its own connection: the same answer as the host's handler now.
      const inProcess = await createDispatcher(handlers, library.context)('analysis.dashboard', { studyId });
      expect(fromWorker).toEqual(inProcess);
    } finally {
      library.close();
    }
  });

  it('answer clustering and exports as the in-process handlers do, and refuse what is not there with typed errors', async () => {
    const library = await openWithWorker();
    try {
      const studyId = await firstStudy(library);
      const inProcess = createDispatcher(handlers, library.context);
      for (const [name, input] of [
        ['board.suggestGroups', { studyId }],
        ['interop.exportFindings', { studyId, format: 'csv' }],
      ] as const) {
        expect(await library.dispatch(name, input), name).toEqual(await inProcess(name, input));
      }
      expect(await library.dispatch('analysis.dashboard', { studyId: '0190aaaa-0000-7000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await library.dispatch('analysis.dashboard', { studyId: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    } finally {
      library.close();
    }
  });
});
