// The search index stays current with every edit (it is maintained by triggers in the
// same transaction), hides what must not be found, applies its filters, and returns
// hits that open in place with safe highlight ranges.
import { describe, expect, it } from 'vitest';
import type { Library } from '../../electron/core/library.js';
import type { OperationInput } from '../../shared/api/contract.js';
import type { SearchHit } from '../../shared/api/search.js';
import { newId, nowIso } from '../../electron/core/db/ids.js';
import { noteFromParagraphs } from '../../shared/notes.js';
import { call } from '../helpers/call.js';
import { openTestLibrary } from '../helpers/library.js';
import { NOTE_PARAGRAPHS, paragraphKeyOf, searchStudy } from '../fixtures/search-study.js';

type Query = Omit<OperationInput<'search.query'>, 'text'>;

async function setUp() {
  const library = await openTestLibrary();
  const fixture = await searchStudy(library);
  const search = async (text: string, query: Query = {}) =>
    (await call(library, 'search.query', { studyId: fixture.study.id, limit: 200, ...query, text })).hits;
  return { library, fixture, search, studyId: fixture.study.id };
}

const kinds = (hits: readonly SearchHit[]) => hits.map((h) => `${h.kind}:${h.title}`);
const ids = (hits: readonly SearchHit[]) => hits.map((h) => h.id).sort();

async function finding(library: Library, sessionId: string, text: string, fields: OperationInput<'finding.create'>['fields'] = {}) {
  return call(library, 'finding.create', { sessionId, questionId: null, paragraphKey: null, text, type: 'pain_point', fields });
}

/** A persona named 精打细算的李姐 with one statement, written straight to the tables (as an import would). */
function insertPersona(library: Library, studyId: string, p: { occupation: string; description: string; list: string; item: string }) {
  const db = library.context.db;
  const personaId = newId();
  const itemId = newId();
  db.prepare(
    `INSERT INTO persona (id, study_id, name, occupation, description, position, created_at, updated_at)
     VALUES (?, ?, '精打细算的李姐', ?, ?, 'a0', ?, ?)`,
  ).run(personaId, studyId, p.occupation, p.description, nowIso(), nowIso());
  db.prepare("INSERT INTO persona_item (id, persona_id, list, text, position) VALUES (?, ?, ?, ?, 'a0')").run(itemId, personaId, p.list, p.item);
  return { personaId, itemId };
}

