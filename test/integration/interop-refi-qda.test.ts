// The study as a REFI-QDA project, unzipped and parsed with a real XML parser: every
// reference resolves, every GUID has the standard's form, and every coded selection,
// cut out of its source's plain text by code points as the standard counts them,
// is exactly the finding's words (or its paragraph when the words were paraphrased),
// with Chinese, emoji sequences and characters outside the Basic Multilingual Plane.
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { QDA_NAMESPACE } from '../../shared/interop/refi-qda.js';
import { call } from '../helpers/call.js';
import { openTestLibrary, totalChanges } from '../helpers/library.js';
import { interopStudy, PARAGRAPHS } from '../fixtures/interop-study.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function parseXml(xml: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(xml, 'text/xml');
}

const all = (doc: Document | Element, name: string): Element[] => Array.from(doc.getElementsByTagNameNS(QDA_NAMESPACE, name));
const children = (parent: Element, name: string): Element[] => all(parent, name).filter((e) => e.parentNode === parent);
const attr = (e: Element, name: string) => e.getAttribute(name) ?? '';
/** What the standard's positions select: code points `start` (inclusive) to `end` (exclusive). */
const slice = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

async function exported() {
  const library = await openTestLibrary();
  const fixture = await interopStudy(library);
  const before = totalChanges(library);
  const file = await call(library, 'interop.exportRefiQda', { studyId: fixture.studyId });
  expect(totalChanges(library)).toBe(before);
  const entries = unzipSync(Buffer.from(file.base64, 'base64'));
  const xml = strFromU8(entries['project.qde']!);
  const doc = parseXml(xml);
  const sources = all(doc, 'TextSource').map((source) => ({
    element: source,
    // A source's text is in its file (plainTextPath), as the project carries it.
    content: strFromU8(entries[`sources/${attr(source, 'plainTextPath').slice('internal://'.length)}`] ?? new Uint8Array()),
    selections: children(source, 'PlainTextSelection'),
  }));
  const selection = (findingId: string) => {
    for (const source of sources) {
      const found = source.selections.find((s) => attr(s, 'guid') === findingId);
      if (found) return { source, element: found, text: slice(source.content, Number(attr(found, 'startPosition')), Number(attr(found, 'endPosition'))) };
    }
    return undefined;
  };
  return { library, fixture, file, entries, xml, doc, sources, selection };
}

