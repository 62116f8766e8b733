// The Electron bundles load where Electron will run them: the sandboxed preload may
// require only `electron`; the main process only Electron and Node's own modules; the
// core's process and its heavy-read worker only better-sqlite3 and Node's own modules
// (everything else is bundled in). The bundled core answers through the same port
// protocol from a Node child process, its heavy reads on the bundled worker.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';
import { forkCore } from '../../electron/core/process/fork.js';
import { sampleDashboardThrough } from '../helpers/core-source.js';
import { REPO_ROOT, RESOURCES_DIR } from '../helpers/library.js';
import { tempDir } from '../helpers/temp.js';

const BUILD = path.join(REPO_ROOT, 'build', 'electron');

function requires(file: string): string[] {
  const source = fs.readFileSync(path.join(BUILD, file), 'utf8');
  return [...new Set([...source.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!))].sort();
}

const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

describe('Electron bundles', () => {
  it('build the preload as a self-contained script that requires only electron, and the core apart from the main process', () => {
    execFileSync(process.execPath, ['electron/scripts/build-electron.mjs'], { cwd: REPO_ROOT });
    expect(requires('preload.cjs')).toEqual(['electron']);
    expect(requires('main.cjs').filter((name) => name !== 'electron' && !builtins.has(name))).toEqual([]);
    for (const file of ['core.cjs', 'heavy-reads.cjs']) {
      const names = requires(file);
      expect(names.filter((name) => name !== 'better-sqlite3' && !builtins.has(name)), file).toEqual([]);
      expect(names, file).toContain('better-sqlite3');
      expect(names, file).not.toContain('electron');
    }
  });

  it('run the bundled core in a child process, its heavy reads on the bundled worker', async () => {
    execFileSync(process.execPath, ['electron/scripts/build-electron.mjs'], { cwd: REPO_ROOT });
    const core = forkCore({
      script: path.join(BUILD, 'core.cjs'),
      start: {
        dataDir: tempDir(),
        resourcesDir: RESOURCES_DIR,
        appVersion: '0.0.0-test',
        snapshotEveryMs: 0,
        seedSample: true,
        heavyReads: { script: path.join(BUILD, 'heavy-reads.cjs') },
      },
    });
    try {
      const { dashboard } = await sampleDashboardThrough(core);
      expect(dashboard).toMatchObject({ ok: true });
    } finally {
      await core.stop();
    }
  });
});
