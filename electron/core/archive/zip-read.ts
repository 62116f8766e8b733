// Opens a zip from untrusted hands. Everything is decided from the central directory
// before a byte is inflated: entry count, names (no way out of a folder), duplicates,
// declared sizes against the caps and the compression ratio. Inflating then stops at
// the declared size (zlib's maxOutputLength), so an entry that lies about its size
// cannot grow past it, and each entry's CRC-32 is checked. Only what a Fieldwork
// archive needs is supported: stored or deflated entries, no encryption, no ZIP64.
import zlib from 'node:zlib';
import { ARCHIVE_LIMITS } from '../../../shared/archive/format.js';
import { ArchiveProblem } from '../../../shared/archive/problems.js';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

export interface ZipLimits {
  entries: number;
  entryBytes: number;
  totalBytes: number;
  ratio: number;
  ratioFloorBytes: number;
  entryNameLength: number;
}

interface CentralEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const problem = (code: ConstructorParameters<typeof ArchiveProblem>[0], message: string) => new ArchiveProblem(code, message);

function findEndOfCentralDirectory(zip: Buffer): number {
  const lowest = Math.max(0, zip.length - EOCD_SIZE - MAX_COMMENT);
  for (let at = zip.length - EOCD_SIZE; at >= lowest; at--) {
    if (zip.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  throw problem('not_a_zip', 'The file is not a zip archive.');
}

/**
 * Why an entry name is unsafe to use as a path, or null when it is a plain relative
 * path: no parent or current-folder segments, no leading slash, no backslashes, no
 * drive letters or colons, no control characters, no empty segments.
 */
export function unsafeEntryName(name: string, maxLength: number = ARCHIVE_LIMITS.entryNameLength): string | null {
  if (name.length === 0 || name.length > maxLength) return 'its length';
  if (name.includes('\\')) return 'a backslash';
  if (name.startsWith('/')) return 'an absolute path';
  if (name.includes(':')) return 'a drive letter or colon';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'a control character';
  const segments = name.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return 'a ".." or "." segment';
  if (segments.some((s) => s === '')) return 'an empty folder name';
  return null;
}

function readCentralDirectory(zip: Buffer, limits: ZipLimits): CentralEntry[] {
  const eocd = findEndOfCentralDirectory(zip);
  const disk = zip.readUInt16LE(eocd + 4);
  const centralDisk = zip.readUInt16LE(eocd + 6);
  const entriesHere = zip.readUInt16LE(eocd + 8);
  const count = zip.readUInt16LE(eocd + 10);
  const centralSize = zip.readUInt32LE(eocd + 12);
  const centralOffset = zip.readUInt32LE(eocd + 16);
  if (disk !== 0 || centralDisk !== 0 || entriesHere !== count) throw problem('unsupported_zip', 'Split (multi-part) zip files are not supported.');
  if (count === 0xffff || centralOffset === 0xffffffff || centralSize === 0xffffffff) throw problem('unsupported_zip', 'ZIP64 archives are not supported.');
  if (count > limits.entries) throw problem('too_many_entries', `The archive has ${count} entries; at most ${limits.entries} are accepted.`);
  if (centralOffset + centralSize > eocd) throw problem('corrupt', 'The zip directory lies outside the file.');

  const entries: CentralEntry[] = [];
  const names = new Set<string>();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let totalSize = 0;
  let at = centralOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw problem('corrupt', 'The zip directory is damaged.');
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > eocd) throw problem('corrupt', 'The zip directory is damaged.');
    let name: string;
    try {
      name = decoder.decode(zip.subarray(at + 46, at + 46 + nameLength));
    } catch {
      throw problem('unsafe_path', 'An entry name is not valid text.');
    }
    at = end;

    const unsafe = unsafeEntryName(name, limits.entryNameLength);
    if (unsafe) throw problem('unsafe_path', `The entry "${name.slice(0, 100)}" has ${unsafe}: it could write outside its folder.`);
    // Case-insensitive: on Windows and macOS "A.json" and "a.json" are the same file.
    const folded = name.toLowerCase();
    if (names.has(folded)) throw problem('duplicate_entry', `The entry "${name}" appears twice.`);
    names.add(folded);
    if (flags & 0x1) throw problem('unsupported_zip', `The entry "${name}" is encrypted.`);
    if (method !== 0 && method !== 8) throw problem('unsupported_zip', `The entry "${name}" uses an unsupported compression method (${method}).`);
    if (size > limits.entryBytes) throw problem('entry_too_large', `The entry "${name}" is ${size} bytes; at most ${limits.entryBytes} are accepted.`);
    totalSize += size;
    if (totalSize > limits.totalBytes) throw problem('zip_bomb', `The archive inflates to more than ${limits.totalBytes} bytes.`);
    if (size > limits.ratioFloorBytes && size / Math.max(1, compressedSize) > limits.ratio) {
      throw problem('zip_bomb', `The entry "${name}" inflates ${Math.round(size / Math.max(1, compressedSize))} times its compressed size.`);
    }
    entries.push({ name, method, flags, crc, compressedSize, size, localOffset });
  }
  return entries;
}

