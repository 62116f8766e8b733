// Packaging and install configuration: electron-builder targets, the Electron fuses
// flipped at package time, and an install that passes without Electron's download
// while users with internet still get it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { tempDir } from '../helpers/temp.js';

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
  /** A project folder holding one of our scripts and, if given, a stand-in electron package. */
  function project(script: string, electronInstall?: string): string {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'electron', 'scripts'), { recursive: true });
    fs.copyFileSync(path.join(root, 'electron', 'scripts', script), path.join(dir, 'electron', 'scripts', script));
    if (electronInstall !== undefined) {
      const electron = path.join(dir, 'node_modules', 'electron');
      fs.mkdirSync(electron, { recursive: true });
      fs.writeFileSync(path.join(electron, 'package.json'), JSON.stringify({ name: 'electron', version: '39.5.0' }));
      fs.writeFileSync(path.join(electron, 'install.js'), electronInstall);
    }
    return dir;
  }
  function run(dir: string, script: string, env: Record<string, string> = {}) {
    const { ELECTRON_SKIP_BINARY_DOWNLOAD: _skip, ...inherited } = process.env;
    return spawnSync(process.execPath, [path.join('electron', 'scripts', script)], { cwd: dir, env: { ...inherited, ...env }, encoding: 'utf8', timeout: 20_000 });
  }
  const FAILED_DOWNLOAD = /Electron could not be downloaded: the desktop app will not start here; browser mode \(npm run serve\) and tests work\./;

  it("skips Electron's own download script and runs it from postinstall instead", () => {
    expect(pkg.allowScripts.electron).toBe(false);
    expect(pkg.allowScripts['better-sqlite3']).toBe(true);
    expect(pkg.scripts.postinstall).toBe('node electron/scripts/install-electron.mjs');
  });

  it('passes with one clear line when the download fails, and quietly when it works', () => {
    const failing = run(project('install-electron.mjs', 'process.exit(1);'), 'install-electron.mjs');
    expect(failing.status).toBe(0);
    expect(failing.stdout.trim()).toMatch(FAILED_DOWNLOAD);

    const working = project(
      'install-electron.mjs',
      "const fs = require('node:fs'); fs.mkdirSync(__dirname + '/dist'); fs.writeFileSync(__dirname + '/dist/electron', ''); fs.writeFileSync(__dirname + '/path.txt', 'electron');",
    );
    const ok = run(working, 'install-electron.mjs');
    expect([ok.status, ok.stdout]).toEqual([0, '']);
    expect(fs.existsSync(path.join(working, 'node_modules', 'electron', 'path.txt'))).toBe(true);
  });

  it('cuts a stalled download off and still passes', () => {
    const stalled = run(project('install-electron.mjs', 'setInterval(() => {}, 1000);'), 'install-electron.mjs', { FIELDWORK_ELECTRON_INSTALL_TIMEOUT_MS: '500' });
    expect(stalled.status).toBe(0);
    expect(stalled.stdout.trim()).toMatch(FAILED_DOWNLOAD);
  });

  it('does nothing when Electron is not installed at all', () => {
    const none = run(project('install-electron.mjs'), 'install-electron.mjs');
    expect([none.status, none.stdout, none.stderr]).toEqual([0, '', '']);
  });

  it('starts Electron only when its binary exists, pointing to browser mode otherwise', () => {
    expect(pkg.scripts.start).toContain('electron/scripts/start-electron.mjs');
    const missing = run(project('start-electron.mjs', 'process.exit(1);'), 'start-electron.mjs');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Run Fieldwork in your browser instead: npm run serve');
    expect(missing.stderr).not.toMatch(/\n\s+at /); // a sentence, not a stack trace
  });

  it('pins the versions known to work together on Node 20', () => {
    expect(pkg.dependencies.lexical).toBe('0.52.0');
    expect(pkg.dependencies['@lexical/react']).toBe('0.52.0');
    expect(pkg.devDependencies.electron).toMatch(/^[~^]?39\./);
  });
});
