// Participant CSV import, the pure core: decoding (UTF-8, GB18030, Big5, junk),
// parsing (delimiters, quotes, ragged rows), the suggested column mapping, and the
// validated import plan. Fixtures in legacy encodings are made with iconv-lite.
import { randomFillSync } from 'node:crypto';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  decodeCsv,
  ImportFileError,
  MappingError,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  parseCsv,
  planImport,
  suggestMapping,
  type ColumnTarget,
  type ParsedCsv,
} from '../../electron/core/services/participant-import/index.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const none: ReadonlySet<string> = new Set();
const field = (name: Extract<ColumnTarget, { kind: 'field' }>['field']): ColumnTarget => ({ kind: 'field', field: name });
const ignore: ColumnTarget = { kind: 'ignore' };

function fileError(run: () => unknown): ImportFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('expected an ImportFileError');
}

/** Decode, parse, map as suggested and plan: what the preview step does. */
function importText(bytes: Uint8Array, existing: ReadonlySet<string> = none) {
  const decoded = decodeCsv(bytes);
  const parsed = parseCsv(decoded.text);
  const mapping = suggestMapping(parsed.headers);
  return { decoded, parsed, mapping, plan: planImport(parsed, mapping, existing) };
}

describe('decoding participant CSV files', () => {
  it('reads UTF-8 with and without a BOM, dropping the BOM from the first header', () => {
    const text = 'code,name\nP01,Ana\n';
    for (const bytes of [utf8(text), new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)])]) {
      const { decoded, parsed } = importText(bytes);
      expect(decoded).toEqual({ text, encoding: 'utf-8' });
      expect(parsed.headers).toEqual(['code', 'name']);
    }
  });

  it('detects a GB18030 file of Simplified Chinese and maps its headers', () => {
    const text = '编号,姓名,来源,城市,年龄\nP01,张伟,自有客户,北京,32\nP02,李娜,竞品客户,上海,28\n';
    const { decoded, mapping, plan } = importText(iconv.encode(text, 'gb18030'));
    expect(decoded).toEqual({ text, encoding: 'gb18030' });
    expect(mapping).toEqual([
      field('code'),
      field('realName'),
      field('source'),
      { kind: 'attribute', dimension: 'geographic', name: '城市' },
      { kind: 'attribute', dimension: 'demographic', name: '年龄' },
    ]);
    expect(plan.issues).toEqual([]);
    expect(plan.candidates[0]).toMatchObject({
      line: 2,
      code: 'P01',
      realName: '张伟',
      source: 'own',
      attributes: { geographic: { 城市: '北京' }, demographic: { 年龄: '32' } },
    });
    expect(plan.candidates[1]).toMatchObject({ code: 'P02', source: 'competitor' });
  });

  it('detects a Big5 file of Traditional Chinese as Big5, not GB18030', () => {
    const text = '編號,姓名,來源,城市\nP01,陳美玲,自有客戶,臺北\nP02,林志明,競品客戶,高雄\n';
    const { decoded, mapping, plan } = importText(iconv.encode(text, 'big5'));
    expect(decoded).toEqual({ text, encoding: 'big5' });
    expect(mapping.slice(0, 3)).toEqual([field('code'), field('realName'), field('source')]);
    expect(plan.candidates.map((c) => [c.code, c.source, c.attributes.geographic?.['城市']])).toEqual([
      ['P01', 'own', '臺北'],
      ['P02', 'competitor', '高雄'],
    ]);
  });

  it('tells even a header-only Big5 file from GB18030', () => {
    expect(decodeCsv(iconv.encode('編號,姓名\n', 'big5')).encoding).toBe('big5');
    expect(decodeCsv(iconv.encode('编号,姓名\n', 'gb18030')).encoding).toBe('gb18030');
  });

  it('uses a forced encoding, and says so when the bytes do not fit it', () => {
    const big5 = iconv.encode('編號,姓名\nP01,陳美玲\n', 'big5');
    expect(decodeCsv(big5, 'big5').text).toBe('編號,姓名\nP01,陳美玲\n');
    // GB18030 accepts these bytes, so forcing it yields its (wrong) reading, as asked.
    expect(decodeCsv(big5, 'gb18030').encoding).toBe('gb18030');
    const error = fileError(() => decodeCsv(big5, 'utf-8'));
    expect(error.code).toBe('undecodable');
    expect(error.message).toMatch(/not valid UTF-8/);
  });

  it('rejects a 50 MB file of random bytes as too large without reading it', () => {
    const junk = new Uint8Array(50 * 1024 * 1024);
    randomFillSync(junk);
    const error = fileError(() => decodeCsv(junk));
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/50\.0 MB.*10 MB/);
    expect(junk.length).toBeGreaterThan(MAX_IMPORT_BYTES);
  });

  it('rejects 1 MB of random bytes as binary junk', () => {
    const junk = randomFillSync(new Uint8Array(1024 * 1024));
    expect(['binary', 'undecodable']).toContain(fileError(() => decodeCsv(junk)).code);
  });

  it('rejects text with many control characters, UTF-16 exports and undecodable bytes with their own errors', () => {
    expect(fileError(() => decodeCsv(utf8('code\n' + '\x01\x02\x03'.repeat(10)))).code).toBe('binary');
    expect(fileError(() => decodeCsv(new Uint8Array([0xff, 0xfe, 0x63, 0x00]))).message).toMatch(/UTF-16/);
    // Latin-1 "José" followed by a comma fits none of UTF-8, GB18030 or Big5.
    expect(fileError(() => decodeCsv(new Uint8Array([0x4a, 0x6f, 0x73, 0xe9, 0x2c, 0x0a]))).code).toBe('undecodable');
    // A stray 0xFF fits no encoding, although Node's Big5 decoder lets it through.
    expect(fileError(() => decodeCsv(new Uint8Array([...utf8('code,name\nP01,'), 0xff, 0x0a]))).code).toBe('undecodable');
  });

  it('rejects an empty file, a BOM alone, and a file of blank lines', () => {
    for (const bytes of [new Uint8Array(0), new Uint8Array([0xef, 0xbb, 0xbf]), utf8('\n \r\n')]) {
      expect(fileError(() => decodeCsv(bytes)).code).toBe('empty');
    }
  });
});