describe('search index kept current', () => {
  it('follows edits to a note: changed, added and removed paragraphs', async () => {
    const { library, fixture, search } = await setUp();
    const texts = [...NOTE_PARAGRAPHS.P01];
    texts[0] = '等了三天才拿到询价结果，销售一直说要请示经理。';
    texts.splice(2, 1); // the test-drive paragraph goes
    texts.push('New paragraph about warranty terms.');
    const content = noteFromParagraphs(texts.map((text, i) => ({ pid: i === texts.length - 1 ? 'added' : paragraphKeyOf('P01', i >= 2 ? i + 1 : i), atMs: i, text })));
    await call(library, 'note.save', { sessionId: fixture.sessions.P01, questionId: fixture.questionId, content });
    expect(await search('报价')).toEqual([]);
    expect((await search('询价')).map((h) => h.kind === 'note' && h.paragraphKey)).toEqual([paragraphKeyOf('P01', 0)]);
    expect(await search('试驾路线')).toEqual([]);
    expect((await search('warranty')).map((h) => h.kind === 'note' && h.paragraphKey)).toEqual(['added']);
    expect((await search('后排')).map((h) => h.kind === 'note' && h.paragraphKey)).toEqual([paragraphKeyOf('P01', 4)]);
  });

  it('follows findings created, edited and deleted', async () => {
    const { library, fixture, search } = await setUp();
    const created = await finding(library, fixture.sessions.P02, '金融专员反复推销贷款');
    expect(ids(await search('推销', { kinds: ['finding'] }))).toEqual([created.id]);
    await call(library, 'finding.update', { id: created.id, fields: { text: 'Loan pushed again and again' } });
    expect(await search('推销', { kinds: ['finding'] })).toEqual([]);
    expect(ids(await search('loan', { kinds: ['finding'] }))).toEqual([created.id]);
    await call(library, 'finding.delete', { id: created.id });
    expect(await search('loan')).toEqual([]);
  });

  it('drops a withdrawn participant\'s notes, findings and code, and brings them back when reinstated', async () => {
    const { library, fixture, search } = await setUp();
    await finding(library, fixture.sessions.P02, '提车那天被临时加价');
    const before = kinds(await search('提车'));
    expect(before).toEqual(expect.arrayContaining(['note:P02', 'finding:P02']));
    await call(library, 'participant.setWithdrawn', { id: fixture.participants.P02, withdrawn: true });
    expect(await search('提车')).toEqual([]);
    expect(await search('P02', { kinds: ['participant'] })).toEqual([]);
    await call(library, 'participant.setWithdrawn', { id: fixture.participants.P02, withdrawn: false });
    expect(kinds(await search('提车')).sort()).toEqual([...before].sort());
  });

  it('follows board groups and themes, including undo and redo', async () => {
    const { library, search, studyId } = await setUp();
    const group = await call(library, 'board.createGroup', { studyId, stageId: null, name: '报价拖延', findingIds: [] });
    const theme = await call(library, 'board.createTheme', { studyId, name: 'Opaque pricing', groupIds: [group.id] });
    expect(kinds(await search('报价', { kinds: ['group'] }))).toEqual(['group:报价拖延']);
    expect(kinds(await search('opaque'))).toEqual(['theme:Opaque pricing']);
    await call(library, 'board.updateGroup', { id: group.id, fields: { name: 'Slow quotes' } });
    expect(await search('拖延')).toEqual([]);
    await call(library, 'board.undo', { studyId }); // the rename
    expect(kinds(await search('拖延'))).toEqual(['group:报价拖延']);
    await call(library, 'board.undo', { studyId }); // the theme
    await call(library, 'board.undo', { studyId }); // the group
    expect(await search('拖延')).toEqual([]);
    expect(await search('opaque')).toEqual([]);
    await call(library, 'board.redo', { studyId });
    expect(kinds(await search('拖延'))).toEqual(['group:报价拖延']);
    expect(theme.name).toBe('Opaque pricing');
  });

  it('finds personas and their statements, written by any path', async () => {
    const { library, search, studyId } = await setUp();
    const { personaId, itemId } = insertPersona(library, studyId, { occupation: 'Accountant', description: '两个孩子的妈妈', list: 'goals', item: '一次把所有费用谈清楚' });
    expect(await search('李姐')).toMatchObject([{ kind: 'persona', id: personaId, itemId: null, title: '精打细算的李姐' }]);
    expect(await search('accountant')).toMatchObject([{ kind: 'persona', id: personaId }]);
    expect(await search('费用谈清楚')).toMatchObject([{ kind: 'persona', id: personaId, itemId, list: 'goals', title: '精打细算的李姐' }]);
    library.context.db.prepare('DELETE FROM persona WHERE id = ?').run(personaId);
    expect(await search('费用谈清楚')).toEqual([]);
  });

  it('lists a persona once when both its description and one of its statements match, opening at the best match', async () => {
    const { library, search, studyId } = await setUp();
    const { personaId } = insertPersona(library, studyId, { occupation: '', description: 'Always asks for an itemised quote', list: 'scenarios', item: 'Brings a printed quote to every showroom' });
    const hits = (await search('quote')).filter((h) => h.kind === 'persona');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ id: personaId, title: '精打细算的李姐' });
  });

  it('finds participants by code and attributes but never by real name or contact', async () => {
    const { fixture, search } = await setUp();
    expect(await search('P01', { kinds: ['participant'] })).toMatchObject([{ kind: 'participant', id: fixture.participants.P01, title: 'P01' }]);
    expect(await search('上海')).toMatchObject([{ kind: 'participant', id: fixture.participants.P03 }]);
    expect(await search('张伟')).toEqual([]);
    expect(await search('Zhang Wei')).toEqual([]);
    expect(await search('zhangwei')).toEqual([]);
  });

  it('finds guide questions of the newest version only, and tags until they go to the trash', async () => {
    const { library, fixture, search, studyId } = await setUp();
    const guide = (await call(library, 'guide.get', { studyId }))!;
    const question = guide.sections[0]!.questions[0]!;
    const word = question.text.split(/\s+/).find((w) => w.length > 5)!;
    expect((await search(word, { kinds: ['question'] })).map((h) => h.id)).toContain(question.id);
    const draft = await call(library, 'guide.newVersion', { guideId: guide.guideId });
    const copy = draft.sections[0]!.questions[0]!;
    await call(library, 'guide.updateQuestion', { questionId: copy.id, fields: { text: '您最近一次买车是什么时候？', keywords: ['购车时间'] } });
    const hits = await search('买车', { kinds: ['question'] });
    expect(hits).toMatchObject([{ kind: 'question', id: copy.id, versionId: draft.version.id, sectionId: copy.sectionId, guideId: guide.guideId }]);
    expect(ids(await search('购车时间'))).toEqual([copy.id]);
    expect((await search(word, { kinds: ['question'] })).map((h) => h.id)).not.toContain(question.id);
    expect(fixture.questionId).toBe(question.id);

    const tag = await call(library, 'tag.create', { studyId, fields: { name: '价格透明', definition: 'Whether the full price is clear up front' } });
    expect(ids(await search('透明'))).toEqual([tag.id]);
    expect(ids(await search('up front'))).toEqual([tag.id]);
    await call(library, 'tag.delete', { id: tag.id });
    expect(await search('透明')).toEqual([]);
  });

  it('hides studies in the trash and forgets purged ones', async () => {
    const { library, search, studyId } = await setUp();
    await call(library, 'study.delete', { id: studyId });
    expect(await search('报价', { studyId: undefined })).toEqual([]);
    await call(library, 'study.restore', { id: studyId });
    expect((await search('报价')).length).toBeGreaterThan(0);
    await call(library, 'study.delete', { id: studyId });
    await call(library, 'study.purge', { id: studyId });
    expect(library.context.db.prepare('SELECT count(*) AS n FROM search_doc').get()).toEqual({ n: 0 });
  });
});