/** Where an entry's compressed bytes are, after checking its local header agrees with the directory. */
function dataRange(zip: Buffer, entry: CentralEntry, dataLimit: number): [number, number] {
  const at = entry.localOffset;
  if (at + 30 > dataLimit || zip.readUInt32LE(at) !== LOCAL_SIGNATURE) throw problem('corrupt', `The entry "${entry.name}" is damaged.`);
  const nameLength = zip.readUInt16LE(at + 26);
  const extraLength = zip.readUInt16LE(at + 28);
  const localName = zip.subarray(at + 30, at + 30 + nameLength).toString('utf8');
  if (localName !== entry.name) throw problem('corrupt', `The entry "${entry.name}" has a different name in its own header.`);
  const start = at + 30 + nameLength + extraLength;
  const end = start + entry.compressedSize;
  if (end > dataLimit) throw problem('corrupt', `The entry "${entry.name}" runs past the end of its data.`);
  return [start, end];
}

function inflate(entry: CentralEntry, compressed: Buffer): Buffer {
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw problem('corrupt', `The stored entry "${entry.name}" has mismatched sizes.`);
    return compressed;
  }
  try {
    // One byte of room past the declared size tells "larger than declared" from "exactly".
    return zlib.inflateRawSync(compressed, { maxOutputLength: entry.size + 1 });
  } catch (error) {
    if (error instanceof RangeError) throw problem('zip_bomb', `The entry "${entry.name}" inflates past the size it declares.`);
    throw problem('corrupt', `The entry "${entry.name}" cannot be decompressed.`);
  }
}

/**
 * The entries of a zip as name -> bytes, refusing anything unsafe or damaged.
 * `accept` is shown the entry names (from the directory, before anything is inflated)
 * and throws when they are not what the caller expects.
 */
export function readZip(zip: Buffer, limits: ZipLimits, accept: (names: readonly string[]) => void): Map<string, Buffer> {
  if (zip.length < EOCD_SIZE) throw problem('not_a_zip', 'The file is not a zip archive.');
  const entries = readCentralDirectory(zip, limits);
  accept(entries.map((e) => e.name));

  // Entries must not overlap one another or the directory: overlapping entries are a
  // way to make a small file inflate many times over.
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  const centralStart = zip.readUInt32LE(findEndOfCentralDirectory(zip) + 16);
  const files = new Map<string, Buffer>();
  byOffset.forEach((entry, i) => {
    const limit = byOffset[i + 1]?.localOffset ?? centralStart;
    const [start, end] = dataRange(zip, entry, limit);
    const bytes = inflate(entry, zip.subarray(start, end));
    if (bytes.length !== entry.size) {
      throw problem(bytes.length > entry.size ? 'zip_bomb' : 'corrupt', `The entry "${entry.name}" is not the size it declares.`);
    }
    if (zlib.crc32(bytes) >>> 0 !== entry.crc) throw problem('corrupt', `The entry "${entry.name}" fails its checksum.`);
    files.set(entry.name, bytes);
  });
  return files;
}
