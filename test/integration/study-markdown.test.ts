// The whole study as one Markdown document: the sample's Chinese notes by question
// with their times, participants by code and never by real name unless asked,
// withdrawn participants absent, labels in the study's language, user text escaped.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Library } from '../../electron/core/library.js';
import { P01, P01_NOTE, P02, P02_NOTE, personalStudy } from '../fixtures/personal-study.js';
import { call, failure } from '../helpers/call.js';
import { openTestLibrary, RESOURCES_DIR } from '../helpers/library.js';

const sample = JSON.parse(fs.readFileSync(path.join(RESOURCES_DIR, 'sample-study', 'study.json'), 'utf8')) as { sessions: Parameters<typeof P02_NOTE>[0] };

async function markdown(library: Library, studyId: string, includeRealNames?: boolean) {
  const file = await call(library, 'study.exportMarkdown', { studyId, ...(includeRealNames === undefined ? {} : { includeRealNames }) });
  expect(file.mimeType).toBe('text/markdown; charset=utf-8');
  return { name: file.fileName, text: Buffer.from(file.base64, 'base64').toString('utf8') };
}

describe('the whole study as Markdown', () => {
  it('holds the background, guide, every interview’s Chinese notes with times, findings by stage, the board, persona and journey map', async () => {
    const library = await openTestLibrary({ seedSample: true });
    const { studyId } = await personalStudy(library);
    const { name, text } = await markdown(library, studyId);
    expect(name).toBe('New-car buyer journey.md');
    for (const heading of ['# New-car buyer journey', '## Background: the hypothesis journey', '## Participants', '## Interview guide', '## Interviews', '## Findings by stage', '## Affinity board', '### Cause and effect']) {
      expect(`\n${text}`).toContain(`\n${heading}\n`);
    }
    expect(text).toContain('- `02:10` 39岁，IT项目经理，张江上班。');
    expect(text).toContain('#### Think of the car you bought most recently.');
    expect(text).toMatch(/- \*\*Pain point\*\* \*\*\\\[[TERMS]\\\]/);
    expect(text).toContain('## New-car buyer journey map');
    expect(text).not.toMatch(/\[\^\d+\]/); // findings are listed; no footnotes to clash between parts
  });

  it('names participants by code: no real name, even typed into notes, and nothing of a withdrawn participant', async () => {
    const library = await openTestLibrary({ seedSample: true });
    const { studyId } = await personalStudy(library);
    const { text } = await markdown(library, studyId);
    expect(text).toContain('- `59:00` P01说他不想再等三天拿报价了');
    for (const value of [P01.realName, P01.contact, P02.realName, P02.contact, P02_NOTE(sample.sessions)]) expect(text).not.toContain(value);
    expect(text).not.toMatch(/^\| P02 \|/m);
    expect(text).not.toContain('### P02 ·');

    const named = (await markdown(library, studyId, true)).text;
    expect(named).toContain(P01_NOTE);
    expect(named).toContain(`| P01 | ${P01.realName} |`);
    expect(named).not.toContain(P02.realName);
  });

  it('escapes what people typed and writes labels in the study’s language', async () => {
    const library = await openTestLibrary();
    const study = await call(library, 'study.create', {
      name: '# 报价 *慢* <script>alert(1)</script>',
      goal: '[点这里](javascript:alert(1)) | 表格 | ![x](http://x/y.png)',
      language: 'zh-Hans',
    });
    const { text } = await markdown(library, study.id);
    expect(text.split('\n')[0]).toBe('# \\# 报价 \\*慢\\* &lt;script\\>alert(1)&lt;/script\\>');
    expect(text).toContain('- **研究目标**：\\[点这里\\](javascript:alert(1)) \\| 表格 \\| \\!\\[x\\](http://x/y.png)');
    expect(text).not.toContain('<script>');
    expect(text).toContain('\n## 背景：假设的客户旅程\n');
    expect(text).toContain('\n### 1. 认知\n');
    expect(text).toContain('尚无发现。');
  });

  it('says when the study does not exist', async () => {
    const library = await openTestLibrary();
    expect(await failure(library, 'study.exportMarkdown', { studyId: '01234567-89ab-7def-8123-456789abcdef' })).toBe('not_found');
  });
});
