// Affinity board benchmarks with 5,000 findings on one board (and 50 for the baseline):
//   board.open_ms: navigation to all visible cards painted;
//   board.drag_max_frame_ms / board.drag_frame_p95_ms: frames from pointer-down
//     through the drop, including the drag start, from a page's second drag on;
//   board.first_drag_max_frame_ms: the same maximum for the page's first drag;
//   board.drop_to_durable_ms: drop to the row committed in SQLite.
import { generateNKeysBetween } from 'fractional-indexing';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../electron/core/bridge/server.js';
import type { Library } from '../../electron/core/library.js';
import { newId, nowIso } from '../../electron/core/db/ids.js';
import { percentile, round, type BenchResult } from './results.js';
import { pageUrl } from '../helpers/page-url.js';

const TEXTS = [
  '等了三天才拿到报价，销售一直说要请示经理',
  'Hidden fees appeared at signing: documentation, PDI, a "service pack"',
  '试驾路线太短，没上高架，不知道高速表现',
  'The finance desk quoted a flat rate without the effective rate',
  '老婆觉得后排太挤，孩子的安全座椅放不下',
  'Handover took two hours of paperwork before seeing the car',
];

/** Writes a board of `count` findings straight to the database: 7 columns, groups of 10. */
export function seedBoardForDebug(library: Library, count: number): string {
  return seedBoard(library, count);
}

function seedBoard(library: Library, count: number): string {
  const db = library.context.db;
  const studyId = (db.prepare("INSERT INTO study (id, name, created_at, updated_at) VALUES (?, 'Board bench', ?, ?) RETURNING id").get(newId(), nowIso(), nowIso()) as { id: string }).id;
  db.transaction(() => {
    const stages: Array<string | null> = [];
    const stageKeys = generateNKeysBetween(null, null, 6);
    for (let i = 0; i < 6; i++) {
      const id = newId();
      db.prepare('INSERT INTO journey_stage (id, study_id, name, position, created_at) VALUES (?, ?, ?, ?, ?)').run(id, studyId, `Stage ${i + 1}`, stageKeys[i], nowIso());
      stages.push(id);
    }
    stages.push(null);
    const participants = Array.from({ length: 12 }, (_, i) => {
      const id = newId();
      db.prepare("INSERT INTO participant (id, study_id, code, source, created_at) VALUES (?, ?, ?, 'own', ?)").run(id, studyId, `P${String(i + 1).padStart(2, '0')}`, nowIso());
      return id;
    });
    const perColumn = Math.ceil(count / stages.length);
    let made = 0;
    for (const [s, stageId] of stages.entries()) {
      const n = Math.min(perColumn, count - made);
      const groupCount = Math.floor(n / 20); // half the cards grouped in tens, half loose
      const groupKeys = generateNKeysBetween(null, null, Math.max(groupCount, 1));
      const groups = Array.from({ length: groupCount }, (_, g) => {
        const id = newId();
        db.prepare('INSERT INTO affinity_group (id, study_id, stage_id, name, color, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, studyId, stageId, `Group ${s}-${g}`, '#2f5d62', groupKeys[g], nowIso());
        return id;
      });
      const keys = generateNKeysBetween(null, null, n);
      for (let i = 0; i < n; i++) {
        const groupId = i < groupCount * 10 ? groups[Math.floor(i / 10)]! : null;
        db.prepare(
          `INSERT INTO finding (id, study_id, participant_id, text, type, stage_id, terms, group_id, position, created_at, updated_at)
           VALUES (?, ?, ?, ?, 'pain_point', ?, 'T', ?, ?, ?, ?)`,
        ).run(newId(), studyId, participants[(made + i) % participants.length], `${TEXTS[(made + i) % TEXTS.length]} #${made + i}`, stageId, groupId, keys[i], nowIso(), nowIso());
      }
      made += n;
    }
  })();
  return studyId;
}

/** Opens the board in a fresh document; returns ms from its navigation start to the cards painted. */
async function openBoard(page: Page, server: RunningServer, studyId: string): Promise<number> {
  // Leave first: going to the same address again would be a same-document (fragment)
  // navigation, and performance.now() would count from the earlier load.
  await page.goto('about:blank');
  await page.goto(pageUrl(server, `#/study/${studyId}/board`));
  await page.waitForFunction(() => document.querySelectorAll('.board-card').length >= 20);
  return page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))));
}

