// Reads WebVTT (.vtt) and SubRip (.srt) transcripts, as video-call tools and
// transcription services write them, into timed paragraphs: each cue's start time
// becomes the paragraph's time and its text the paragraph, the speaker kept in the
// text ("<v Ann>Hi</v>" becomes "Ann: Hi"; "Ann: Hi" stays as it is).
//
// The two formats share one shape (blocks separated by blank lines, an optional
// identifier line, a "start --> end [settings]" line, then the text), so one reader
// handles both: WebVTT's header and NOTE/STYLE/REGION blocks are skipped, SubRip's
// comma before milliseconds is accepted in both. Damaged files are read as far as
// possible; every block skipped or doubtful is reported with its line number.
import type { TranscriptParagraph, TranscriptProblem } from '../../api/interop.js';
import { excerpt, joinWrapped, parseClock, speakerLine, splitLines } from './lines.js';

export interface ParsedTranscript {
  paragraphs: TranscriptParagraph[];
  problems: TranscriptProblem[];
  /** The latest time the transcript reaches (a cue's end, or its start when later). */
  durationMs: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0', lrm: '\u200E', rlm: '\u200F' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

/** A cue line as plain text: a leading voice span names the speaker; other markup is dropped. */
function lineText(line: string): { speaker: string | null; text: string } {
  const voice = /^\s*<v(?:\.[^\s>]*)?[ \t]+([^>]+)>/.exec(line);
  const body = (voice ? line.slice(voice[0].length) : line)
    .replace(/<[^>]*>/g, '') // WebVTT and SubRip tags: <i>, <b>, <c.x>, <00:00:01.000>, </v>, <font …>
    .replace(/\{\\[^}]*\}/g, ''); // SubRip files converted from ASS carry {\an8}-style overrides
  return { speaker: voice ? decodeEntities(voice[1]!.trim()) : null, text: decodeEntities(body) };
}

/** The paragraphs of one cue: a new paragraph wherever a line opens a new voice. */
function cueParagraphs(lines: readonly string[], atMs: number): TranscriptParagraph[] {
  const turns: Array<{ speaker: string | null; lines: string[] }> = [];
  for (const line of lines) {
    const { speaker, text } = lineText(line);
    const current = turns.at(-1);
    if (speaker !== null || !current) turns.push({ speaker, lines: [text] });
    else current.lines.push(text);
  }
  return turns.flatMap((turn) => {
    const text = joinWrapped(turn.lines);
    if (text === '') return [];
    return [{ atMs, text: turn.speaker ? speakerLine(turn.speaker, text) : text }];
  });
}

interface Timing {
  start: number;
  end: number;
}

function parseTiming(line: string): Timing | null {
  const match = /^\s*(\S+)\s+-->\s+(\S+)(?:\s.*)?$/.exec(line);
  if (!match) return null;
  const start = parseClock(match[1]!);
  const end = parseClock(match[2]!);
  return start === null || end === null ? null : { start, end };
}

interface Cue {
  line: number;
  timing: Timing | null;
  payload: string[];
}

export function parseCues(text: string, dialect: 'vtt' | 'srt'): ParsedTranscript {
  const lines = splitLines(text);
  const problems: TranscriptProblem[] = [];
  const report = (line: number, code: TranscriptProblem['code'], content: string) => problems.push({ line, code, text: excerpt(content.trim()) });
  let index = 0;

  if (dialect === 'vtt') {
    if (/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
      // The header: its first line and anything up to the first blank line.
      while (index < lines.length && lines[index]!.trim() !== '') index += 1;
    } else {
      report(1, 'no_header', lines[0] ?? '');
    }
  }

  const cues: Cue[] = [];
  let block: Array<{ line: number; text: string }> = [];
  const closeBlock = () => {
    if (block.length > 0) readBlock(block);
    block = [];
  };
  const readBlock = (blockLines: Array<{ line: number; text: string }>) => {
    const first = blockLines[0]!;
    if (dialect === 'vtt' && /^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first.text)) return;
    let cue: Cue | null = null;
    const before: Array<{ line: number; text: string }> = [];
    for (const entry of blockLines) {
      if (entry.text.includes('-->')) {
        // A timing line: a new cue, even without the blank line that should come before it.
        if (cue) {
          // In a SubRip file the number of the next cue sits just above its timing line.
          if (dialect === 'srt' && /^\d+$/.test(cue.payload.at(-1)?.trim() ?? '')) cue.payload.pop();
          cues.push(cue);
        }
        // One line may name the first cue; more than that is text that lost its cue.
        if (!cue && before.length > 1) report(before[0]!.line, 'stray_text', before[0]!.text);
        const timing = parseTiming(entry.text);
        if (!timing) report(entry.line, 'bad_timing', entry.text);
        cue = { line: entry.line, timing, payload: [] };
      } else if (cue) {
        cue.payload.push(entry.text);
      } else {
        before.push(entry);
      }
    }
    if (cue) cues.push(cue);
    else report(first.line, 'stray_text', first.text);
  };
  for (; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (line.trim() === '') closeBlock();
    else block.push({ line: index + 1, text: line });
  }
  closeBlock();

  const paragraphs: TranscriptParagraph[] = [];
  let durationMs = 0;
  let previousStart = -1;
  for (const cue of cues) {
    if (!cue.timing) continue;
    const { start, end } = cue.timing;
    const found = cueParagraphs(cue.payload, start);
    if (found.length === 0) {
      report(cue.line, 'empty_cue', cue.payload.join(' ') || '');
      continue;
    }
    if (end < start) report(cue.line, 'end_before_start', `${msLabel(start)} --> ${msLabel(end)}`);
    if (start < previousStart) report(cue.line, 'out_of_order', msLabel(start));
    previousStart = Math.max(previousStart, start);
    durationMs = Math.max(durationMs, start, end);
    paragraphs.push(...found);
  }
  return { paragraphs, problems: problems.sort((a, b) => a.line - b.line), durationMs };
}

function msLabel(ms: number): string {
  const total = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}.${String(ms % 1000).padStart(3, '0')}`;
}
