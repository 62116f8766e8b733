// Exported documents travel to the renderer as base64 with a file name and type,
// whatever their format; the file name is safe on every platform.
import type { ExportedFile } from '../../../shared/api/guide.js';

/** A file name safe on every platform, keeping Chinese characters; `fallback` when nothing is left. */
export function safeFileName(name: string, fallback: string): string {
  const cleaned = [...name]
    .map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? ' ' : ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.slice(0, 120) || fallback;
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
