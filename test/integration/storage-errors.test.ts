// When the disk refuses: a full disk and a read-only folder or file give typed errors
// the UI can say in the user's language, and nothing already saved is lost or changed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { call } from '../helpers/call.js';
import { openTestLibrary, REPO_ROOT } from '../helpers/library.js';
import { closedLibrary, sha256 } from '../helpers/library-files.js';
import { tempDir } from '../helpers/temp.js';
import { fillDisk, freeDisk } from '../helpers/full-disk.js';

const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const PROBE = path.join(REPO_ROOT, 'test', 'fixtures', 'library-probe.ts');
/** Root writes through any file permission, so as root the probe runs as the unprivileged user `nobody`. */
const NOBODY = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

interface Answer {
  ok: boolean;
  value?: { state?: string; problem?: { kind: string } | null } & Array<{ name: string }>;
  error?: { code: string; reason?: string };
}

/** Opens the library in `dataDir` in another process that cannot write there, and reports what happened. */
function probe(dataDir: string): Promise<Record<'status' | 'list' | 'create' | 'snapshot', Answer>> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [PROBE, dataDir], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HOME: os.tmpdir() }, ...NOBODY });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as Record<'status' | 'list' | 'create' | 'snapshot', Answer>);
      else reject(new Error(`probe exited with ${code}: ${err || out}`));
    });
  });
}

/** Makes a folder and its files read-only for the probe; undone after, so the folder can be removed. */
function readOnlyFolder(dir: string): () => void {
  const files = fs.readdirSync(dir).map((name) => path.join(dir, name));
  for (const file of files) fs.chmodSync(file, 0o444);
  fs.chmodSync(dir, 0o555);
  return () => {
    fs.chmodSync(dir, 0o755);
    for (const file of files) fs.chmodSync(file, 0o644);
  };
}

describe('storage errors', () => {
  it('opens a library in a folder that cannot be written read-only, and changes nothing there', async () => {
    const { dataDir, file } = await closedLibrary('Kept safe');
    const before = sha256(file);
    const listing = fs.readdirSync(dataDir).sort();
    const undo = readOnlyFolder(dataDir);
    try {
      const report = await probe(dataDir);
      expect(report.status).toMatchObject({ ok: true, value: { state: 'read_only', problem: { kind: 'read_only_folder' } } });
      expect(report.list.ok).toBe(true);
      expect(report.list.value!.map((s) => s.name)).toContain('Kept safe');
      expect(report.create).toMatchObject({ ok: false, error: { code: 'read_only' } });
      expect(report.snapshot).toMatchObject({ ok: false, error: { code: 'read_only' } });
    } finally {
      undo();
    }
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(dataDir).sort()).toEqual(listing);
  });

  it('says so when a folder that cannot be written holds no library to read', async () => {
    const dataDir = tempDir();
    const undo = readOnlyFolder(dataDir);
    try {
      const report = await probe(dataDir);
      expect(report.status).toMatchObject({ ok: true, value: { state: 'unavailable', problem: { kind: 'read_only_folder' } } });
      expect(report.list).toMatchObject({ ok: false, error: { code: 'storage', reason: 'snapshots.library_unavailable' } });
    } finally {
      undo();
    }
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('reports a full disk as a typed error, writes nothing, and writes again once there is room', async () => {
    const library = await openTestLibrary();
    const study = await call(library, 'study.create', { name: 'Before the disk filled up' });
    const { db } = library.context;
    // A disk with no room left: the database may not grow by a single page.
    fillDisk(db);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const refused = await library.dispatch('study.update', { id: study.id, goal: '很长的研究目标 '.repeat(200) });
    const alsoRefused = await library.dispatch('study.create', { name: 'Another', goal: '很长的研究目标 '.repeat(200) });
    quiet.mockRestore();
    expect(refused).toMatchObject({ ok: false, error: { code: 'storage', reason: 'snapshots.disk_full' } });
    expect(alsoRefused).toMatchObject({ ok: false, error: { code: 'storage', reason: 'snapshots.disk_full' } });
    expect((refused as { error: { message: string } }).error.message).toMatch(/disk is full/);
    expect(await call(library, 'study.list', {})).toMatchObject([{ id: study.id, name: 'Before the disk filled up', goal: '' }]);

    freeDisk(db);
    expect((await call(library, 'study.update', { id: study.id, goal: '很长的研究目标' })).goal).toBe('很长的研究目标');
  });

  it('reports a library made read-only while open as a typed error and loses nothing', async () => {
    const library = await openTestLibrary();
    const study = await call(library, 'study.create', { name: 'Open when the folder locked' });
    // The connection now refuses writes with SQLITE_READONLY, as when the file is locked under the app.
    library.context.db.pragma('query_only = ON');
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const refused = await library.dispatch('study.rename', { id: study.id, name: 'Renamed' });
    quiet.mockRestore();
    expect(refused).toMatchObject({ ok: false, error: { code: 'storage', reason: 'snapshots.read_only_folder' } });
    library.context.db.pragma('query_only = OFF');
    expect((await call(library, 'study.list', {})).map((s) => s.name)).toEqual(['Open when the folder locked']);
  });
});
