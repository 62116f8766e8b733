// A small board for the layout tests, at a laptop's 1440×900: three groups (two in the
// first column, one in the fourth), six loose cards between them, in the given language.
import type { Page } from 'playwright-core';
import { createFinding } from '../../electron/core/db/repos/findings.js';
import type { RunningServer } from '../../electron/core/bridge/server.js';
import { call } from '../helpers/call.js';
import { pageUrl } from '../helpers/page-url.js';
import { openApp } from './fixture.js';

export async function setUpBoard(locale = 'en-US') {
  const app = await openApp({ seedSample: false, locale });
  const { library, page } = app;
  await page.setViewportSize({ width: 1440, height: 900 });
  const study = await call(library, 'study.create', { name: 'Board study' });
  const { stages } = await call(library, 'study.overview', { id: study.id });
  const p = await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P01' } });
  const add = (text: string, stage: number, terms: Array<'T' | 'M'> = []) =>
    createFinding(library.context.db, study.id, { text, type: 'pain_point', stageId: stages[stage]!.id, participantId: p.id, terms });
  const first = [add('等了三天才拿到报价', 0, ['T']), add('Hidden fees at signing', 0, ['M']), add('The salesperson pushed financing', 0)];
  const middle = Array.from({ length: 6 }, (_, i) => add(`Waited on the phone for the dealer, call ${i + 1}`, 0, ['T']));
  const last = [add('价格不透明', 0, ['M']), add('Quote changed at the desk', 0, ['M'])];
  const far = [add('Warranty terms were unclear', 3), add('Loan rate was hidden', 3, ['M'])];
  const a = await call(library, 'board.createGroup', { studyId: study.id, stageId: stages[0]!.id, name: 'Slow quotes', findingIds: first });
  const c = await call(library, 'board.createGroup', { studyId: study.id, stageId: stages[0]!.id, name: 'Hidden prices', findingIds: last });
  const b = await call(library, 'board.createGroup', { studyId: study.id, stageId: stages[3]!.id, name: 'Unclear terms', findingIds: far });
  return { ...app, study, stages, participant: p, groups: { a, b, c }, cards: { first, middle, last, far } };
}

export async function openBoard(page: Page, server: Pick<RunningServer, 'origin' | 'token'>, studyId: string) {
  await page.goto(pageUrl(server, `#/study/${studyId}/board`));
  await page.getByTestId('board').waitFor();
}

/** Whether the element's middle is the topmost thing drawn there (the mouse reaches it). */
export function reachable(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((selector) => {
    const el = document.querySelector(selector);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return Boolean(top && (top === el || el.contains(top)));
  }, selector);
}

/** Drags what `from` selects onto the middle of what `to` selects, with the mouse, as a person does. */
export async function drag(page: Page, from: string, to: string) {
  const a = (await page.locator(from).boundingBox())!;
  const b = (await page.locator(to).boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 12, a.y + a.height / 2 + 6, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 10 });
  await page.mouse.up();
}
