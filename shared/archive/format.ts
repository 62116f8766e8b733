// The `.fieldwork` study archive: a zip holding a manifest, the study's data as
// JSON files (one per area), and persona pictures as image files. This module names
// the format, its version, its entries and the limits a reader enforces, so the core
// (which reads and writes archives) and the renderer (which checks a chosen file's
// size before sending it) agree on them.
import { z } from 'zod';
import { Id, Timestamp } from '../api/fields.js';

export const ARCHIVE_FORMAT = 'fieldwork.study-archive';
/**
 * The version this app writes. A reader accepts every version from 1 up to this one
 * (older archives are upgraded as they are read, see read.ts) and refuses newer ones.
 */
export const ARCHIVE_FORMAT_VERSION = 1;
export const ARCHIVE_EXTENSION = '.fieldwork';
export const ARCHIVE_MIME_TYPE = 'application/zip';

export const MANIFEST_ENTRY = 'manifest.json';

/** The JSON files of a version-1 archive, and which lists of the study's data each holds. */
export const DATA_ENTRIES = {
  'study.json': ['study', 'stages', 'touchpoints', 'influencers'],
  'participants.json': ['participants'],
  'codebook.json': ['tags'],
  'guide.json': ['guides', 'guideVersions', 'guideSections', 'guideQuestions'],
  'sessions.json': ['sessions', 'sessionQuestions'],
  'notes.json': ['notes'],
  'findings.json': ['findings'],
  'board.json': ['themes', 'groups', 'links'],
  'personas.json': ['personas', 'personaItems'],
  'journey.json': ['journeyMaps', 'journeyEmotions', 'journeyItems'],
} as const;
export type DataEntry = keyof typeof DATA_ENTRIES;
export const DATA_ENTRY_NAMES = Object.keys(DATA_ENTRIES) as DataEntry[];

/** Persona pictures: `images/<persona id>.<png|jpg|webp>`. */
export const IMAGE_ENTRY = /^images\/[0-9a-f-]{36}\.(png|jpg|webp)$/;
export const IMAGE_EXTENSIONS = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' } as const;

/**
 * What a reader accepts. Measured: a very large study (200 interviews, 50,000 note
 * paragraphs half Chinese, 4,000 findings) makes a 4.6 MB archive of 39 MB of JSON
 * (8.6:1); these leave room above that while keeping a hostile file from exhausting
 * memory.
 */
export const ARCHIVE_LIMITS = {
  /** The archive file itself (it travels base64-encoded inside one request). */
  fileBytes: 12 * 1024 * 1024,
  entries: 500,
  /** One JSON file, inflated. */
  entryBytes: 128 * 1024 * 1024,
  /** Every entry together, inflated. */
  totalBytes: 256 * 1024 * 1024,
  /**
   * Inflated size over compressed size, for entries past `ratioFloorBytes`. Note JSON
   * compresses 7-10:1; deflate reaches about 1,030:1 at most, which bombs use.
   */
  ratio: 200,
  ratioFloorBytes: 1024 * 1024,
  entryNameLength: 200,
  /** Nesting of a note's rich-text state (real notes are four levels deep). */
  jsonDepth: 64,
} as const;

/** The base64 length of the largest archive accepted. */
export const ARCHIVE_BASE64_MAX = Math.ceil(ARCHIVE_LIMITS.fileBytes / 3) * 4;

export const ArchiveManifest = z.strictObject({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.number().int().min(1),
  appVersion: z.string().max(50),
  /** The library schema version of the app that wrote it (for diagnosis; the format version decides reading). */
  schemaVersion: z.number().int().min(1),
  exportedAt: Timestamp,
  /** New for every export: importing the same file twice is recognised by it. */
  archiveId: Id,
  /** The study's id in the library it came from: a later export of the same study is recognised by it. */
  studyId: Id,
  studyName: z.string().max(1000),
  /** False when participants' real names and contacts (and withdrawn participants) were left out. */
  personalData: z.boolean(),
});
export type ArchiveManifest = z.infer<typeof ArchiveManifest>;
