// The analysis dashboard exported from a real library (the Simplified-Chinese persona
// study, its interviews completed and some findings tagged): the HTML document holds
// the heatmap counts under the study's Chinese stage names and runs nothing; the PDF's
// text (pdftotext) holds the study's name and the numbers; the PNG has the fixed width.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dashboardDocument } from '../../electron/core/services/dashboard-export.js';
import type { OperationOutput } from '../../shared/api/contract.js';
import { DASHBOARD_IMAGE_WIDTH, dashboardDocumentHtml } from '../../shared/export/dashboard-html.js';
import { personaStudy } from '../fixtures/persona-study.js';
import { call, failure } from '../helpers/call.js';
import { openTestLibrary } from '../helpers/library.js';
import { tempDir } from '../helpers/temp.js';

const SCRIPT_TAG = '<script>alert(1)</script>';
const STUDY_NAME = '新车购买旅程';

async function setUp(printers: boolean) {
  const library = await openTestLibrary({ printPdf: printers });
  const { study, stages, findings } = await personaStudy(library);
  const db = library.context.db;
  const sessions = db.prepare('SELECT id FROM session WHERE study_id = ? ORDER BY created_at, id').pluck().all(study.id) as string[];
  for (const id of sessions) {
    await call(library, 'session.start', { id });
    await call(library, 'session.end', { id });
  }
  await call(library, 'study.update', { id: study.id, plannedInterviews: 8 });
  const script = await call(library, 'tag.create', { studyId: study.id, fields: { name: SCRIPT_TAG } });
  const price = await call(library, 'tag.create', { studyId: study.id, fields: { name: '价格' } });
  // P01's real name typed into a tag: the document shows the code instead.
  const named = await call(library, 'tag.create', { studyId: study.id, fields: { name: '王丽华的顾虑' } });
  await call(library, 'finding.update', { id: findings[0]!, fields: { tagIds: [script.id, named.id] } });
  await call(library, 'finding.update', { id: findings[1]!, fields: { tagIds: [price.id] } });
  const group = await call(library, 'board.createGroup', { studyId: study.id, stageId: stages[2]!.id, name: '费用不透明', findingIds: [findings[1]!, findings[2]!] });
  await call(library, 'board.createTheme', { studyId: study.id, name: '价格信任', groupIds: [group.id] });
  return { library, study };
}

const bytes = (file: OperationOutput<'analysis.export'>) => Buffer.from(file.base64, 'base64');

function pdfTool(tool: 'pdftotext' | 'pdfinfo', file: OperationOutput<'analysis.export'>): string {
  const at = path.join(tempDir(), 'dashboard.pdf');
  fs.writeFileSync(at, bytes(file));
  return execFileSync(tool, tool === 'pdftotext' ? ['-layout', at, '-'] : [at], { encoding: 'utf8' });
}

describe('analysis dashboard document', () => {
  it('holds the heatmap counts under Chinese stage names, escapes tag names and runs nothing', async () => {
    const { library, study } = await setUp(false);
    const html = dashboardDocumentHtml(dashboardDocument(library.context, study.id, undefined, '2026-10-20'));
    expect(html).toContain('<html lang="zh-Hans">');
    expect(html).toContain(`<h1>${STUDY_NAME}</h1>`);
    expect(html).toContain('导出于 2026-10-20');
    // Three pain points, all at the decision stage (决策): M twice, E and S once each; full-width brackets in Chinese.
    expect(html).toMatch(/<tr><th scope="row">决策<\/th><td[^>]*>—<\/td><td[^>]*>1（1）<\/td><td[^>]*>—<\/td><td[^>]*>2（2）<\/td><td[^>]*>1（1）<\/td><td class="total">3（3）<\/td><\/tr>/);
    expect(html).toContain('<th scope="row">认知</th>');
    expect(html).not.toContain('Decision');
    // Four interviews completed of 8 planned; P02 brought the group, its theme and the tag 价格.
    expect(html).toContain('已完成 4 / 8 场访谈');
    expect(html).toContain('已过 25% 检查点（2 场访谈）');
    expect(html).toContain('最近 3 场访谈新增了 1 个主题、1 个分组和 1 个标签。');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script\b|<[^>]*\son[a-z]+\s*=/i);
    expect(html).toContain('P01的顾虑');
    expect(html).not.toContain('王丽华');
    // Segment comparison on the only attribute in use.
    expect(html).toContain('拆分依据：age band · 人口统计');
    expect(html).toMatch(/<tr><th scope="row">35-44<\/th><td>3<\/td>/);
  });

  it('prints an A4 landscape PDF whose text holds the Chinese study name and the heatmap numbers', async () => {
    const { library, study } = await setUp(true);
    const file = await call(library, 'analysis.export', { studyId: study.id, format: 'pdf' });
    expect(file).toMatchObject({ fileName: `${STUDY_NAME} - 分析看板.pdf`, mimeType: 'application/pdf' });
    expect(pdfTool('pdfinfo', file)).toMatch(/Page size:\s+84\d\.\d+ x 59\d\.\d+ pts \(A4\)/);
    const pdfText = pdfTool('pdftotext', file);
    expect(pdfText).toContain(STUDY_NAME);
    // Laid out as printed: the decision row of the heatmap reads T to S, then the total.
    expect(pdfText).toMatch(/决策\s+—\s+1（1）\s+—\s+2（2）\s+1（1）\s+3（3）/);
    expect(pdfText).toContain('价格');
  });

  it('renders a PNG of the fixed width, split by the chosen attribute', async () => {
    const { library, study } = await setUp(true);
    const file = await call(library, 'analysis.export', { studyId: study.id, format: 'png', segment: { dimension: 'demographic', attribute: 'age band' } });
    const png = bytes(file);
    expect(file).toMatchObject({ fileName: `${STUDY_NAME} - 分析看板.png`, mimeType: 'image/png' });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(DASHBOARD_IMAGE_WIDTH);
    expect(png.readUInt32BE(20)).toBeGreaterThan(600);
  });

  it('says clearly when printing is unavailable, and refuses unknown studies and formats', async () => {
    const { library, study } = await setUp(false);
    const result = await library.dispatch('analysis.export', { studyId: study.id, format: 'pdf' });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'pdf_unavailable' } });
    expect(await failure(library, 'analysis.export', { studyId: study.id, format: 'html' })).toBe('invalid_input');
    expect(await failure(library, 'analysis.export', { studyId: study.id, format: 'pdf', extra: 1 })).toBe('invalid_input');
    expect(await failure(library, 'analysis.export', { studyId: '01900000-0000-7000-8000-000000000000', format: 'png' })).toBe('not_found');
  });
});
