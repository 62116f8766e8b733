// Small text helpers shared by the transcript readers: splitting into lines whatever
// the line ends, joining wrapped lines back into one sentence (with a space between
// words, none between Chinese characters), and reading clock times.

/** The text's lines, for CR LF, LF or CR line ends, without a byte-order mark. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

// Han, kana, Hangul and the CJK punctuation and full-width forms: scripts written without spaces.
const NO_SPACE_SCRIPT = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]|[\u{20000}-\u{3FFFF}]/u;

/** Joins the wrapped lines of one utterance; Chinese (and Japanese, Korean) lines join without a space. */
export function joinWrapped(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (out === '') {
      out = line;
      continue;
    }
    const last = [...out].at(-1) ?? '';
    const first = [...line][0] ?? '';
    out += NO_SPACE_SCRIPT.test(last) || NO_SPACE_SCRIPT.test(first) ? line : ` ${line}`;
  }
  return out;
}

/** What a speaker said, as one paragraph: "Ann: …", or "访谈员：…" with the full-width colon Chinese uses. */
export function speakerLine(speaker: string, text: string): string {
  if (text === '') return speaker;
  return NO_SPACE_SCRIPT.test([...text][0] ?? '') ? `${speaker}：${text}` : `${speaker}: ${text}`;
}

/**
 * Milliseconds of a clock time: "hh:mm:ss.ttt", "mm:ss.ttt", "h:mm:ss", "mm:ss", with a
 * comma or a full stop before the fraction (SubRip writes a comma). Minutes and seconds
 * must be below 60. Null when the text is not such a time.
 */
export function parseClock(text: string): number | null {
  const match = /^(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/.exec(text.trim());
  if (!match) return null;
  const [, hours = '0', minutes = '0', seconds = '0', fraction = ''] = match;
  if (Number(minutes) > 59 || Number(seconds) > 59) return null;
  const ms = fraction === '' ? 0 : Number(fraction.padEnd(3, '0'));
  return ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 + ms;
}

/** A line shortened for a problem report. */
export const excerpt = (line: string, max = 80): string => ([...line].length > max ? `${[...line].slice(0, max - 1).join('')}…` : line);
