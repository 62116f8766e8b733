// Importing interview material as sessions through the service on a real database:
// the preview writes nothing; the import writes a completed session whose free notes
// hold the paragraphs in the editor's format, with the transcript's times; plain
// text in GB18030 and Word files read correctly; bad files and withdrawn participants
// are refused with a reason and write nothing.
import { Document, Packer, Paragraph, TextRun, Table, TableRow, TableCell } from 'docx';
import { strToU8, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { OperationInput } from '../../shared/api/contract.js';
import { noteParagraphs } from '../../shared/notes.js';
import { call } from '../helpers/call.js';
import { openTestLibrary, totalChanges } from '../helpers/library.js';

const b64 = (data: string | Uint8Array) => Buffer.from(data).toString('base64');

const VTT = ['WEBVTT', '', '00:00:05.000 --> 00:00:09.000', '<v 访谈员>最近一次买车是什么时候？</v>', '', '00:01:02.500 --> 00:01:08.000', '<v Ann>Last June. 上牌费是最后才说的😡</v>', '', '01:00:00.000 --> 01:00:03.000', 'Thanks!', ''].join('\n');

async function setUp() {
  const library = await openTestLibrary();
  const study = await call(library, 'study.create', { name: 'Imports', language: 'zh-Hans' });
  const participant = await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P07' } });
  /** An import of `VTT` for the participant, with whatever else the test changes. */
  const request = (changes: Partial<OperationInput<'interop.importTranscript'>> = {}): OperationInput<'interop.importTranscript'> => ({
    studyId: study.id,
    participantId: participant.id,
    interviewer: 'A',
    date: '2026-10-06T10:00:00Z',
    fileName: 'call.vtt',
    base64: b64(VTT),
    ...changes,
  });
  return { library, study, participant, request };
}

async function docxFile(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun('访谈笔记：'), new TextRun({ text: '价格不透明', bold: true })] }),
          new Paragraph({ children: [] }),
          new Paragraph({ children: [new TextRun('First line'), new TextRun({ text: 'after a break', break: 1 })] }),
          new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('In a table cell')] })] })] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('transcript preview', () => {
  it('shows the paragraphs with their times and the problems, writing nothing', async () => {
    const { library } = await setUp();
    const before = totalChanges(library);
    const damaged = `${VTT}\nnot a timing line\nmore\n\n00:00:xx --> 00:00:02.000\nbroken\n`;
    const preview = await call(library, 'interop.previewTranscript', { fileName: 'call.vtt', base64: b64(damaged) });
    expect(totalChanges(library)).toBe(before);
    expect(preview).toMatchObject({ format: 'vtt', encoding: 'utf-8', paragraphCount: 3, durationMs: 3_603_000, problemCount: 2 });
    expect(preview.paragraphs[1]).toEqual({ atMs: 62_500, text: 'Ann: Last June. 上牌费是最后才说的😡' });
    expect(preview.problems.map((p) => p.code)).toEqual(['stray_text', 'bad_timing']);
  });

  it('reads plain text saved as GB18030, as Chinese Windows Notepad does', async () => {
    const { library } = await setUp();
    const bytes = iconv.encode('客户说：价格不透明。\r\n\r\n销售一直在推金融方案。\r\n', 'gb18030');
    const preview = await call(library, 'interop.previewTranscript', { fileName: '访谈笔记.txt', base64: b64(bytes) });
    expect(preview).toMatchObject({ format: 'txt', encoding: 'gb18030', paragraphCount: 2, durationMs: 0 });
    expect(preview.paragraphs).toEqual([
      { atMs: null, text: '客户说：价格不透明。' },
      { atMs: null, text: '销售一直在推金融方案。' },
    ]);
  });

  it('reads a Word file paragraph by paragraph, tables and line breaks included', async () => {
    const { library } = await setUp();
    const preview = await call(library, 'interop.previewTranscript', { fileName: 'notes.docx', base64: b64(await docxFile()) });
    expect(preview.format).toBe('docx');
    expect(preview.encoding).toBeNull();
    expect(preview.paragraphs.map((p) => p.text)).toEqual(['访谈笔记：价格不透明', 'First line', 'after a break', 'In a table cell']);
  });

  it('tells SubRip and WebVTT apart by their content when the name does not say', async () => {
    const { library } = await setUp();
    const srt = '1\r\n00:00:01,000 --> 00:00:02,000\r\nHello\r\n';
    expect((await call(library, 'interop.previewTranscript', { fileName: 'export', base64: b64(srt) })).format).toBe('srt');
    expect((await call(library, 'interop.previewTranscript', { fileName: 'export', base64: b64(VTT) })).format).toBe('vtt');
    expect((await call(library, 'interop.previewTranscript', { fileName: 'export', base64: b64(await docxFile()) })).format).toBe('docx');
  });

  it('refuses files it cannot read, each with its own reason', async () => {
    const { library } = await setUp();
    const reason = async (fileName: string, data: string | Uint8Array) => {
      const result = await library.dispatch('interop.previewTranscript', { fileName, base64: b64(data) });
      return result.ok ? 'ok' : result.error.reason;
    };
    expect(await reason('a.txt', '')).toBe('transcript_empty');
    expect(await reason('a.txt', new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)))).toBe('transcript_binary');
    expect(await reason('a.pdf', '%PDF-1.7 ...')).toBe('transcript_unsupported');
    expect(await reason('a.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('transcript_old_word');
    expect(await reason('a.vtt', 'WEBVTT\n\nNOTE only a comment\n')).toBe('transcript_no_text');
    expect(await reason('a.docx', 'PK\u0003\u0004 not really a zip')).toBe('transcript_docx_damaged');
    expect(await reason('a.docx', zipSync({ 'readme.txt': strToU8('hi') }))).toBe('transcript_not_docx');
    expect(await reason('a.docx', zipSync({ 'word/document.xml': strToU8('<w:document xmlns:w="x"><w:body><w:p>') }))).toBe('transcript_docx_damaged');
    expect(await reason('a.txt', new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61))).toBe('transcript_too_large');
  });
});

