// Reads interview notes or a transcript kept as plain text (or the paragraphs of a
// Word file) into paragraphs, one per non-empty line. Times are taken from the text
// when the file is clearly a timed transcript, in either of the two layouts that
// transcription services export:
// - a time at the start of each line: "[00:01:15] Ann: We went on Saturday."
// - a speaker line ending in a time, then what was said:
//     "Speaker 1  01:15" / "发言人1 01:15", followed by the text lines of that turn.
// Otherwise paragraphs carry no time. A line such as "10:30 we met at the store" in
// ordinary notes is not a timestamp, so times are only read when most lines have one.
import type { TranscriptParagraph } from '../../api/interop.js';
import { joinWrapped, parseClock, speakerLine } from './lines.js';

const LEADING_TIME = /^[[(]?((?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)[\])]?\s*[-–—:|]?\s+(\S.*)$/;
const SPEAKER_TIME = /^(\S.{0,39}?)\s+[[(]?((?:\d{1,2}:)?\d{1,2}:\d{2})[\])]?$/;

export function parsePlainText(lines: readonly string[]): { paragraphs: TranscriptParagraph[]; durationMs: number } {
  const filled = lines.map((l) => l.trim()).filter((l) => l !== '');
  const leading = filled.filter((l) => LEADING_TIME.test(l) && parseClock(LEADING_TIME.exec(l)![1]!) !== null).length;
  const speakers = filled.filter((l) => SPEAKER_TIME.test(l) && parseClock(SPEAKER_TIME.exec(l)![2]!) !== null).length;

  let paragraphs: TranscriptParagraph[];
  if (speakers >= 2 && speakers * 5 >= filled.length) paragraphs = speakerTurns(lines);
  else if (leading >= 2 && leading * 2 >= filled.length) paragraphs = leadingTimes(filled);
  else paragraphs = filled.map((text) => ({ atMs: null, text }));
  const durationMs = paragraphs.reduce((max, p) => Math.max(max, p.atMs ?? 0), 0);
  return { paragraphs, durationMs };
}

/** Each line with its own time; a line without one continues at the time before it. */
function leadingTimes(lines: readonly string[]): TranscriptParagraph[] {
  let at: number | null = null;
  return lines.map((line) => {
    const match = LEADING_TIME.exec(line);
    const time = match ? parseClock(match[1]!) : null;
    if (match && time !== null) {
      at = time;
      return { atMs: time, text: match[2]!.trim() };
    }
    return { atMs: at, text: line };
  });
}

/** A speaker-and-time line opens a turn; the lines after it, up to a blank line or the next turn, are what was said. */
function speakerTurns(lines: readonly string[]): TranscriptParagraph[] {
  const paragraphs: TranscriptParagraph[] = [];
  let turn: { speaker: string; atMs: number; lines: string[] } | null = null;
  let at: number | null = null;
  const close = () => {
    if (turn) {
      // A turn with nothing said keeps the speaker, so no line of the file is lost.
      paragraphs.push({ atMs: turn.atMs, text: speakerLine(turn.speaker, joinWrapped(turn.lines)) });
    }
    turn = null;
  };
  for (const raw of lines) {
    const line = raw.trim();
    const match = SPEAKER_TIME.exec(line);
    const time = match ? parseClock(match[2]!) : null;
    if (match && time !== null) {
      close();
      at = time;
      turn = { speaker: match[1]!.trim(), atMs: time, lines: [] };
    } else if (line === '') {
      close();
    } else if (turn) {
      turn.lines.push(line);
    } else {
      paragraphs.push({ atMs: at, text: line });
    }
  }
  close();
  return paragraphs;
}
