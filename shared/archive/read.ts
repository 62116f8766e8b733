// Reading an archive's JSON once the zip has been opened safely: the manifest first
// (is this our format, and a version we can read?), then each data file against its
// version's schema, then the references between them. Nothing here writes; a reader
// that returns has data that can be written whole.
//
// Later format versions add a case to `parseArchiveData` that reads the old version
// with its own schemas and upgrades it to the current shape, so every archive ever
// written stays importable.
import type { z } from 'zod';
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, ArchiveManifest, DATA_ENTRIES, DATA_ENTRY_NAMES, IMAGE_ENTRY, MANIFEST_ENTRY } from './format.js';
import { ArchiveProblem } from './problems.js';
import { checkReferences } from './relations.js';
import { ArchiveDataV1 } from './v1.js';

/** The data shape of the current format version. */
export type ArchiveData = ArchiveDataV1;

/** Whether an entry name belongs to the format (the manifest, a data file, a persona picture). */
export function isFormatEntry(name: string): boolean {
  return name === MANIFEST_ENTRY || (DATA_ENTRY_NAMES as string[]).includes(name) || IMAGE_ENTRY.test(name);
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

export function parseManifest(json: unknown): ArchiveManifest {
  const head = (json ?? {}) as { format?: unknown; formatVersion?: unknown };
  if (typeof json !== 'object' || head.format !== ARCHIVE_FORMAT) {
    throw new ArchiveProblem('not_an_archive', 'The manifest does not name the Fieldwork study archive format.');
  }
  const version = head.formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > ARCHIVE_FORMAT_VERSION) {
    throw new ArchiveProblem('newer_version', `This archive is format version ${version}; this Fieldwork reads up to version ${ARCHIVE_FORMAT_VERSION}. Update Fieldwork to import it.`);
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ArchiveProblem('unsupported_version', `The archive's format version (${String(version)}) is not one Fieldwork has written.`);
  }
  const parsed = ArchiveManifest.safeParse(json);
  if (!parsed.success) throw new ArchiveProblem('invalid_data', `${MANIFEST_ENTRY}: ${firstIssue(parsed.error)}`);
  return parsed.data;
}

/** Reads the data files of an archive whose manifest was accepted; `entry` gives a file's parsed JSON, or undefined when absent. */
export function parseArchiveData(manifest: ArchiveManifest, entry: (name: string) => unknown): ArchiveData {
  switch (manifest.formatVersion) {
    case 1:
      return readV1(entry);
    default:
      throw new ArchiveProblem('unsupported_version', `Format version ${manifest.formatVersion} cannot be read.`);
  }
}

function readV1(entry: (name: string) => unknown): ArchiveDataV1 {
  const data: Record<string, unknown> = {};
  for (const name of DATA_ENTRY_NAMES) {
    const json = entry(name);
    if (json === undefined) throw new ArchiveProblem('missing_entry', `The archive has no ${name}.`);
    const lists = DATA_ENTRIES[name];
    const schema = ArchiveDataV1.pick(Object.fromEntries(lists.map((list) => [list, true])) as Record<(typeof lists)[number], true>);
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ArchiveProblem('invalid_data', `${name}: ${firstIssue(parsed.error)}`);
    Object.assign(data, parsed.data);
  }
  const whole = data as ArchiveDataV1;
  checkReferences(whole);
  return whole;
}