describe('search results', () => {
  it('searches every study when none is given, naming each hit\'s study', async () => {
    const library = await openTestLibrary();
    const one = await searchStudy(library, 'First');
    const two = await searchStudy(library, '第二个研究');
    const hits = (await call(library, 'search.query', { text: '报价', kinds: ['note'] })).hits;
    expect(hits.map((h) => [h.studyId, h.studyName]).sort()).toEqual(
      [
        [one.study.id, 'First'],
        [two.study.id, '第二个研究'],
      ].sort(),
    );
  });

  it('gives a note hit what opening it in its session needs, and highlight ranges into the snippet', async () => {
    const { fixture, search } = await setUp();
    const [hit] = await search('报价');
    expect(hit).toMatchObject({
      kind: 'note',
      id: fixture.notes.P01,
      sessionId: fixture.sessions.P01,
      questionId: fixture.questionId,
      paragraphKey: paragraphKeyOf('P01', 0),
      participantId: fixture.participants.P01,
      participantCode: 'P01',
      title: 'P01',
    });
    const { text, highlights } = hit!.snippet;
    expect(highlights.map((h) => text.slice(h.start, h.end))).toEqual(['报价']);
    const [english] = await search('FEE');
    expect(english!.snippet.highlights.map((h) => english!.snippet.text.slice(h.start, h.end))).toEqual(['fees']);
  });

  it('gives every hit a key of its own, the same in the next answer, also for several paragraphs of one note', async () => {
    const { fixture, search } = await setUp();
    const hits = await search('价');
    const fromP01 = hits.filter((h) => h.kind === 'note' && h.id === fixture.notes.P01);
    expect(fromP01.length).toBeGreaterThan(1);
    const keys = hits.map((h) => h.key);
    expect(new Set(keys).size).toBe(hits.length);
    expect((await search('价')).map((h) => h.key)).toEqual(keys);
  });

  it('applies the filters: kinds, stage, TERMS, tag, participant and dates', async () => {
    const { library, fixture, search, studyId } = await setUp();
    const tag = await call(library, 'tag.create', { studyId, fields: { name: 'Fees' } });
    const stage = fixture.stages[2]!.id;
    const money = await finding(library, fixture.sessions.P01, '服务费 surprise at signing', { stageId: stage, terms: ['M'], tagIds: [tag.id] });
    const time = await finding(library, fixture.sessions.P02, '服务费 took days to explain', { stageId: fixture.stages[3]!.id, terms: ['T'] });
    const group = await call(library, 'board.createGroup', { studyId, stageId: stage, name: '服务费不透明', findingIds: [] });

    expect(ids(await search('服务费', { kinds: ['finding'] }))).toEqual([money.id, time.id].sort());
    expect(ids(await search('服务费', { stageId: stage }))).toEqual([money.id, group.id].sort());
    expect(ids(await search('服务费', { terms: ['T', 'R'] }))).toEqual([time.id]);
    expect(ids(await search('服务费', { tagId: tag.id }))).toEqual([money.id]);
    const byP02 = await search('服务费', { participantId: fixture.participants.P02 });
    expect(ids(byP02)).toEqual([time.id]);
    const all = await search('服务费');
    expect(all.map((h) => h.kind).sort()).toEqual(['finding', 'finding', 'group', 'note']);
    expect(await search('服务费', { to: '2000-01-01T00:00:00.000Z' })).toEqual([]);
    expect((await search('服务费', { from: '2000-01-01T00:00:00.000Z' })).length).toBe(all.length);
    expect(await search('服务费', { from: new Date(Date.now() + 86_400_000).toISOString() })).toEqual([]);
  });

  it('ranks a group named by the words above passages that merely mention them, and pages with `more`', async () => {
    const { library, search, studyId } = await setUp();
    await call(library, 'board.createGroup', { studyId, stageId: null, name: '报价', findingIds: [] });
    const hits = await search('报价');
    expect(hits[0]).toMatchObject({ kind: 'group', title: '报价' });
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
    const page = await call(library, 'search.query', { studyId, text: '的', limit: 1 });
    expect(page.hits).toHaveLength(1);
    expect(page.more).toBe(true);
  });

  it('answers an empty or punctuation-only query with nothing, and refuses an unknown study', async () => {
    const { library, search } = await setUp();
    expect(await search('')).toEqual([]);
    expect(await search(' ，。!? ')).toEqual([]);
    const result = await library.dispatch('search.query', { studyId: newId(), text: '报价' });
    expect(result.ok).toBe(false);
  });
});
