// Reading WebVTT and SubRip transcripts and timed plain text into paragraphs: times
// with and without hours, commas before milliseconds, cue settings, multi-line cues,
// speakers, markup, byte-order marks, and damaged cues reported by line.
import { describe, expect, it } from 'vitest';
import { parseCues } from '../../shared/interop/transcript/cues.js';
import { joinWrapped, parseClock, splitLines } from '../../shared/interop/transcript/lines.js';
import { parsePlainText } from '../../shared/interop/transcript/plain-text.js';

describe('WebVTT transcripts', () => {
  it('turns each cue into a paragraph at its start time, with and without hours', () => {
    const vtt = ['WEBVTT - Zoom export', '', '1', '00:00:01.500 --> 00:00:04.000', 'Interviewer: How did you hear about it?', '', '01:05.250 --> 01:09.000', 'Ann: On Xiaohongshu.', '', '01:02:03.004 --> 01:02:05.000', '很晚才知道上牌费。', ''].join('\n');
    const parsed = parseCues(vtt, 'vtt');
    expect(parsed.paragraphs).toEqual([
      { atMs: 1_500, text: 'Interviewer: How did you hear about it?' },
      { atMs: 65_250, text: 'Ann: On Xiaohongshu.' },
      { atMs: 3_723_004, text: '很晚才知道上牌费。' },
    ]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.durationMs).toBe(3_725_000);
  });

  it('ignores cue settings, joins wrapped lines, keeps voices as speakers and drops markup', () => {
    const vtt = [
      '\uFEFFWEBVTT',
      'Kind: captions',
      '',
      'NOTE exported by a meeting app',
      'with two lines',
      '',
      'STYLE',
      '::cue { color: lime }',
      '',
      'intro',
      '00:00:10.000 --> 00:00:14.000 align:start position:10% line:0',
      '<v.loud Ann Lee>We went on <b>Saturday</b>',
      'with the kids &amp; my mother</v>',
      '',
      '00:00:15.000 --> 00:00:18.000',
      '<v Ann Lee>价格不透明，</v>',
      '<v 销售>我们有优惠。</v>',
      '',
      '00:00:20.000 --> 00:00:22.000',
      '第一行',
      '第二行 <00:00:21.000><c.highlight>karaoke</c>',
    ].join('\r\n');
    const parsed = parseCues(vtt, 'vtt');
    expect(parsed.paragraphs).toEqual([
      { atMs: 10_000, text: 'Ann Lee: We went on Saturday with the kids & my mother' },
      { atMs: 15_000, text: 'Ann Lee：价格不透明，' },
      { atMs: 15_000, text: '销售：我们有优惠。' },
      { atMs: 20_000, text: '第一行第二行 karaoke' },
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it('reports damaged cues by line and keeps every cue it can read', () => {
    const vtt = [
      'WEBVTT',
      '',
      '00:00:01.000 --> 00:00:02.000',
      'Fine.',
      '',
      '00:00:0x.000 --> 00:00:04.000',
      'Bad start time.',
      '',
      '00:00:05.000 --> 00:00:06.000',
      '',
      'No timing line here',
      'and more text',
      '',
      '00:00:09.000 --> 00:00:08.000',
      'Ends before it starts.',
      '',
      '00:00:03.000 --> 00:00:04.000',
      'Earlier than the cue before.',
      '00:00:12.000 --> 00:00:13.000',
      'A cue without the blank line before it.',
    ].join('\n');
    const parsed = parseCues(vtt, 'vtt');
    expect(parsed.paragraphs.map((p) => [p.atMs, p.text])).toEqual([
      [1_000, 'Fine.'],
      [9_000, 'Ends before it starts.'],
      [3_000, 'Earlier than the cue before.'],
      [12_000, 'A cue without the blank line before it.'],
    ]);
    expect(parsed.problems.map((p) => [p.line, p.code])).toEqual([
      [6, 'bad_timing'],
      [9, 'empty_cue'],
      [11, 'stray_text'],
      [14, 'end_before_start'],
      [17, 'out_of_order'],
    ]);
  });

  it('reads a file without its WEBVTT line, and says so', () => {
    const parsed = parseCues('00:01.000 --> 00:02.000\nHello\n', 'vtt');
    expect(parsed.paragraphs).toEqual([{ atMs: 1_000, text: 'Hello' }]);
    expect(parsed.problems).toEqual([{ line: 1, code: 'no_header', text: '00:01.000 --> 00:02.000' }]);
  });
});

describe('SubRip transcripts', () => {
  it('reads numbered cues with commas before milliseconds, multi-line text, markup and a BOM', () => {
    const srt = [
      '\uFEFF1',
      '00:00:01,000 --> 00:00:03,500',
      '<i>Interviewer:</i> What did you do next?',
      '',
      '2',
      '00:01:10,020 --> 00:01:15,000  X1:40 X2:600 Y1:20 Y2:50',
      '{\\an8}我们先去了',
      '4S店看车。',
      '',
      '',
      '3',
      '01:00:00,000 --> 01:00:02,000',
      '<font color="#ff0000">Thanks</font>',
      '',
    ].join('\r\n');
    const parsed = parseCues(srt, 'srt');
    expect(parsed.paragraphs).toEqual([
      { atMs: 1_000, text: 'Interviewer: What did you do next?' },
      { atMs: 70_020, text: '我们先去了4S店看车。' },
      { atMs: 3_600_000, text: 'Thanks' },
    ]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.durationMs).toBe(3_602_000);
  });

  it('splits cues whose blank line is missing without keeping the next cue\'s number as text', () => {
    const srt = ['1', '00:00:01,000 --> 00:00:02,000', 'One', '2', '00:00:03,000 --> 00:00:04,000', 'Two'].join('\n');
    expect(parseCues(srt, 'srt').paragraphs).toEqual([
      { atMs: 1_000, text: 'One' },
      { atMs: 3_000, text: 'Two' },
    ]);
  });
});

describe('plain text', () => {
  it('makes a paragraph of every non-empty line, without times', () => {
    const parsed = parsePlainText(splitLines('第一段笔记。\r\n\r\n10:30 we met at the store.\nSecond line.\n'));
    expect(parsed.paragraphs).toEqual([
      { atMs: null, text: '第一段笔记。' },
      { atMs: null, text: '10:30 we met at the store.' },
      { atMs: null, text: 'Second line.' },
    ]);
    expect(parsed.durationMs).toBe(0);
  });

  it('reads times at the start of lines when most lines have one', () => {
    const parsed = parsePlainText(['[00:00:05] Ann: Hello.', '(01:10) 销售：欢迎。', 'a line that continues', '1:02:03 - Bye.']);
    expect(parsed.paragraphs).toEqual([
      { atMs: 5_000, text: 'Ann: Hello.' },
      { atMs: 70_000, text: '销售：欢迎。' },
      { atMs: 70_000, text: 'a line that continues' },
      { atMs: 3_723_000, text: 'Bye.' },
    ]);
  });

  it('reads speaker-and-time lines followed by what was said, as transcription services export', () => {
    const parsed = parsePlainText(splitLines('发言人1 00:03\n价格不透明，\n感觉被套路。\n\nSpeaker 2  1:15\nI see.\n\n发言人1 02:00\n'));
    expect(parsed.paragraphs).toEqual([
      { atMs: 3_000, text: '发言人1：价格不透明，感觉被套路。' },
      { atMs: 75_000, text: 'Speaker 2: I see.' },
      { atMs: 120_000, text: '发言人1' },
    ]);
    expect(parsed.durationMs).toBe(120_000);
  });
});

describe('transcript text helpers', () => {
  it('reads clock times and refuses impossible ones', () => {
    expect(parseClock('00:00:01.5')).toBe(1_500);
    expect(parseClock('12:34,567')).toBe(754_567);
    expect(parseClock('100:00:00.000')).toBe(360_000_000);
    expect(parseClock('00:60.000')).toBeNull();
    expect(parseClock('1:2:3')).toBeNull();
    expect(parseClock('soon')).toBeNull();
  });

  it('joins wrapped lines with a space between words and none between Chinese characters', () => {
    expect(joinWrapped(['We went', 'on Saturday'])).toBe('We went on Saturday');
    expect(joinWrapped(['我们先去了', '4S店'])).toBe('我们先去了4S店');
    expect(joinWrapped(['Price was', '不透明'])).toBe('Price was不透明');
    expect(joinWrapped([' ', ''])).toBe('');
  });
});
