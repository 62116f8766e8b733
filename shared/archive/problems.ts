// Why an archive was refused. Each problem is a stable code (the UI says it in the
// user's language, the core sends it as the error's reason `archive_<code>`) plus an
// English message naming the detail (which entry, which field).

export const ARCHIVE_PROBLEMS = [
  /** Not a zip file at all. */
  'not_a_zip',
  /** A zip this reader does not open: encrypted, split, ZIP64, or an unknown compression. */
  'unsupported_zip',
  /** Truncated or damaged: a checksum, size or header does not match. */
  'corrupt',
  /** An entry name that could write outside a folder: `..`, absolute, backslashes, drive letters. */
  'unsafe_path',
  'duplicate_entry',
  'too_many_entries',
  /** One entry larger than any real archive's. */
  'entry_too_large',
  /** Inflates far past its compressed size or past its declared size: a zip bomb. */
  'zip_bomb',
  'file_too_large',
  /** An entry that is not part of the format. */
  'unexpected_entry',
  'missing_entry',
  /** A zip, but not a Fieldwork study archive. */
  'not_an_archive',
  /** Written by a newer Fieldwork: update the app to open it. */
  'newer_version',
  'unsupported_version',
  'malformed_json',
  /** JSON that does not match the format's schema. */
  'invalid_data',
  /** An id used twice, or a reference to something not in the archive. */
  'bad_reference',
  /** A persona picture that is not a small PNG, JPEG or WebP image. */
  'bad_image',
] as const;
export type ArchiveProblemCode = (typeof ARCHIVE_PROBLEMS)[number];

export class ArchiveProblem extends Error {
  constructor(
    readonly code: ArchiveProblemCode,
    message: string,
  ) {
    super(message);
    this.name = 'ArchiveProblem';
  }
}

export const ARCHIVE_REASON_PREFIX = 'archive_';

/** The archive problem an error reason names, if it names one. */
export function archiveProblemOf(reason: string | undefined): ArchiveProblemCode | null {
  if (!reason?.startsWith(ARCHIVE_REASON_PREFIX)) return null;
  const code = reason.slice(ARCHIVE_REASON_PREFIX.length);
  return (ARCHIVE_PROBLEMS as readonly string[]).includes(code) ? (code as ArchiveProblemCode) : null;
}
