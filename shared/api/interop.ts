// Contract shapes for moving data to and from other tools: findings as CSV or Excel,
// the study as a REFI-QDA project, and interview material (plain text, Word, WebVTT
// or SubRip transcripts) imported as completed sessions.
import { z } from 'zod';
import { Id, ShortText, Timestamp } from './fields.js';

export const FINDINGS_TABLE_FORMATS = ['csv', 'xlsx'] as const;
export type FindingsTableFormat = (typeof FINDINGS_TABLE_FORMATS)[number];

export const InteropExportOptions = z.strictObject({
  /**
   * Participants' real names replaced by their codes wherever they occur in typed text,
   * and no real-name column. On unless false.
   */
  hideRealNames: z.boolean().optional(),
  /** The reader's IANA time zone (e.g. "Asia/Shanghai"), for session dates; UTC when absent or unknown. */
  timeZone: z.string().max(64).optional(),
});
export type InteropExportOptions = z.infer<typeof InteropExportOptions>;

export const TRANSCRIPT_FORMATS = ['vtt', 'srt', 'txt', 'docx'] as const;
export type TranscriptFormat = (typeof TRANSCRIPT_FORMATS)[number];

/** A transcript file of at most 10 MB, base64 (what the browser-mode server accepts in one request). */
export const TranscriptFile = z.strictObject({
  fileName: z.string().trim().min(1).max(255),
  base64: z.string().max(14_000_000),
});

export const TRANSCRIPT_PROBLEMS = [
  /** A .vtt file whose first line is not "WEBVTT". */
  'no_header',
  /** A block whose timing line cannot be read; the block is skipped. */
  'bad_timing',
  /** A cue that ends before it starts; kept with its start time. */
  'end_before_start',
  /** A cue that starts before the one before it; kept in file order. */
  'out_of_order',
  /** A cue with a timing line and no text; skipped. */
  'empty_cue',
  /** Text outside any cue (e.g. a missing blank line or timing line); skipped. */
  'stray_text',
] as const;

export const TranscriptProblem = z.strictObject({
  line: z.number().int(),
  code: z.enum(TRANSCRIPT_PROBLEMS),
  /** The offending line, shortened. */
  text: z.string(),
});
export type TranscriptProblem = z.infer<typeof TranscriptProblem>;

export const TranscriptParagraph = z.strictObject({
  /** When it was said, from the interview's start; null when the file carries no times. */
  atMs: z.number().int().nullable(),
  text: z.string(),
});
export type TranscriptParagraph = z.infer<typeof TranscriptParagraph>;

export const TEXT_ENCODINGS = ['utf-8', 'utf-16', 'gb18030', 'big5'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export const TranscriptPreview = z.strictObject({
  format: z.enum(TRANSCRIPT_FORMATS),
  /** The text encoding detected for plain text and transcripts; null for Word files. */
  encoding: z.enum(TEXT_ENCODINGS).nullable(),
  paragraphCount: z.number().int(),
  /** The end of the last cue (transcripts) or the last paragraph time; 0 without times. */
  durationMs: z.number().int(),
  /** The first paragraphs, as they will be stored. */
  paragraphs: z.array(TranscriptParagraph),
  problemCount: z.number().int(),
  problems: z.array(TranscriptProblem),
});
export type TranscriptPreview = z.infer<typeof TranscriptPreview>;

export const TranscriptImport = TranscriptFile.extend({
  studyId: Id,
  participantId: Id,
  interviewer: ShortText,
  /** When the interview took place (ISO 8601). */
  date: Timestamp.pipe(z.iso.datetime({ offset: true })),
});
