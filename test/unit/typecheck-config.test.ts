// Each process is type-checked on its own, with only the globals it really has:
// shared/ neither DOM nor Node, the renderer DOM but not Node, the main process
// Node but not DOM, the sandboxed preload DOM but not Node.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/library.js';

interface TsConfig {
  extends?: string;
  compilerOptions?: { lib?: string[]; types?: string[]; strict?: boolean; noUncheckedIndexedAccess?: boolean; noImplicitOverride?: boolean };
  include?: string[];
  exclude?: string[];
}

const read = (file: string) => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8')) as TsConfig;
const libs = (file: string) => (read(file).compilerOptions?.lib ?? read('tsconfig.json').compilerOptions!.lib!).map((l) => l.toLowerCase());
const types = (file: string) => read(file).compilerOptions?.types ?? [];

describe('type checking', () => {
  it('runs one strict check per process', () => {
    const script = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.typecheck!;
    for (const config of ['tsconfig.json', 'renderer/tsconfig.json', 'electron/tsconfig.json', 'electron/tsconfig.preload.json', 'test/tsconfig.json']) {
      expect(script, config).toContain(`tsc -p ${config} --noEmit`);
    }
    const base = read('tsconfig.json').compilerOptions!;
    expect([base.strict, base.noUncheckedIndexedAccess, base.noImplicitOverride]).toEqual([true, true, true]);
  });

  it('gives each process only the globals it has', () => {
    expect(libs('tsconfig.json')).not.toContain('dom');
    expect(types('tsconfig.json')).toEqual([]);
    expect(libs('renderer/tsconfig.json')).toContain('dom');
    expect(types('renderer/tsconfig.json')).not.toContain('node');
    expect(libs('electron/tsconfig.json')).not.toContain('dom');
    expect(types('electron/tsconfig.json')).toContain('node');
    expect(read('electron/tsconfig.json').exclude).toContain('preload.ts');
    expect(libs('electron/tsconfig.preload.json')).toContain('dom');
    expect(types('electron/tsconfig.preload.json')).not.toContain('node');
    expect(read('electron/tsconfig.preload.json').include).toContain('preload.ts');
  });
});