describe('parsing participant CSV text', () => {
  it('guesses semicolon and tab delimiters', () => {
    expect(parseCsv('code;name;city\nP01;Ana;Lisbon\n')).toMatchObject({
      headers: ['code', 'name', 'city'],
      rows: [['P01', 'Ana', 'Lisbon']],
      delimiter: ';',
    });
    expect(parseCsv('code\tname\nP01\tAna, Maria\n')).toMatchObject({ rows: [['P01', 'Ana, Maria']], delimiter: '\t' });
  });

  it('keeps commas, quotes and line breaks inside quoted fields and numbers lines as the file does', () => {
    const parsed = parseCsv('code,name,needs\r\nP01,"Smith, Ana","wants ""fast""\r\ndelivery"\r\nP02,Bo,cheap\r\n');
    expect(parsed.rows).toEqual([
      ['P01', 'Smith, Ana', 'wants "fast"\r\ndelivery'],
      ['P02', 'Bo', 'cheap'],
    ]);
    expect(parsed.rowLines).toEqual([2, 4]);
    expect(parsed.raggedRows).toEqual([]);
  });

  it('reports ragged rows by line, skips blank lines and tolerates empty padding cells', () => {
    const parsed = parseCsv('code,name,city\nP01,Ana,Porto\n\nP02,Bo\nP03,Cy,Faro,,\nP04,Di,Braga,extra\n\n');
    expect(parsed.rows).toHaveLength(4);
    expect(parsed.rowLines).toEqual([2, 4, 5, 6]);
    expect(parsed.raggedRows).toEqual([4, 6]);
  });

  it('needs a header row and at most MAX_IMPORT_ROWS participants', () => {
    expect(fileError(() => parseCsv(',,\n,,\n')).code).toBe('no_header');
    const big = 'code\n' + Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `P${i}`).join('\n');
    expect(fileError(() => parseCsv(big)).code).toBe('too_many_rows');
    expect(parseCsv('code\n' + Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => `P${i}`).join('\n')).rows).toHaveLength(MAX_IMPORT_ROWS);
  });
});

