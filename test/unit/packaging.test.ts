// Packaging and install configuration: electron-builder targets, the Electron fuses
// flipped at package time, and an install that passes without Electron's download
// while users with internet still get it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  allowScripts: Record<string, boolean>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  asarUnpack: string[];
  directories: { output: string };
  files: string[];
  extraResources: Array<{ from: string; to: string }>;
  electronFuses?: Record<string, boolean>;
  mac: { target: Array<string | { target: string }> };
  win: { target: Array<string | { target: string }> };
  linux: { target: Array<string | { target: string }> };
}

const config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

const targets = (list: Array<string | { target: string }>) => list.map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder.yml', () => {

  it('names the app and writes packages to release/', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
    expect(config.productName).toBe('Fieldwork');
    expect(config.directories.output).toBe('release');
  });

  it('builds a dmg, an NSIS installer, an AppImage and a deb', () => {
    expect(targets(config.mac.target)).toContain('dmg');
    expect(targets(config.win.target)).toContain('nsis');
    expect(targets(config.linux.target)).toEqual(expect.arrayContaining(['AppImage', 'deb']));
  });

  it('packs into asar with better-sqlite3 unpacked and ships the resources', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack.some((p) => p.includes('better-sqlite3'))).toBe(true);
    expect(config.files).toEqual(expect.arrayContaining(['build/electron/**', 'build/renderer/**']));
    expect(config.extraResources.some((r) => r.from === 'resources')).toBe(true);
    expect(pkg.main).toBe('build/electron/main.cjs');
  });
});

describe('Electron fuses', () => {
  // The fuse names electron-builder itself accepts (its JSON schema), so a misspelt key cannot pass unnoticed.
  const scheme = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as {
    definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
  };

  it('are flipped at package time with names electron-builder knows', () => {
    const fuses = config.electronFuses ?? {};
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    expect(Object.keys(fuses).length).toBeGreaterThan(0);
    for (const name of Object.keys(fuses)) expect(known, name).toContain(name);
  });

  it('turn off Node as a runtime and debugger, turn on cookie encryption, and load only the integrity-checked asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // Loading only from the asar needs the app packed in one, with nothing of ours unpacked beside it.
    expect(config.asar).toBe(true);
    expect(config.asarUnpack.every((p) => p.startsWith('node_modules/'))).toBe(true);
  });
});

describe('npm install', () => {
  it('skips Electron\'s own download script and fetches Electron tolerantly from postinstall instead', () => {
    expect(pkg.allowScripts.electron).toBe(false);
    expect(pkg.allowScripts['better-sqlite3']).toBe(true);
    expect(pkg.scripts.postinstall).toBe('node electron/scripts/install-electron.mjs');
    const script = fs.readFileSync(path.join(root, 'electron', 'scripts', 'install-electron.mjs'), 'utf8');
    expect(script).toContain("'install.js'");
    expect(script).toContain('timeout: TIMEOUT_MS');
    expect(script).toContain('process.exit(0)');
  });

  it('starts Electron only when its binary exists, pointing to browser mode otherwise', () => {
    expect(pkg.scripts.start).toContain('electron/scripts/start-electron.mjs');
    const script = fs.readFileSync(path.join(root, 'electron', 'scripts', 'start-electron.mjs'), 'utf8');
    expect(script).toContain('npm run serve');
  });

  it('pins the versions known to work together on Node 20', () => {
    expect(pkg.dependencies.lexical).toBe('0.52.0');
    expect(pkg.dependencies['@lexical/react']).toBe('0.52.0');
    expect(pkg.devDependencies.electron).toMatch(/^[~^]?39\./);
  });
});
