// Persona and journey-map documents exported from a real library and checked as
// files: the PDF's text (pdftotext), the DOCX's document.xml, HTML with no markup
// from user text, the PNG's signature and width; footnotes, hidden real names and
// withdrawn participants; labels in the study's language.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { OperationOutput } from '../../shared/api/contract.js';
import { journeyImageWidth } from '../../shared/export/journey-html.js';
import { personaStudy } from '../fixtures/persona-study.js';
import { call, failure } from '../helpers/call.js';
import { openTestLibrary } from '../helpers/library.js';
import { tempDir } from '../helpers/temp.js';

const NAME = '谨慎的家庭换车者';
const QUOTE = '“他是第一个问我家里情况的销售。”';
const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';

async function setUp(printers = false) {
  const library = await openTestLibrary({ printPdf: printers });
  const built = await personaStudy(library);
  const { findings, study, stages } = built;
  let persona = await call(library, 'persona.create', {
    studyId: study.id,
    name: NAME,
    members: { kind: 'segment', segment: { attributes: [{ dimension: 'demographic', name: 'age band', values: ['35-44'] }] } },
    fields: { age: '35-44', occupation: '财务经理', income: '中高', description: '为二胎换七座车，王丽华这样的妈妈最在意总价。', avatar: 'generated:amber' },
  });
  persona = await call(library, 'persona.addItem', { personaId: persona.id, list: 'quotes', text: QUOTE, evidence: [findings[3]!] });
  persona = await call(library, 'persona.addItem', { personaId: persona.id, list: 'challenges', text: `费用不透明 ${SCRIPT}`, evidence: [findings[0]!, findings[1]!] });
  persona = await call(library, 'persona.addItem', { personaId: persona.id, list: 'goals', text: `总价可控 ${IMG}` });
  const map = await call(library, 'journey.get', { studyId: study.id });
  await call(library, 'journey.update', { mapId: map.id, title: '换车之旅', personaId: persona.id });
  await call(library, 'journey.setEmotion', { mapId: map.id, stageId: stages[2]!.id, score: -2 });
  await call(library, 'journey.setEmotion', { mapId: map.id, stageId: stages[3]!.id, score: 1 });
  await call(library, 'journey.addItem', { mapId: map.id, stageId: stages[2]!.id, lane: 'pain_points', text: `隐藏费用 ${IMG}`, terms: ['M', 'E'], evidence: [findings[0]!] });
  await call(library, 'journey.addItem', { mapId: map.id, stageId: stages[1]!.id, lane: 'thinking', text: `比较 ${SCRIPT}`, evidence: [findings[7]!] });
  return { library, ...built, persona, map };
}

const text = (file: OperationOutput<'persona.export'>) => Buffer.from(file.base64, 'base64').toString('utf8');
const bytes = (file: OperationOutput<'persona.export'>) => Buffer.from(file.base64, 'base64');
const documentXml = (file: OperationOutput<'persona.export'>) => strFromU8(unzipSync(new Uint8Array(bytes(file)))['word/document.xml']!);
const footnotesXml = (file: OperationOutput<'persona.export'>) => strFromU8(unzipSync(new Uint8Array(bytes(file)))['word/footnotes.xml']!);

function pdfTool(tool: 'pdftotext' | 'pdfinfo', file: OperationOutput<'persona.export'>): string {
  const at = path.join(tempDir(), 'export.pdf');
  fs.writeFileSync(at, bytes(file));
  return execFileSync(tool, tool === 'pdftotext' ? [at, '-'] : [at], { encoding: 'utf8' });
}

/** Markup a browser would run or load: script elements and on* attributes inside real tags. */
function activeMarkup(html: string): string[] {
  return [...html.matchAll(/<script\b|<[^>]*\son[a-z]+\s*=/gi)].map((m) => m[0]);
}