describe('REFI-QDA project export', () => {
  it('is a zip holding project.qde in the QDA-XML namespace and each source\'s text', async () => {
    const { file, entries, doc, sources } = await exported();
    expect(file.fileName).toBe('购车旅程 Car journey.qdpx');
    const root = doc.documentElement!;
    expect(root.localName).toBe('Project');
    expect(root.namespaceURI).toBe(QDA_NAMESPACE);
    expect(attr(root, 'name')).toBe('购车旅程 / Car journey');
    expect(attr(root, 'origin')).toMatch(/^Fieldwork /);
    expect(Number.isNaN(Date.parse(attr(root, 'creationDateTime')))).toBe(false);
    // The schema's order of the project's parts.
    expect(Array.from(root.childNodes).filter((n) => n.nodeType === 1).map((n) => (n as Element).localName)).toEqual([
      'Users',
      'CodeBook',
      'Variables',
      'Cases',
      'Sources',
      'Links',
      'Description',
    ]);
    for (const source of sources) {
      const path = attr(source.element, 'plainTextPath');
      expect(path).toBe(`internal://${attr(source.element, 'guid')}.txt`);
      expect(strFromU8(entries[`sources/${path.slice('internal://'.length)}`]!)).toBe(source.content);
      expect(source.content.length).toBeGreaterThan(0);
      // Inline text or a path, never both (REFI-QDA 1.5, TextSource).
      expect(children(source.element, 'PlainTextContent')).toEqual([]);
    }
  });

  it('gives every object a unique GUID in 8-4-4-4-12 form, and every reference resolves', async () => {
    const { doc } = await exported();
    const everything = all(doc, '*');
    const guids = everything.filter((e) => e.hasAttribute('guid')).map((e) => attr(e, 'guid'));
    for (const guid of guids) expect(guid).toMatch(GUID);
    expect(new Set(guids).size).toBe(guids.length);
    const of = (name: string) => new Set(all(doc, name).map((e) => attr(e, 'guid')));
    const codes = of('Code');
    const users = of('User');
    const sources = of('TextSource');
    const variables = of('Variable');
    expect(all(doc, 'CodeRef').length).toBeGreaterThan(0);
    for (const ref of all(doc, 'CodeRef')) expect(codes.has(attr(ref, 'targetGUID'))).toBe(true);
    for (const ref of all(doc, 'VariableRef')) expect(variables.has(attr(ref, 'targetGUID'))).toBe(true);
    for (const ref of all(doc, 'SourceRef')) expect(sources.has(attr(ref, 'targetGUID'))).toBe(true);
    for (const e of everything.filter((x) => x.hasAttribute('creatingUser'))) expect(users.has(attr(e, 'creatingUser'))).toBe(true);
    expect(users.has(attr(doc.documentElement!, 'creatingUserGUID'))).toBe(true);
    for (const link of all(doc, 'Link')) {
      expect(codes.has(attr(link, 'originGUID'))).toBe(true);
      expect(codes.has(attr(link, 'targetGUID'))).toBe(true);
    }
    // Only codes that are codes, not taxonomy folders, are applied.
    const folders = new Set(all(doc, 'Code').filter((c) => attr(c, 'isCodable') === 'false').map((c) => attr(c, 'guid')));
    for (const ref of all(doc, 'CodeRef')) expect(folders.has(attr(ref, 'targetGUID'))).toBe(false);
  });

  it('selects exactly the finding\'s words, counted in code points, in Chinese and emoji', async () => {
    const { selection, fixture } = await exported();
    const price = selection(fixture.findings.priceQuote)!;
    expect(price.text).toBe('上牌费是最后才说的😡');
    const family = selection(fixture.findings.familySpan)!;
    expect(family.text).toBe('👨‍👩‍👧‍👦一起去试驾');
    // The paragraph opens with 𠀋 (two UTF-16 units, one code point): UTF-16 offsets would miss.
    const start = Number(attr(family.element, 'startPosition'));
    const utf16Start = family.source.content.indexOf('👨‍👩‍👧‍👦一起去试驾');
    expect(utf16Start).toBeGreaterThan(start);
    expect(family.source.content.slice(start, Number(attr(family.element, 'endPosition')))).not.toBe(family.text);
    // A paraphrase selects its whole paragraph.
    expect(selection(fixture.findings.waitParaphrase)!.text).toBe(PARAGRAPHS.wait);
    expect(selection(fixture.findings.formula)!.text).toBe(PARAGRAPHS.formula.slice(0, 30));
  });

  it('codes each finding with its stage, type, TERMS, tags and group', async () => {
    const { selection, doc, fixture } = await exported();
    const names = new Map(all(doc, 'Code').map((c) => [attr(c, 'guid'), attr(c, 'name')]));
    const codesOf = (findingId: string) => all(selection(findingId)!.element, 'CodeRef').map((r) => names.get(attr(r, 'targetGUID')));
    expect(codesOf(fixture.findings.priceQuote).sort()).toEqual(['E 情绪', 'M 金钱', '决策', '痛点', '隐藏费用', '费用不透明'].sort());
    expect(codesOf(fixture.findings.familySpan).sort()).toEqual(['Family <&> "decision"', 'Family decides', '考虑', '行为'].sort());
    const description = children(selection(fixture.findings.priceQuote)!.element, 'Description')[0]!.textContent;
    expect(description).toBe('上牌费是最后才说的😡');
  });

  it('nests tags, groups under their theme, and each taxonomy under a parent code', async () => {
    const { doc, fixture } = await exported();
    const top = children(children(children(doc.documentElement!, 'CodeBook')[0]!, 'Codes')[0]!, 'Code');
    expect(top.map((c) => attr(c, 'name'))).toEqual(['旅程阶段', 'TERMS 痛点类别', '发现类型', '标签', '亲和分组与主题']);
    for (const parent of top) expect(attr(parent, 'isCodable')).toBe('false');
    const byGuid = (guid: string) => all(doc, 'Code').find((c) => attr(c, 'guid') === guid)!;
    expect((byGuid(fixture.tags.child).parentNode as Element).getAttribute('guid')).toBe(fixture.tags.parent);
    expect(attr(byGuid(fixture.tags.parent), 'color')).toBe('#dc2626');
    expect((byGuid(fixture.groupId).parentNode as Element).getAttribute('guid')).toBe(fixture.themeId);
    expect(children(top[1]!, 'Code')).toHaveLength(5);
    expect(children(top[2]!, 'Code')).toHaveLength(8);
  });

  it('makes cases of the participants still in the study, with their attributes as text variables and their interviews', async () => {
    const { doc, fixture } = await exported();
    const variables = new Map(all(doc, 'Variable').map((v) => [attr(v, 'guid'), attr(v, 'name')]));
    for (const v of all(doc, 'Variable')) expect(attr(v, 'typeOfVariable')).toBe('Text');
    const cases = all(doc, 'Case');
    expect(cases.map((c) => attr(c, 'name'))).toEqual(['P01', 'P02']);
    const p1 = cases.find((c) => attr(c, 'guid') === fixture.participants.p1)!;
    const values = Object.fromEntries(
      children(p1, 'VariableValue').map((v) => [variables.get(attr(children(v, 'VariableRef')[0]!, 'targetGUID')), children(v, 'TextValue')[0]!.textContent]),
    );
    expect(values).toEqual({ 受访者来源: '自有客户', 年龄: '35-44', city: '上海', constructor: '7 seats' });
    expect(children(p1, 'SourceRef')).toHaveLength(1);
    const p2 = cases.find((c) => attr(c, 'guid') === fixture.participants.p2)!;
    expect(children(p2, 'VariableValue').map((v) => variables.get(attr(children(v, 'VariableRef')[0]!, 'targetGUID')))).toEqual(['受访者来源', '年龄', 'budget']);
  });

  it('leaves withdrawn participants and real names out, and keeps findings whose paragraph is gone', async () => {
    const { xml, selection, fixture, doc } = await exported();
    expect(xml).not.toContain(PARAGRAPHS.withdrawn);
    expect(xml).not.toContain('P03');
    expect(xml).not.toContain('王丽华');
    expect(xml).not.toContain('Zhao Min');
    expect(selection(fixture.findings.withdrawn)).toBeUndefined();
    const orphan = selection(fixture.findings.orphan)!;
    expect(orphan.text).toBe('A finding from a paragraph that is gone');
    expect(attr(orphan.source.element, 'name')).toBe('没有笔记段落的发现');
    // Every active finding is a selection somewhere.
    expect(all(doc, 'PlainTextSelection')).toHaveLength(5);
  });

  it('gives the same GUIDs when exported again', async () => {
    const { library, fixture, doc } = await exported();
    const again = await call(library, 'interop.exportRefiQda', { studyId: fixture.studyId });
    const second = parseXml(strFromU8(unzipSync(Buffer.from(again.base64, 'base64'))['project.qde']!));
    const guidsOf = (d: Document) => all(d, '*').filter((e) => e.hasAttribute('guid')).map((e) => attr(e, 'guid'));
    expect(guidsOf(second)).toEqual(guidsOf(doc));
  });
});
