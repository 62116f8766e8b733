// `npm run serve`: prints exactly one `Ready: <url>` line (the token in its fragment), serves the app at that
// url, closes the database cleanly on SIGTERM and on Ctrl+C (SIGINT), and listens
// beyond loopback only when asked with --allow-remote.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/library.js';
import { tempDir } from '../helpers/temp.js';

const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const CLI = path.join(REPO_ROOT, 'electron', 'core', 'bridge', 'serve-cli.ts');

async function runServe(extraArgs: string[] = []) {
  const dataDir = tempDir();
  const child = spawn(TSX, [CLI, '--data', dataDir, ...extraArgs], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no Ready line; got: ${stdout}`)), 20_000);
    child.stdout.on('data', () => {
      const match = /^Ready: (\S+)$/m.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  return { child, url, dataDir, exited, output: () => stdout, errors: () => stderr };
}

/** Runs the command to its end (a refusal), with its exit code and what it said on stderr. */
async function runToExit(args: string[]) {
  const child = spawn(TSX, [CLI, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stderr };
}

describe('npm run serve', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`prints one Ready line with the token in the link's fragment and closes cleanly on ${signal}`, async () => {
      const { child, url, dataDir, exited, output } = await runServe();
      // In the fragment, the token never leaves the browser: not in requests, logs or referrers.
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      const { origin, hash } = new URL(url);
      const token = new URLSearchParams(hash.slice(1)).get('token')!;
      const info = await fetch(`${origin}/api/app.info`, { method: 'POST', headers: { 'x-fieldwork-token': token }, body: '{}' });
      expect(info.status).toBe(200);

      child.kill(signal);
      expect(await exited).toBe(0);
      expect(output().trim().split('\n')).toEqual([`Ready: ${url}`]);
      // Closed cleanly: the write-ahead log was checkpointed into the database file.
      const wal = path.join(dataDir, 'fieldwork.sqlite-wal');
      expect(!fs.existsSync(wal) || fs.statSync(wal).size === 0).toBe(true);
      const db = new Database(path.join(dataDir, 'fieldwork.sqlite'), { readonly: true });
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
      // No page has started yet: the sample study waits for the UI's first start, to be made in its language.
      expect((db.prepare('SELECT count(*) n FROM study').get() as { n: number }).n).toBe(0);
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
      db.close();
    });
  }

  it('listens on the port given with --port', async () => {
    // A port that was free a moment ago: ask the system for one, then let it go.
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const { child, url, exited } = await runServe(['--port', String(port)]);
    expect(new URL(url).port).toBe(String(port));
    expect((await fetch(url)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses to listen beyond loopback without --allow-remote, saying how', async () => {
    const { code, stderr } = await runToExit(['--data', tempDir(), '--host', '0.0.0.0']);
    expect(code).toBe(1);
    expect(stderr).toContain('Refusing to listen on 0.0.0.0');
    expect(stderr).toContain('--allow-remote');
  });

  it('listens on every address with --allow-remote, warning on stderr and still printing one Ready line', async () => {
    const { child, url, exited, output, errors } = await runServe(['--host', '0.0.0.0', '--allow-remote']);
    expect(errors()).toContain('Warning: listening on 0.0.0.0');
    expect((await fetch(url)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output().trim().split('\n')).toEqual([`Ready: ${url}`]);
  });

  it('refuses a bad port with a clear message', async () => {
    const { code, stderr } = await runToExit(['--port', 'eighty']);
    expect(code).toBe(1);
    expect(stderr).toContain('--port must be a number');
  });
});
