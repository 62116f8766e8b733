// Live team session benchmarks on a 5,000-card board, guests over HTTPS on loopback:
//   team.move_visible_p95_ms: a move by one of 30 simulated guests (a process of their
//     own) until every other guest has received it;
//   team.cursor_p95_ms: each of those guests moving its pointer ten times a second, a
//     position until each other guest has it;
//   team.host_extra_rss_mb: what those 30 guests add to the host's memory;
//   team.join_ms: a guest in Chromium from opening the link to the board painted (the
//     name typed at once).
import { fork } from 'node:child_process';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../../electron/core/bridge/server.js';
import type { Library } from '../../electron/core/library.js';
import type { TeamStatus } from '../../shared/api/team.js';
import { seedBoardForDebug } from './board.js';
import { percentile, round, type BenchResult } from './results.js';

const GUESTS = 30;
const ROUNDS = 60;

async function call<T>(library: Library, name: string, input: unknown): Promise<T> {
  const result = await library.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

const settle = async () => {
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setTimeout(resolve, 500));
  (globalThis as { gc?: () => void }).gc?.();
};

export async function benchTeam(browser: Browser, _server: RunningServer, library: Library): Promise<BenchResult[]> {
  const studyId = seedBoardForDebug(library, 5000);
  const status = await call<TeamStatus>(library, 'team.start', { studyId, ip: '127.0.0.1' });
  const certificate = (library.context.db.prepare('SELECT certificate FROM team_session WHERE ended_at IS NULL').get() as { certificate: string }).certificate;
  const editorLink = new URL(status.links.find((l) => l.role === 'editor')!.url);
  const invitation = new URLSearchParams(editorLink.hash.slice(editorLink.hash.indexOf('?') + 1)).get('invitation')!;
  const cards = (library.context.db.prepare('SELECT id FROM finding WHERE study_id = ? LIMIT 200').pluck().all(studyId) as string[]);
  const stageIds = library.context.db.prepare('SELECT id FROM journey_stage WHERE study_id = ?').pluck().all(studyId) as string[];

  try {
    await settle();
    const before = process.memoryUsage().rss;
    // The most the host holds while the guests are in, sampled as they join, move and point.
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const child = fork(path.join(import.meta.dirname, 'team-guests.ts'), [JSON.stringify({ origin: editorLink.origin, invitation, ca: certificate, count: GUESTS, rounds: ROUNDS, studyId, cards, stageIds })], {
      execArgv: ['--import', 'tsx'],
      stdio: 'inherit',
    });
    const messages: Array<{ type: string; visible?: number[]; pointers?: number[] }> = [];
    const next = (type: string) =>
      new Promise<{ type: string; visible?: number[]; pointers?: number[] }>((resolve, reject) => {
        const found = messages.find((m) => m.type === type);
        if (found) return resolve(found);
        const onMessage = (message: { type: string }) => {
          if (message.type === type) resolve(message);
        };
        child.on('message', onMessage);
        child.once('exit', (code) => (code ? reject(new Error(`guests exited with ${code}`)) : undefined));
      });
    child.on('message', (m: { type: string }) => messages.push(m));
    await next('joined');
    child.send({ type: 'move' });
    const done = await next('done');
    const visible = done.visible ?? [];
    clearInterval(sampler);
    child.kill();

    // A guest in Chromium: the link opened, the name typed at once, the board painted.
    const joins: number[] = [];
    for (let i = 0; i < 3; i++) {
      // A new browser each time: a guest who has never joined.
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, ignoreHTTPSErrors: true });
      const page = await context.newPage();
      const start = Date.now();
      await page.goto(status.links.find((l) => l.role === 'viewer')!.url);
      await page.getByRole('textbox').fill(`Chromium guest ${i + 1}`);
      await page.getByRole('textbox').press('Enter');
      await page.waitForFunction(() => document.querySelectorAll('.board-card').length >= 20);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      joins.push(Date.now() - start);
      await context.close();
    }

    return [
      { name: 'team.move_visible_p95_ms', value: round(percentile(visible, 95), 1), unit: 'ms' },
      { name: 'team.cursor_p95_ms', value: round(percentile(done.pointers ?? [], 95), 1), unit: 'ms' },
      { name: 'team.host_extra_rss_mb', value: round((peak - before) / 1024 / 1024, 1), unit: 'MB' },
      { name: 'team.join_ms', value: round(percentile(joins, 50), 0), unit: 'ms' },
    ];
  } finally {
    await library.dispatch('team.end', {});
  }
}