describe('transcript import', () => {
  it('makes a completed session whose free notes hold the paragraphs at the cue times', async () => {
    const { library, study, participant, request } = await setUp();
    const session = await call(library, 'interop.importTranscript', request({ interviewer: ' 林研究员 ', date: '2026-10-06T10:00:00+08:00' }));
    expect(session).toMatchObject({
      participantCode: 'P07',
      status: 'completed',
      interviewer: '林研究员',
      guideVersionId: null,
      startedAt: '2026-10-06T02:00:00.000Z',
      endedAt: '2026-10-06T03:00:03.000Z',
      elapsedMs: 3_603_000,
    });
    const detail = await call(library, 'session.get', { id: session.id });
    expect(detail.notes).toHaveLength(1);
    expect(detail.notes[0]!.questionId).toBeNull();
    const paragraphs = noteParagraphs(detail.notes[0]!.content);
    expect(paragraphs.map((p) => [p.atMs, p.text])).toEqual([
      [5_000, '访谈员：最近一次买车是什么时候？'],
      [62_500, 'Ann: Last June. 上牌费是最后才说的😡'],
      [3_600_000, 'Thanks!'],
    ]);
    expect(new Set(paragraphs.map((p) => p.pid)).size).toBe(3);
    expect((await call(library, 'participant.list', { studyId: study.id }))[0]!.status).toBe('interviewed');

    // A finding can be marked in an imported paragraph, as in notes typed live.
    const finding = await call(library, 'finding.create', { sessionId: session.id, questionId: null, paragraphKey: paragraphs[1]!.pid, text: '上牌费是最后才说的', type: 'pain_point' });
    expect(finding.participantId).toBe(participant.id);
    // And the imported text is searchable at once.
    const hits = await call(library, 'search.query', { text: '上牌费', studyId: study.id });
    expect(hits.hits.some((h) => h.kind === 'note')).toBe(true);
  });

  it('stamps paragraphs without times at 00:00', async () => {
    const { library, request } = await setUp();
    const session = await call(library, 'interop.importTranscript', request({ fileName: 'notes.docx', base64: b64(await docxFile()) }));
    expect(session.elapsedMs).toBe(0);
    const detail = await call(library, 'session.get', { id: session.id });
    expect(noteParagraphs(detail.notes[0]!.content).map((p) => p.atMs)).toEqual([0, 0, 0, 0]);
  });

  it('takes a safety snapshot before it writes', async () => {
    const { library, request } = await setUp();
    await call(library, 'interop.importTranscript', request());
    const snapshots = await call(library, 'snapshot.list', {});
    expect(snapshots.map((s) => [s.reason, s.detail])).toContainEqual(['import', 'call.vtt']);
  });

  it('refuses a withdrawn participant, another study\'s participant and a bad file, writing nothing', async () => {
    const { library, study, participant, request } = await setUp();
    const other = await call(library, 'study.create', { name: 'Other' });
    const stranger = await call(library, 'participant.create', { studyId: other.id, fields: { code: 'X1' } });
    const before = totalChanges(library);
    const bad = await library.dispatch('interop.importTranscript', request({ base64: b64('WEBVTT\n') }));
    expect(bad.ok ? null : bad.error.reason).toBe('transcript_no_text');
    const foreign = await library.dispatch('interop.importTranscript', request({ participantId: stranger.id }));
    expect(foreign.ok ? null : foreign.error.code).toBe('not_found');
    const badDate = await library.dispatch('interop.importTranscript', request({ date: 'yesterday' }));
    expect(badDate.ok ? null : badDate.error.code).toBe('invalid_input');
    expect(totalChanges(library)).toBe(before);

    await call(library, 'participant.setWithdrawn', { id: participant.id, withdrawn: true });
    const afterWithdrawing = totalChanges(library);
    const withdrawn = await library.dispatch('interop.importTranscript', request());
    expect(withdrawn.ok ? null : withdrawn.error.reason).toBe('participant_withdrawn');
    expect(totalChanges(library)).toBe(afterWithdrawing);
    expect(await call(library, 'session.list', { studyId: study.id })).toEqual([]);
  });
});
