// Turns the bytes of a `.fieldwork` file into checked data, or refuses it with the
// reason: the zip opened safely (zip-read.ts), every entry one the format names, the
// manifest naming a version this app reads, every JSON file parsed and matched to its
// schema, references kept inside the archive, and persona pictures real images.
// Nothing is written here; this runs before the import's transaction begins.
import { AVATAR_MAX_BYTES } from '../../../shared/domain.js';
import { parseAvatar, sniffImageType } from '../../../shared/avatar.js';
import { ARCHIVE_LIMITS, MANIFEST_ENTRY, type ArchiveManifest } from '../../../shared/archive/format.js';
import { ArchiveProblem } from '../../../shared/archive/problems.js';
import { isFormatEntry, parseArchiveData, parseManifest, type ArchiveData } from '../../../shared/archive/read.js';
import { readZip } from './zip-read.js';

export interface OpenedArchive {
  manifest: ArchiveManifest;
  data: ArchiveData;
  /** Entry name -> the picture as the data URL a persona stores. */
  images: Map<string, string>;
}

function acceptNames(names: readonly string[]): void {
  if (!names.includes(MANIFEST_ENTRY)) throw new ArchiveProblem('not_an_archive', 'This zip file is not a Fieldwork study archive (it has no manifest).');
  const stranger = names.find((name) => !isFormatEntry(name));
  if (stranger !== undefined) throw new ArchiveProblem('unexpected_entry', `The archive holds "${stranger}", which is not part of a study archive.`);
}

function parseJson(name: string, bytes: Buffer): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    throw new ArchiveProblem('malformed_json', `${name} is not valid JSON text.`);
  }
}

function pictures(data: ArchiveData, files: Map<string, Buffer>): Map<string, string> {
  const images = new Map<string, string>();
  for (const persona of data.personas) {
    if (persona.avatar.kind !== 'image') continue;
    const { file } = persona.avatar;
    const bytes = files.get(file);
    if (!bytes) throw new ArchiveProblem('missing_entry', `The picture ${file} of persona “${persona.name}” is missing.`);
    const base64 = bytes.toString('base64');
    const type = sniffImageType(base64);
    if (!type || bytes.length > AVATAR_MAX_BYTES) throw new ArchiveProblem('bad_image', `${file} is not a PNG, JPEG or WebP picture of at most ${AVATAR_MAX_BYTES / 1024} KB.`);
    const url = `data:${type};base64,${base64}`;
    if (typeof parseAvatar(url) === 'string') throw new ArchiveProblem('bad_image', `${file} cannot be used as a persona picture.`);
    images.set(file, url);
  }
  return images;
}

export function openArchive(bytes: Buffer): OpenedArchive {
  if (bytes.length > ARCHIVE_LIMITS.fileBytes) {
    throw new ArchiveProblem('file_too_large', `The file is larger than ${ARCHIVE_LIMITS.fileBytes / 1024 / 1024} MB.`);
  }
  const files = readZip(bytes, ARCHIVE_LIMITS, acceptNames);
  const manifest = parseManifest(parseJson(MANIFEST_ENTRY, files.get(MANIFEST_ENTRY)!));
  const data = parseArchiveData(manifest, (name) => {
    const file = files.get(name);
    return file === undefined ? undefined : parseJson(name, file);
  });
  if (data.study.id !== manifest.studyId) throw new ArchiveProblem('bad_reference', 'The manifest and study.json name different studies.');
  return { manifest, data, images: pictures(data, files) };
}