/** Drags the first loose card of column 1 into column 3; returns frame durations and the drop time. */
async function measuredDrag(
  page: Page,
  onPicked: (cardId: string) => void,
  untilDurable: () => Promise<number>,
): Promise<{ frames: number[]; droppedAt: number; durableMs: number; cardId: string }> {
  const card = page.locator('.board-column').nth(0).locator('.board-card').first();
  const cardId = (await card.getAttribute('data-card'))!;
  onPicked(cardId);
  const from = (await card.boundingBox())!;
  const to = (await page.locator('.board-column').nth(2).locator('.board-column-body').boundingBox())!;
  // A string, so the bundler's helpers for named functions do not leak into the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    window.addEventListener('pointerup', () => { window.__upAt = Date.now(); }, { once: true, capture: true });
  })()`);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 5, { steps: 2 });
  await page.mouse.move(to.x + to.width / 2, to.y + 40, { steps: 25 });
  // Watch the row from before the drop: the server shares this process, so it may commit
  // before the mouse-up call even returns. Both ends use the same wall clock.
  const committed = untilDurable();
  await page.mouse.up();
  const droppedAt = performance.now();
  const committedAt = await committed;
  const upAt = (await page.evaluate('window.__upAt')) as number;
  const durableMs = Math.max(0, committedAt - upAt);
  await page.waitForTimeout(200);
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames.slice(1);
  });
  return { frames, droppedAt, durableMs, cardId };
}

async function dragRuns(page: Page, library: Library, runs: number) {
  const frames: number[] = [];
  const maxima: number[] = [];
  const durable: number[] = [];
  let first = 0;
  const read = library.context.db.prepare('SELECT stage_id FROM finding WHERE id = ?');
  for (let i = 0; i < runs; i++) {
    const before = await page.evaluate(() => document.querySelectorAll('.board-card').length);
    let picked = '';
    let original: string | null = null;
    const { frames: f, durableMs } = await measuredDrag(
      page,
      (id) => {
        picked = id;
        original = (read.get(id) as { stage_id: string | null }).stage_id;
      },
      async () => {
        const start = Date.now();
        while ((read.get(picked) as { stage_id: string | null }).stage_id === original && Date.now() - start < 5000) {
          await new Promise((r) => setImmediate(r));
        }
        return Date.now();
      },
    );
    durable.push(durableMs);
    if (i === 0) first = Math.max(...f);
    if (i > 0) {
      // The first drag on a page is the slowest (cold JIT): measure from the second.
      frames.push(...f);
      maxima.push(Math.max(...f));
    }
    if (before === 0) break;
  }
  return { frames, max: Math.max(...maxima), first, durable };
}

export async function benchBoard(browser: Browser, server: RunningServer, library: Library): Promise<BenchResult[]> {
  const big = seedBoard(library, 5000);
  const small = seedBoard(library, 50);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await openBoard(page, server, big); // warm the caches once
  const opens: number[] = [];
  for (let i = 0; i < 3; i++) opens.push(await openBoard(page, server, big));
  const heavy = await dragRuns(page, library, 6);
  await openBoard(page, server, small);
  const light = await dragRuns(page, library, 6);
  await context.close();
  const p95 = percentile(heavy.frames, 95);
  const base = percentile(light.frames, 95);
  return [
    { name: 'board.open_ms', value: round(percentile(opens, 50), 0), unit: 'ms' },
    { name: 'board.drag_max_frame_ms', value: round(heavy.max, 1), unit: 'ms' },
    // A page's first drag, with the JIT still cold: what a researcher meets first.
    { name: 'board.first_drag_max_frame_ms', value: round(heavy.first, 1), unit: 'ms' },
    { name: 'board.drag_frame_p95_ms', value: round(p95, 1), unit: 'ms', baseline: round(base, 1), ratio: round(p95 / base, 2) },
    { name: 'board.drop_to_durable_ms', value: round(percentile(heavy.durable, 50), 0), unit: 'ms' },
  ];
}
