// Simplified and Traditional Chinese find each other through search.query: a researcher
// typing 客户 finds notes written 客戶, and 價格 finds 价格, with the highlight on the
// characters as they were written.
import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../shared/api/search.js';
import { noteFromParagraphs } from '../../shared/notes.js';
import { call } from '../helpers/call.js';
import { openTestLibrary } from '../helpers/library.js';
import { searchStudy } from '../fixtures/search-study.js';

const marked = (hit: SearchHit) => hit.snippet.highlights.map((h) => hit.snippet.text.slice(h.start, h.end));

async function setUp() {
  const library = await openTestLibrary();
  const fixture = await searchStudy(library);
  const content = noteFromParagraphs([
    { pid: 'trad', atMs: 0, text: '這位客戶說，門市的價格比網站上高。' },
    { pid: 'simp', atMs: 1000, text: '另一位客户觉得价格写得很清楚。' },
  ]);
  await call(library, 'note.save', { sessionId: fixture.sessions.P03, questionId: null, content });
  const finding = await call(library, 'finding.create', {
    sessionId: fixture.sessions.P03,
    questionId: null,
    paragraphKey: 'trad',
    text: '價格不透明，客戶不信任',
    type: 'pain_point',
    fields: {},
  });
  const search = async (text: string) => (await call(library, 'search.query', { studyId: fixture.study.id, limit: 200, text })).hits;
  return { search, findingId: finding.id };
}

const notes = (hits: readonly SearchHit[]) =>
  hits.flatMap((h) => (h.kind === 'note' && (h.paragraphKey === 'trad' || h.paragraphKey === 'simp') ? [`${h.paragraphKey}:${marked(h).join('|')}`] : [])).sort();

describe('search across Simplified and Traditional Chinese', () => {
  it('finds Traditional 客戶 for a Simplified query 客户, marking 客戶 as written', async () => {
    const { search, findingId } = await setUp();
    const hits = await search('客户');
    expect(notes(hits)).toEqual(['simp:客户', 'trad:客戶']);
    const finding = hits.find((h) => h.id === findingId);
    expect(finding && marked(finding)).toEqual(['客戶']);
  });

  it('finds Simplified 价格 for a Traditional query 價格, marking each form as written', async () => {
    const { search, findingId } = await setUp();
    const hits = await search('價格');
    expect(notes(hits)).toEqual(['simp:价格', 'trad:價格']);
    expect(hits.some((h) => h.kind === 'note' && h.participantCode === 'P02' && marked(h).includes('价格'))).toBe(true);
    const finding = hits.find((h) => h.id === findingId);
    expect(finding && marked(finding)).toEqual(['價格']);
  });

  it('finds a mixed-script query and single characters in either form', async () => {
    const { search } = await setUp();
    expect(notes(await search('客戶觉得'))).toEqual(['simp:客户觉得']);
    expect(notes(await search('門'))).toEqual(['trad:門']);
    expect(notes(await search('门市'))).toEqual(['trad:門市']);
  });
});
