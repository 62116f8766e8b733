// Persona avatars: either a generated one ('generated:<palette>', drawn from the
// persona's initials) or an uploaded image carried as a data URL. Uploaded images are
// checked by their first bytes, not by the type they claim, and by size, so nothing
// but a small PNG, JPEG or WebP picture is ever stored or written into a document.
import { AVATAR_MAX_BYTES, AVATAR_PALETTES, type AVATAR_IMAGE_TYPES, type AvatarPalette } from './domain.js';

export type AvatarImageType = (typeof AVATAR_IMAGE_TYPES)[number];

export type ParsedAvatar =
  | { kind: 'none' }
  | { kind: 'generated'; palette: AvatarPalette }
  | { kind: 'image'; mimeType: AvatarImageType; base64: string };

export type AvatarProblem = 'unknown_palette' | 'not_a_data_url' | 'not_an_image' | 'too_large';

const DATA_URL = /^data:(image\/[a-z]+);base64,([A-Za-z0-9+/]*={0,2})$/;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes the first `count` bytes of a base64 string (no Buffer or atob in shared code). */
function headBytes(base64: string, count: number): number[] {
  const bytes: number[] = [];
  for (let i = 0; i + 3 < base64.length && bytes.length < count; i += 4) {
    const n = [0, 1, 2, 3].map((k) => Math.max(0, B64.indexOf(base64[i + k] ?? 'A')));
    const word = (n[0]! << 18) | (n[1]! << 12) | (n[2]! << 6) | n[3]!;
    bytes.push((word >> 16) & 255, (word >> 8) & 255, word & 255);
  }
  return bytes.slice(0, count);
}

const startsWith = (bytes: readonly number[], signature: readonly number[], at = 0) =>
  signature.every((b, i) => bytes[at + i] === b);

/** The image type the bytes really are, whatever the data URL says. */
export function sniffImageType(base64: string): AvatarImageType | null {
  const head = headBytes(base64, 12);
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/** Bytes a base64 string decodes to. */
export const base64Bytes = (base64: string): number =>
  Math.floor((base64.length * 3) / 4) - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);

export function parseAvatar(value: string): ParsedAvatar | AvatarProblem {
  if (value === '') return { kind: 'none' };
  if (value.startsWith('generated:')) {
    const palette = value.slice('generated:'.length);
    return (AVATAR_PALETTES as readonly string[]).includes(palette) ? { kind: 'generated', palette: palette as AvatarPalette } : 'unknown_palette';
  }
  const match = DATA_URL.exec(value);
  if (!match) return 'not_a_data_url';
  const [, declared, base64 = ''] = match;
  const actual = sniffImageType(base64);
  if (actual === null || actual !== declared) return 'not_an_image';
  if (base64Bytes(base64) > AVATAR_MAX_BYTES) return 'too_large';
  return { kind: 'image', mimeType: actual, base64 };
}

/** Background and text colour of each generated avatar palette. */
export const PALETTE_COLOURS: Record<AvatarPalette, { background: string; text: string }> = {
  blue: { background: '#dbeafe', text: '#1e3a8a' },
  teal: { background: '#ccfbf1', text: '#134e4a' },
  green: { background: '#dcfce7', text: '#14532d' },
  amber: { background: '#fef3c7', text: '#78350f' },
  orange: { background: '#ffedd5', text: '#7c2d12' },
  red: { background: '#fee2e2', text: '#7f1d1d' },
  pink: { background: '#fce7f3', text: '#831843' },
  purple: { background: '#ede9fe', text: '#4c1d95' },
  slate: { background: '#e2e8f0', text: '#0f172a' },
};

/** Up to two initials: the first character of a Chinese name, else the first letters of two words. */
export function initials(name: string): string {
  const trimmed = name.trim();
  if (/^\p{Script=Han}/u.test(trimmed)) return [...trimmed][0] ?? '';
  const words = trimmed.split(/\s+/).filter((w) => w !== '' && !/^(the|a|an)$/i.test(w));
  return words
    .slice(0, 2)
    .map((w) => [...w][0] ?? '')
    .join('')
    .toUpperCase();
}
