// Exported documents travel to the renderer as base64 with a file name and type,
// whatever their format; the file name is safe on every platform, whatever the user
// named the study, persona or guide it comes from.
import type { ExportedFile } from '../../../shared/api/guide.js';

/** Characters some platform refuses in a file name (the separators among them). */
const RESERVED = new Set('\\/:*?"<>|');
/** Bidirectional controls: with one, `report\u202Efdp.exe` displays as `reportexe.pdf`. */
const BIDI = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);

function unsafe(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  const control = code < 0x20 || (code >= 0x7f && code <= 0x9f);
  const loneSurrogate = code >= 0xd800 && code <= 0xdfff;
  return control || loneSurrogate || BIDI.has(code) || RESERVED.has(ch);
}

/** Device names Windows reserves, with any extension. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const MAX_CHARS = 120;
/** macOS and Linux allow 255 bytes; leave room for the extension and a " (2)" the browser may add. */
const MAX_BYTES = 200;

/** Cuts to whole characters within both limits. */
function truncate(name: string): string {
  let out = '';
  let bytes = 0;
  for (const ch of [...name].slice(0, MAX_CHARS)) {
    bytes += Buffer.byteLength(ch);
    if (bytes > MAX_BYTES) break;
    out += ch;
  }
  return out;
}

/**
 * A file name safe on every platform, keeping Chinese characters; `fallback` when nothing
 * is left. No separators or reserved characters (so no path: `../../x` is one name), no
 * control or bidi characters, no leading dot (hidden, or `..`), no trailing dot or space
 * (Windows drops them), no device name (CON, NUL...), at most 120 characters and 200 bytes.
 */
export function safeFileName(name: string, fallback: string): string {
  const trimEnds = (s: string) => s.replace(/^[\s.]+|[\s.]+$/g, '');
  const spaced = [...name.normalize('NFC')].map((ch) => (unsafe(ch) ? ' ' : ch)).join('');
  const cleaned = trimEnds(spaced.replace(/\s+/g, ' '));
  const base = trimEnds(truncate(cleaned));
  if (!base) return fallback;
  return WINDOWS_DEVICE.test(base) ? `_${base}` : base;
}

export const MIME_TYPES = {
  markdown: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  png: 'image/png',
} as const;

const EXTENSIONS: Record<keyof typeof MIME_TYPES, string> = { markdown: 'md', html: 'html', pdf: 'pdf', docx: 'docx', png: 'png' };

export function exportedFile(baseName: string, format: keyof typeof MIME_TYPES, content: string | Uint8Array): ExportedFile {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return { fileName: `${baseName}.${EXTENSIONS[format]}`, mimeType: MIME_TYPES[format], base64: bytes.toString('base64') };
}
