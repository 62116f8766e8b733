// The readable text of an exported file, whatever its format, to check what is in it:
// zip-based files (docx, xlsx, qdpx, study archives) are unzipped and every entry read;
// markup entities are decoded, so a name is found whether or not it was escaped.
import { unzipSync } from 'fflate';
import type { ExportedFile } from '../../shared/api/guide.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function exportedText(file: Pick<ExportedFile, 'base64'>): string {
  const bytes = Buffer.from(file.base64, 'base64');
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const parts = isZip ? Object.values(unzipSync(new Uint8Array(bytes))).map((entry) => Buffer.from(entry).toString('utf8')) : [bytes.toString('utf8')];
  return parts.map(decodeEntities).join('\n');
}
