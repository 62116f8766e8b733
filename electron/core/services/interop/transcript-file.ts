// Turns an uploaded file of interview material into timed paragraphs: WebVTT and
// SubRip transcripts, plain text (UTF-8, GB18030 or Big5, detected as for the
// participant CSV import) and Word .docx files. The format comes from the file name,
// or from the content when the name does not say. Every failure is a
// TranscriptFileError with a message the researcher can act on.
import type { TextEncoding, TranscriptFormat, TranscriptParagraph, TranscriptProblem } from '../../../../shared/api/interop.js';
import { parseCues } from '../../../../shared/interop/transcript/cues.js';
import { splitLines } from '../../../../shared/interop/transcript/lines.js';
import { parsePlainText } from '../../../../shared/interop/transcript/plain-text.js';
import { detect, ImportFileError, looksBinary } from '../participant-import/decode.js';
import { DocxError, docxLines } from './docx-text.js';

/** What the browser-mode server accepts in one request, as a file. */
export const MAX_TRANSCRIPT_BYTES = 10 * 1024 * 1024;
/** One interview's notes are one document; the editor and note.save accept this many paragraphs. */
export const MAX_TRANSCRIPT_PARAGRAPHS = 50_000;

export type TranscriptFileErrorCode =
  | 'too_large'
  | 'empty'
  | 'binary'
  | 'undecodable'
  | 'unsupported'
  | 'old_word'
  | 'no_text'
  | 'too_many_paragraphs'
  | DocxError['code'];

export class TranscriptFileError extends Error {
  constructor(
    readonly code: TranscriptFileErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TranscriptFileError';
  }
}

export interface TranscriptContent {
  format: TranscriptFormat;
  encoding: TextEncoding | null;
  paragraphs: TranscriptParagraph[];
  problems: TranscriptProblem[];
  durationMs: number;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);
const ascii = (bytes: Uint8Array, text: string) => startsWith(bytes, [...text].map((c) => c.charCodeAt(0)));
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function formatOf(fileName: string, bytes: Uint8Array): TranscriptFormat {
  const extension = /\.([^./\\]+)$/.exec(fileName.toLowerCase())?.[1] ?? '';
  if (extension === 'doc' || startsWith(bytes, OLE)) {
    throw new TranscriptFileError('old_word', 'This is an older Word file (.doc). Open it in Word and save it as .docx, or as plain text, then import it again.');
  }
  if (ascii(bytes, '%PDF') || ascii(bytes, '{\\rtf')) {
    throw new TranscriptFileError('unsupported', 'PDF and RTF files cannot be imported. Save the text as .docx or .txt, or import the .vtt or .srt transcript.');
  }
  if (extension === 'vtt' || extension === 'srt' || extension === 'docx') return extension;
  if (extension === 'txt' || extension === 'text' || extension === 'md') return 'txt';
  // No telling name: look at the content.
  if (startsWith(bytes, ZIP)) return 'docx';
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '');
  if (/^WEBVTT(?:[ \t\r\n]|$)/.test(head)) return 'vtt';
  if (/^\s*\d+\s*\r?\n\s*[\d:.,]+\s+-->\s/.test(head)) return 'srt';
  return 'txt';
}

function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  // Notepad's "Unicode" is UTF-16: full of NUL bytes, so say what it is before calling it binary.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { text: new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes).replace(/^\uFEFF/, ''), encoding: 'utf-16' };
  }
  if (looksBinary(bytes)) throw new TranscriptFileError('binary', 'This does not look like a text file: it contains binary data. Choose a .txt, .docx, .vtt or .srt file.');
  try {
    return detect(bytes);
  } catch (error) {
    if (error instanceof ImportFileError) {
      throw new TranscriptFileError('undecodable', 'The file’s text encoding could not be recognised (it is not UTF-8, GB18030 or Big5). Save it as UTF-8 text and import it again.');
    }
    throw error;
  }
}

export function readTranscriptFile(fileName: string, bytes: Uint8Array): TranscriptContent {
  if (bytes.length > MAX_TRANSCRIPT_BYTES) {
    const mb = (bytes.length / (1024 * 1024)).toFixed(1);
    throw new TranscriptFileError('too_large', `The file is ${mb} MB; interview files can be at most 10 MB. A Word file this large usually holds pictures: save it without them, or as plain text.`);
  }
  if (bytes.length === 0) throw new TranscriptFileError('empty', 'The file is empty.');
  const format = formatOf(fileName, bytes);

  let content: TranscriptContent;
  if (format === 'docx') {
    try {
      content = { format, encoding: null, problems: [], ...parsePlainText(docxLines(bytes)) };
    } catch (error) {
      if (error instanceof DocxError) throw new TranscriptFileError(error.code, error.message);
      throw error;
    }
  } else {
    const { text, encoding } = decodeText(bytes);
    content = format === 'txt' ? { format, encoding, problems: [], ...parsePlainText(splitLines(text)) } : { format, encoding, ...parseCues(text, format) };
  }
  if (content.paragraphs.length === 0) {
    throw new TranscriptFileError('no_text', format === 'vtt' || format === 'srt' ? 'No cue with text was found in this transcript.' : 'The file has no text to import.');
  }
  if (content.paragraphs.length > MAX_TRANSCRIPT_PARAGRAPHS) {
    throw new TranscriptFileError('too_many_paragraphs', `The file has ${content.paragraphs.length} paragraphs; one interview can hold at most ${MAX_TRANSCRIPT_PARAGRAPHS}. Split it into smaller files.`);
  }
  return content;
}
