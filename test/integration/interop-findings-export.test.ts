// Findings exported as CSV and Excel, read back with the same libraries a spreadsheet
// user's tools would use: every column, Chinese intact, formulas neutralised, real
// names kept out unless asked for, withdrawn participants absent.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/call.js';
import { openTestLibrary, totalChanges } from '../helpers/library.js';
import { interopStudy, PARAGRAPHS } from '../fixtures/interop-study.js';

const HEADER = ['ID', '发现', '阶段', '类型', 'TERMS', '标签', '受访者', '受访者来源', '年龄', 'city', 'constructor', 'budget', '访谈员', '访谈日期', '问题', '证据（笔记段落）', '分组', '主题'];

async function csvOf(options?: { hideRealNames?: boolean; timeZone?: string }) {
  const library = await openTestLibrary();
  const fixture = await interopStudy(library);
  const before = totalChanges(library);
  const file = await call(library, 'interop.exportFindings', { studyId: fixture.studyId, format: 'csv', options });
  expect(totalChanges(library)).toBe(before);
  const bytes = Buffer.from(file.base64, 'base64');
  const parsed = Papa.parse<string[]>(bytes.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  const byId = new Map(rows.map((r) => [r[0]!, Object.fromEntries(header!.map((h, i) => [h, r[i] ?? '']))]));
  return { library, fixture, file, bytes, header: header!, rows, byId };
}

describe('findings as CSV', () => {
  it('writes UTF-8 with a byte-order mark and one row per finding of participants still in the study', async () => {
    const { file, bytes, header, rows, byId, fixture } = await csvOf();
    expect(file.fileName).toBe('购车旅程 Car journey - 发现.csv');
    expect(file.mimeType).toBe('text/csv; charset=utf-8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(header).toEqual(HEADER);
    expect(rows).toHaveLength(5);
    expect(byId.has(fixture.findings.withdrawn)).toBe(false);
  });

  it('fills every column, Chinese and emoji intact', async () => {
    const { byId, fixture } = await csvOf({ timeZone: 'Asia/Shanghai' });
    const price = byId.get(fixture.findings.priceQuote)!;
    expect(price).toMatchObject({
      发现: '上牌费是最后才说的😡',
      阶段: '决策',
      类型: '痛点',
      TERMS: '情绪、金钱',
      标签: '隐藏费用',
      受访者: 'P01',
      受访者来源: '自有客户',
      年龄: '35-44',
      city: '上海',
      constructor: '7 seats',
      budget: '',
      访谈员: '林研究员',
      问题: '',
      '证据（笔记段落）': PARAGRAPHS.price,
      分组: '费用不透明',
      主题: '信任',
    });
    expect(price['访谈日期']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(byId.get(fixture.findings.waitParaphrase)).toMatchObject({ 受访者来源: '竞品客户', 年龄: '25-34', city: '', constructor: '', budget: 'low', 标签: '价格', 分组: '费用不透明' });
    expect(byId.get(fixture.findings.familySpan)!['证据（笔记段落）']).toBe(PARAGRAPHS.family.replace('王丽华', 'P01'));
  });

  it('neutralises cells a spreadsheet would run as formulas', async () => {
    const { byId, fixture } = await csvOf();
    const formula = byId.get(fixture.findings.formula)!;
    expect(formula['发现']).toBe(`'${PARAGRAPHS.formula.slice(0, 30)}`);
    expect(formula['证据（笔记段落）']).toBe(`'${PARAGRAPHS.formula}`);
    for (const row of byId.values()) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('keeps real names out unless asked, then gives them a column of their own', async () => {
    const hidden = await csvOf();
    expect(hidden.header).not.toContain('真实姓名');
    expect(hidden.bytes.toString('utf8')).not.toContain('王丽华');
    const shown = await csvOf({ hideRealNames: false });
    expect(shown.header).toContain('真实姓名');
    expect(shown.byId.get(shown.fixture.findings.priceQuote)!['真实姓名']).toBe('王丽华');
    expect(shown.byId.get(shown.fixture.findings.familySpan)!['证据（笔记段落）']).toBe(PARAGRAPHS.family);
  });

  it('writes session dates in the reader\'s time zone', async () => {
    const shanghai = await csvOf({ timeZone: 'Asia/Shanghai' });
    const utc = await csvOf({ timeZone: 'Not/AZone' });
    const at = (r: typeof shanghai) => Date.parse(`${r.byId.get(r.fixture.findings.priceQuote)!['访谈日期']!.replace(' ', 'T')}:00Z`);
    // The same instant read in UTC+8 is eight hours later on the clock (give or take the minute the tests took).
    expect(Math.round((at(shanghai) - at(utc)) / 3_600_000)).toBe(8);
  });
});

describe('findings as Excel', () => {
  it('writes one sheet with a bold, frozen header row, an auto-filter and Chinese text', async () => {
    const library = await openTestLibrary();
    const fixture = await interopStudy(library);
    const file = await call(library, 'interop.exportFindings', { studyId: fixture.studyId, format: 'xlsx' });
    expect(file.fileName).toBe('购车旅程 Car journey - 发现.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(1);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('发现');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.rowCount).toBe(6);
    const texts = Array.from({ length: 5 }, (_, i) => String(sheet.getRow(i + 2).getCell(2).value));
    expect(texts).toContain('上牌费是最后才说的😡');
    // Text stays text: the formula-like finding is a string, not a formula.
    const formulaRow = Array.from({ length: 5 }, (_, i) => sheet.getRow(i + 2)).find((r) => r.getCell(1).value === fixture.findings.formula)!;
    expect(formulaRow.getCell(2).type).toBe(ExcelJS.ValueType.String);
  });

  it('is ready to hand over: dates are date cells, TERMS are words, long text wraps, and printing fits the page width, landscape', async () => {
    const library = await openTestLibrary();
    const fixture = await interopStudy(library);
    const file = await call(library, 'interop.exportFindings', { studyId: fixture.studyId, format: 'xlsx', options: { timeZone: 'Asia/Shanghai' } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const column = (name: string) => HEADER.indexOf(name) + 1;
    const price = Array.from({ length: 5 }, (_, i) => sheet.getRow(i + 2)).find((r) => r.getCell(1).value === fixture.findings.priceQuote)!;

    const date = price.getCell(column('访谈日期'));
    expect(date.type).toBe(ExcelJS.ValueType.Date);
    expect(date.value).toBeInstanceOf(Date);
    expect(date.numFmt).toMatch(/yy.*mm.*dd/);
    expect(price.getCell(column('TERMS')).value).toBe('情绪、金钱');
    for (const name of ['发现', '证据（笔记段落）', '问题']) expect(price.getCell(column(name)).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });
});