describe('suggesting a column mapping', () => {
  it('recognises English, Simplified and Traditional headers and ignores unknown columns', () => {
    expect(
      suggestMapping(['ID', 'Customer Name', 'E-mail', '聯絡方式', 'Status', 'consent_date', '同意范围', '职业', 'Region', '购买频率', '生活方式', '痛點', 'Notes', '']),
    ).toEqual([
      field('code'),
      field('realName'),
      field('contact'),
      ignore, // contact is already taken by E-mail
      field('status'),
      field('consentDate'),
      field('consentScope'),
      { kind: 'attribute', dimension: 'demographic', name: '职业' },
      { kind: 'attribute', dimension: 'geographic', name: 'Region' },
      { kind: 'attribute', dimension: 'behavioural', name: '购买频率' },
      { kind: 'attribute', dimension: 'psychographic', name: '生活方式' },
      { kind: 'attribute', dimension: 'needs', name: '痛點' },
      ignore,
      ignore,
    ]);
  });
});

describe('planning an import', () => {
  const parsed = (headers: string[], rows: string[][]): ParsedCsv => ({ headers, rows, raggedRows: [] });

  it('skips ragged rows with an issue on their line and imports the rest', () => {
    const { plan } = importText(utf8('code,name\nP01,Ana\nP02\nP03,Cy,extra\nP04,Di\n'));
    expect(plan.candidates.map((c) => [c.line, c.code])).toEqual([
      [2, 'P01'],
      [5, 'P04'],
    ]);
    expect(plan.issues).toEqual([
      { line: 3, column: null, code: 'ragged_row', value: '1' },
      { line: 4, column: null, code: 'ragged_row', value: '3' },
    ]);
    expect(plan.skippedRows).toBe(2);
  });

  it('flags missing, duplicate and already existing codes case-insensitively, trimming them', () => {
    const plan = planImport(
      parsed(['code', 'name'], [[' P01 ', 'a'], ['p01', 'b'], ['', 'c'], ['x9', 'd'], ['P02', 'e'], ['  ', ' ']]),
      [field('code'), field('realName')],
      new Set(['X9']),
    );
    expect(plan.candidates.map((c) => c.code)).toEqual(['P01', 'P02']);
    expect(plan.issues).toEqual([
      { line: 3, column: 'code', code: 'duplicate_code', value: 'p01' },
      { line: 4, column: 'code', code: 'missing_code', value: '' },
      { line: 5, column: 'code', code: 'code_exists', value: 'x9' },
    ]);
    expect(plan.skippedRows).toBe(3);
  });

  it('normalises sources and statuses in English and Chinese, with defaults for empty cells', () => {
    const rows = [
      ['1', 'Own customer', 'Recruited'],
      ['2', "competitor's customer", 'no-show'],
      ['3', '自有客戶', '已訪談'],
      ['4', '竞争对手', '未到场'],
      ['5', '其他', 'SCHEDULED'],
      ['6', '', ''],
      ['7', 'partner', 'maybe'],
    ];
    const plan = planImport(parsed(['code', '来源', '状态'], rows), [field('code'), field('source'), field('status')], none);
    expect(plan.candidates.map((c) => [c.code, c.source, c.status])).toEqual([
      ['1', 'own', 'recruited'],
      ['2', 'competitor', 'no_show'],
      ['3', 'own', 'interviewed'],
      ['4', 'competitor', 'no_show'],
      ['5', 'other', 'scheduled'],
      ['6', 'other', 'recruited'],
    ]);
    expect(plan.issues).toEqual([
      { line: 8, column: '来源', code: 'bad_source', value: 'partner' },
      { line: 8, column: '状态', code: 'bad_status', value: 'maybe' },
    ]);
    expect(plan.skippedRows).toBe(1);
  });

  it('normalises consent dates to YYYY-MM-DD and flags impossible ones', () => {
    const dates = ['2024-03-05', '2024/3/5', '2024.3.5', '2024年3月5日', '3/5/2024', '２０２４－０３－０５', '2024/3/5 0:00', ''];
    const bad = ['2024-02-30', '5.3.2024', 'yesterday', '2024-13-01', '2024-3/5'];
    const plan = planImport(
      parsed(['code', 'consent date'], [...dates, ...bad].map((d, i) => [`P${i}`, d])),
      [field('code'), field('consentDate')],
      none,
    );
    expect(plan.candidates.map((c) => c.consentDate)).toEqual([...Array<string>(dates.length - 1).fill('2024-03-05'), null]);
    expect(plan.issues.map((i) => [i.code, i.value])).toEqual(bad.map((d) => ['bad_date', d]));
  });

  it('flags values too long to store, with the value cut short in the issue', () => {
    const plan = planImport(
      parsed(['code', 'name', 'city'], [['P01', 'x'.repeat(2001), 'ok'], ['P'.repeat(41), 'a', 'b'], ['P03', 'n', 'c'.repeat(501)]]),
      [field('code'), field('realName'), { kind: 'attribute', dimension: 'geographic', name: 'city' }],
      none,
    );
    expect(plan.candidates).toEqual([]);
    expect(plan.issues.map((i) => [i.line, i.column, i.code])).toEqual([
      [2, 'name', 'too_long'],
      [3, 'code', 'too_long'],
      [4, 'city', 'too_long'],
    ]);
    expect(plan.issues[0]?.value.length).toBeLessThanOrEqual(101);
  });

  it('refuses a mapping without a code column or with a field fed by two columns', () => {
    const csv = parsed(['name', 'phone', 'email'], [['Ana', '1', 'a@x']]);
    expect(() => planImport(csv, [field('realName'), ignore, ignore], none)).toThrow(MappingError);
    try {
      planImport(csv, [field('code'), field('contact'), field('contact')], none);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MappingError);
      expect(error).toMatchObject({ code: 'duplicate_field', field: 'contact' });
    }
    expect(() => planImport(csv, suggestMapping(csv.headers), none)).toThrow(/No column is mapped to the participant code/);
  });

  it('never throws for arbitrary cells under a valid mapping, and gives each candidate its own line', () => {
    const pool: ColumnTarget[] = [
      field('realName'),
      field('contact'),
      field('source'),
      field('status'),
      field('consentDate'),
      field('consentScope'),
      { kind: 'attribute', dimension: 'demographic', name: 'age' },
      { kind: 'attribute', dimension: 'needs', name: '需求' },
      ignore,
    ];
    const grid = fc.integer({ min: 1, max: 6 }).chain((width) =>
      fc.record({
        width: fc.constant(width),
        codeColumn: fc.integer({ min: 0, max: width - 1 }),
        others: fc.array(fc.integer({ min: 0, max: pool.length - 1 }), { minLength: width, maxLength: width }),
        rows: fc.array(fc.array(fc.oneof(fc.string(), fc.constantFrom('own', '已访谈', '2024/3/5', 'P1', 'p1', '')), { maxLength: width + 1 }), {
          maxLength: 30,
        }),
      }),
    );
    fc.assert(
      fc.property(grid, ({ width, codeColumn, others, rows }) => {
        const used = new Set<number>();
        const mapping = others.map((p, i): ColumnTarget => {
          if (i === codeColumn) return field('code');
          const target = pool[p] ?? ignore;
          if (target.kind === 'ignore' || used.has(p)) return ignore;
          used.add(p);
          return target;
        });
        const headers = Array.from({ length: width }, (_, i) => `h${i}`);
        const plan = planImport({ headers, rows, raggedRows: [] }, mapping, new Set(['P1']));
        const lines = plan.candidates.map((c) => c.line);
        expect(new Set(lines).size).toBe(lines.length);
        expect(plan.candidates.length + plan.skippedRows).toBeLessThanOrEqual(rows.length);
        for (const c of plan.candidates) expect(c.code.toLowerCase()).not.toBe('p1');
      }),
    );
  });
});
