// Yjs must be loaded once: two copies break its constructor checks (an update made by
// one copy's classes is not recognised by the other's), which Lexical's binding would
// meet as missing text. Yjs itself warns ("Yjs was already imported") when it is
// loaded twice; these tests fail on that warning in the host's process and count
// Yjs's copies in every bundle the app ships.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const MARKER = 'Yjs was already imported';
const run = promisify(execFile);

const copiesIn = (code: string) => code.split(MARKER).length - 1;

describe('one copy of Yjs', () => {
  it('loads the host and editor note modules in one process without Yjs warning of a second copy', async () => {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'test/fixtures/load-note-modules.ts')], { cwd: REPO_ROOT });
    expect(stdout).toContain('loaded');
    expect(stderr).not.toContain(MARKER);
  });

  it('bundles exactly one Yjs into the window code', () => {
    const assets = path.join(REPO_ROOT, 'build', 'renderer', 'assets');
    const total = fs
      .readdirSync(assets)
      .filter((name) => name.endsWith('.js'))
      .reduce((sum, name) => sum + copiesIn(fs.readFileSync(path.join(assets, name), 'utf8')), 0);
    expect(total).toBe(1);
  });

  it('bundles exactly one Yjs into the desktop app’s core process and at most one into its heavy-read worker (a thread of its own), none into its main process or preload', async () => {
    const bundle = async (entry: string) => {
      const result = await build({
        entryPoints: [path.join(REPO_ROOT, entry)],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node22',
        external: ['electron', 'better-sqlite3'],
        write: false,
        logLevel: 'silent',
      });
      return result.outputFiles.map((f) => f.text).join('');
    };
    expect(copiesIn(await bundle('electron/core/process/core-process.ts'))).toBe(1);
    expect(copiesIn(await bundle('electron/main.ts'))).toBe(0);
    expect(copiesIn(await bundle('electron/preload.ts'))).toBe(0);
    expect(copiesIn(await bundle('electron/core/heavy/worker.ts'))).toBeLessThanOrEqual(1);
  });
});
