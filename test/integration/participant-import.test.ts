// Importing participants from CSV through the service on a real database: preview
// writes nothing, commit writes every valid row at once, bad files write nothing.
import { randomFillSync } from 'node:crypto';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/api/participants.js';
import { openTestLibrary, totalChanges } from '../helpers/library.js';
import { call, failure } from '../helpers/call.js';

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

async function newStudy() {
  const library = await openTestLibrary();
  const study = await call(library, 'study.create', { name: 'Import' });
  await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P01' } });
  return { library, study };
}

const CSV = ['code,name,source,status,city,age', 'P02,Ann,own,interviewed,Shanghai,35-44', 'P03,Bo,competitor,recruited,成都,25-34', 'P01,Dup,own,recruited,Hangzhou,45-54', 'P04,Cy,martian,recruited,Chengdu,25-34', ''].join('\n');

describe('participant import', () => {
  it('previews the mapping, the rows and each bad row\'s problem without writing anything', async () => {
    const { library, study } = await newStudy();
    const before = totalChanges(library);
    const preview = await call(library, 'participant.importPreview', { studyId: study.id, fileBase64: b64(CSV) });
    expect(totalChanges(library)).toBe(before);
    expect(preview.encoding).toBe('utf-8');
    expect(preview.headers).toEqual(['code', 'name', 'source', 'status', 'city', 'age']);
    expect(preview.mapping[0]).toEqual({ kind: 'field', field: 'code' });
    expect(preview.importable).toBe(2);
    expect(preview.preview.map((p) => p.code)).toEqual(['P02', 'P03']);
    expect(preview.issues.map((i) => [i.line, i.code])).toEqual([
      [4, 'code_exists'],
      [5, 'bad_source'],
    ]);
  });

  it('imports every valid row in one go and skips the bad ones', async () => {
    const { library, study } = await newStudy();
    const preview = await call(library, 'participant.importPreview', { studyId: study.id, fileBase64: b64(CSV) });
    const result = await call(library, 'participant.importCommit', { studyId: study.id, fileBase64: b64(CSV), mapping: preview.mapping });
    expect(result).toEqual({ imported: 2, skipped: 2 });
    const list = await call(library, 'participant.list', { studyId: study.id });
    expect(list.map((p) => p.code)).toEqual(['P01', 'P02', 'P03']);
    expect(list[2]).toMatchObject({ source: 'competitor', attributes: { geographic: { city: '成都' } } });
  });

  it('reads a GB18030 file as Excel exports it', async () => {
    const { library, study } = await newStudy();
    const bytes = iconv.encode('编号,姓名,来源,城市\r\nP05,李女士,竞品客户,杭州\r\n', 'gb18030');
    const preview = await call(library, 'participant.importPreview', { studyId: study.id, fileBase64: b64(bytes) });
    expect(preview.encoding).toBe('gb18030');
    expect(preview.preview[0]).toMatchObject({ code: 'P05', realName: '李女士', source: 'competitor' });
  });

  it('refuses junk with a clear reason and writes nothing', async () => {
    const { library, study } = await newStudy();
    const before = totalChanges(library);
    const junk = Buffer.alloc(64 * 1024);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919) % 256;
    const result = await library.dispatch('participant.importCommit', {
      studyId: study.id,
      fileBase64: b64(junk),
      mapping: [{ kind: 'field', field: 'code' }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.reason).toMatch(/^import_/);
    expect(await failure(library, 'participant.importPreview', { studyId: study.id, fileBase64: '' })).toBe('conflict');
    expect(totalChanges(library)).toBe(before);
  });

  it('refuses a file over the size limit sent straight to the operation with the too-large reason, at any size', async () => {
    const { library, study } = await newStudy();
    const before = totalChanges(library);
    const justOver = Buffer.alloc(MAX_IMPORT_FILE_BYTES + 1, 'P99,Ann,own\n');
    const junk = randomFillSync(Buffer.alloc(50 * 1024 * 1024));
    for (const [bytes, size] of [[justOver, /10\.0 MB/], [junk, /50\.0 MB/]] as const) {
      const fileBase64 = b64(bytes);
      for (const operation of ['participant.importPreview', 'participant.importCommit'] as const) {
        const result = await library.dispatch(operation, { studyId: study.id, fileBase64, mapping: [{ kind: 'field', field: 'code' }] });
        expect(result).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'import_too_large', message: expect.stringMatching(size) } });
        if (!result.ok) expect(result.error.message).toMatch(/at most 10 MB/);
      }
    }
    expect(totalChanges(library)).toBe(before);
  });

  it('reads a UTF-8 file with a byte-order mark, as Excel saves “CSV UTF-8”, without the mark in the first header', async () => {
    const { library, study } = await newStudy();
    const text = '编号,姓名,来源,城市\r\nP06,陈先生,own,成都\r\nP07,Zoë,competitor,Zürich\r\n';
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const preview = await call(library, 'participant.importPreview', { studyId: study.id, fileBase64: b64(bytes) });
    expect(preview.encoding).toBe('utf-8');
    expect(preview.headers[0]).toBe('编号');
    expect(preview.mapping[0]).toEqual({ kind: 'field', field: 'code' });
    const result = await call(library, 'participant.importCommit', { studyId: study.id, fileBase64: b64(bytes), mapping: preview.mapping });
    expect(result).toEqual({ imported: 2, skipped: 0 });
    const list = await call(library, 'participant.list', { studyId: study.id });
    expect(list.find((p) => p.code === 'P06')).toMatchObject({ realName: '陈先生', source: 'own', attributes: { geographic: { 城市: '成都' } } });
    expect(list.find((p) => p.code === 'P07')).toMatchObject({ realName: 'Zoë', source: 'competitor' });
  });

  it('reads and imports a Big5 file as Excel on Traditional Chinese Windows exports it', async () => {
    const { library, study } = await newStudy();
    const bytes = iconv.encode('編號,姓名,來源,城市,職業\r\nP08,林小姐,競品客戶,臺北,設計師\r\nP09,黃先生,自有客戶,高雄,工程師\r\n', 'big5');
    const preview = await call(library, 'participant.importPreview', { studyId: study.id, fileBase64: b64(bytes) });
    expect(preview.encoding).toBe('big5');
    expect(preview.headers).toEqual(['編號', '姓名', '來源', '城市', '職業']);
    expect(preview.issues).toEqual([]);
    await call(library, 'participant.importCommit', { studyId: study.id, fileBase64: b64(bytes), mapping: preview.mapping });
    const list = await call(library, 'participant.list', { studyId: study.id });
    expect(list.map((p) => p.code)).toEqual(['P01', 'P08', 'P09']);
    expect(list[1]).toMatchObject({ realName: '林小姐', source: 'competitor' });
    expect(list[2]).toMatchObject({ realName: '黃先生', source: 'own' });
    expect(JSON.stringify(list[1]!.attributes)).toContain('臺北');
    expect(JSON.stringify(list[2]!.attributes)).toContain('工程師');
  });

  it('reports a mapping without a code column instead of importing', async () => {
    const { library, study } = await newStudy();
    const mapping = [
      { kind: 'ignore' as const },
      { kind: 'field' as const, field: 'realName' as const },
      { kind: 'ignore' as const },
      { kind: 'ignore' as const },
      { kind: 'ignore' as const },
      { kind: 'ignore' as const },
    ];
    const preview = await call(library, 'participant.importPreview', { studyId: study.id, fileBase64: b64(CSV), mapping });
    expect(preview.mappingError).toBeTruthy();
    expect(await failure(library, 'participant.importCommit', { studyId: study.id, fileBase64: b64(CSV), mapping })).toBe('conflict');
  });
});
