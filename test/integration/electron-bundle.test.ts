// The Electron bundles load where Electron will run them: the sandboxed preload may
// require only `electron`, and the main process only Electron, better-sqlite3 and
// Node's own modules (everything else is bundled in).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/library.js';

function requires(file: string): string[] {
  const source = fs.readFileSync(path.join(REPO_ROOT, 'build', 'electron', file), 'utf8');
  return [...new Set([...source.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!))].sort();
}

describe('Electron bundles', () => {
  it('build the preload as a self-contained script that requires only electron', () => {
    execFileSync(process.execPath, ['electron/scripts/build-electron.mjs'], { cwd: REPO_ROOT });
    expect(requires('preload.cjs')).toEqual(['electron']);
    const main = requires('main.cjs');
    const allowed = new Set(['electron', 'better-sqlite3', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    expect(main.filter((name) => !allowed.has(name))).toEqual([]);
    expect(main).toContain('better-sqlite3');
  });
});