describe('persona and journey-map documents', () => {
  it('prints the persona to a PDF whose text holds its Chinese name and quote', async () => {
    const { library, persona } = await setUp(true);
    const file = await call(library, 'persona.export', { personaId: persona.id, format: 'pdf' });
    expect(file).toMatchObject({ fileName: `${NAME}.pdf`, mimeType: 'application/pdf' });
    const pdfText = pdfTool('pdftotext', file).replace(/\s+/g, '');
    expect(pdfText).toContain(NAME);
    expect(pdfText).toContain(QUOTE);
    expect(pdfTool('pdfinfo', file)).toMatch(/Page size:\s+59\d\.\d+ x 84\d\.\d+ pts \(A4\)/);
  });

  it('prints the journey map landscape, with its title and a Chinese finding in the text', async () => {
    const { library, map } = await setUp(true);
    const file = await call(library, 'journey.export', { mapId: map.id, format: 'pdf' });
    expect(pdfTool('pdfinfo', file)).toMatch(/Page size:\s+84\d\.\d+ x 59\d\.\d+ pts \(A4\)/);
    const pdfText = pdfTool('pdftotext', file).replace(/\s+/g, '');
    expect(pdfText).toContain('换车之旅');
    expect(pdfText).toContain('落地价算不清');
  });

  it('writes the persona as a Word document whose document.xml holds its Chinese name and quote, with evidence as footnotes', async () => {
    const { library, persona } = await setUp();
    const file = await call(library, 'persona.export', { personaId: persona.id, format: 'docx' });
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = documentXml(file);
    expect(xml).toContain(NAME);
    expect(xml).toContain(QUOTE);
    expect(xml).toContain('&lt;script&gt;'); // user text is text, even in Word
    expect(xml.match(/<w:footnoteReference /g)).toHaveLength(3);
    expect(footnotesXml(file)).toContain('落地价算不清');
  });

  it('writes the journey map as a landscape Word table with TERMS and the emotion scores', async () => {
    const { library, map } = await setUp();
    const xml = documentXml(await call(library, 'journey.export', { mapId: map.id, format: 'docx' }));
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('[E] ');
    expect(xml).toContain('隐藏费用');
    expect(xml).toContain('▼▼');
  });

  it('escapes every user string in HTML: no script or event handler from a persona or journey item', async () => {
    const { library, persona, map } = await setUp();
    for (const file of [
      await call(library, 'persona.export', { personaId: persona.id, format: 'html' }),
      await call(library, 'journey.export', { mapId: map.id, format: 'html' }),
    ]) {
      const html = text(file);
      expect(activeMarkup(html)).toEqual([]);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(html).toContain(`default-src 'none'`); // and a policy that would block them anyway
    }
  });

  it('escapes user text in Markdown so no HTML gets through', async () => {
    const { library, persona, map } = await setUp();
    for (const markdown of [
      text(await call(library, 'persona.export', { personaId: persona.id, format: 'markdown' })),
      text(await call(library, 'journey.export', { mapId: map.id, format: 'markdown' })),
    ]) {
      expect(markdown).not.toMatch(/<script|<img/);
      expect(markdown).toContain('&lt;script\\>');
    }
  });

  it('renders the journey map to a PNG wide enough for its stages', async () => {
    const { library, map, stages } = await setUp(true);
    const file = await call(library, 'journey.export', { mapId: map.id, format: 'png' });
    const png = bytes(file);
    expect(file.mimeType).toBe('image/png');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(journeyImageWidth(stages.length));
    expect(png.readUInt32BE(20)).toBeGreaterThan(400);
  });

  it('numbers evidence as footnotes by default and leaves them out when asked', async () => {
    const { library, persona, map } = await setUp();
    const on = text(await call(library, 'persona.export', { personaId: persona.id, format: 'html' }));
    expect(on).toContain('<sup class="fn"><a href="#note-1">1</a>,<a href="#note-2">2</a></sup>');
    expect(on).toMatch(/<li id="note-1"><span class="who">P01<\/span>：落地价算不清/);
    const off = { footnotes: false };
    expect(text(await call(library, 'persona.export', { personaId: persona.id, format: 'html', options: off }))).not.toMatch(/class="fn"|class="notes"|落地价算不清/);
    expect(text(await call(library, 'persona.export', { personaId: persona.id, format: 'markdown', options: off }))).not.toContain('[^');
    expect(text(await call(library, 'journey.export', { mapId: map.id, format: 'markdown' }))).toMatch(/\[\^1\]: \*\*P03\*\*：先看[^]*\[\^2\]: \*\*P01\*\*：落地价算不清/);
    expect(documentXml(await call(library, 'journey.export', { mapId: map.id, format: 'docx', options: off }))).not.toContain('footnoteReference');
  });

  it('hides participants\' real names by default, also inside typed text, and shows them only when asked', async () => {
    const { library, persona } = await setUp();
    for (const format of ['html', 'markdown'] as const) {
      const hidden = text(await call(library, 'persona.export', { personaId: persona.id, format }));
      expect(hidden).not.toContain('王丽华');
      expect(hidden).toContain('P01这样的妈妈'); // the name typed in the description became the code
    }
    expect(documentXml(await call(library, 'persona.export', { personaId: persona.id, format: 'docx' }))).not.toContain('王丽华');
    const shown = text(await call(library, 'persona.export', { personaId: persona.id, format: 'html', options: { hideRealNames: false } }));
    expect(shown).toContain('P01（王丽华）'); // full-width brackets in a Chinese document
    expect(shown).toContain('P04（Chen Jia）');
  });

  it('leaves withdrawn participants out of documents: not listed, not cited, their quotes dropped', async () => {
    const { library, persona, participants, findings } = await setUp();
    await call(library, 'persona.addItem', { personaId: persona.id, list: 'quotes', text: '我再也不会去那家店了', evidence: [findings[9]!] });
    await call(library, 'participant.setWithdrawn', { id: participants.P04, withdrawn: true });
    const html = text(await call(library, 'persona.export', { personaId: persona.id, format: 'html', options: { hideRealNames: false } }));
    expect(html).not.toMatch(/P04|Chen Jia|再也不会去/);
    expect(html).toContain(QUOTE);
  });

  it('exports every persona of the study in one document, and labels documents in the study language', async () => {
    const { library, study, map } = await setUp();
    await call(library, 'persona.create', { studyId: study.id, name: '首购电车的年轻人', members: { kind: 'participants', participantIds: [] } });
    const all = text(await call(library, 'persona.exportAll', { studyId: study.id, format: 'markdown' }));
    expect(all).toMatch(/^# 用户画像/);
    expect(all).toContain(`## ${NAME}`);
    expect(all).toContain('## 首购电车的年轻人');
    expect(all).toContain('### 代表性原话');
    const journey = text(await call(library, 'journey.export', { mapId: map.id, format: 'html' }));
    expect(journey).toContain('<th scope="row">痛点</th>');
    expect(journey).toContain('<th scope="col">决策</th>');
    const english = await call(library, 'study.create', { name: 'English study', language: 'en' });
    const empty = text(await call(library, 'persona.exportAll', { studyId: english.id, format: 'html' }));
    expect(empty).toContain('This study has no personas yet.');
  });

  it('says clearly when PDF or image rendering is unavailable', async () => {
    const { library, persona, map } = await setUp(false);
    expect(await failure(library, 'persona.export', { personaId: persona.id, format: 'pdf' })).toBe('conflict');
    const result = await library.dispatch('journey.export', { mapId: map.id, format: 'png' });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'png_unavailable' } });
    expect(await failure(library, 'persona.export', { personaId: persona.id, format: 'png' })).toBe('invalid_input');
  });
});
