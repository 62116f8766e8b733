// A generated avatar (a coloured disc with the persona's initials) as images a Word
// document can hold: an SVG with the initials, as the PDF draws it, and a PNG disc
// for word processors that show no SVG. The PNG is encoded here (zlib, no canvas),
// so a Word export needs no browser.
import { deflateSync } from 'node:zlib';
import { initials, PALETTE_COLOURS } from '../../../shared/avatar.js';
import { escapeHtml as escapeXml } from '../../../shared/export/escape.js';
import { documentFontStack } from '../../../shared/export/fonts.js';
import type { AvatarPalette, StudyLanguage } from '../../../shared/domain.js';

const SIZE = 220;

export function generatedAvatarSvg(name: string, palette: AvatarPalette, language: StudyLanguage): Uint8Array {
  const { background, text } = PALETTE_COLOURS[palette];
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 100 100">` +
    `<circle cx="50" cy="50" r="50" fill="${background}"/>` +
    `<text x="50" y="50" dy="0.35em" text-anchor="middle" font-size="38" font-weight="700" fill="${text}" font-family="${escapeXml(documentFontStack(language))}">${escapeXml(initials(name))}</text>` +
    '</svg>';
  return new TextEncoder().encode(svg);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const rgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

/** The disc alone, RGBA, edges smoothed by coverage, transparent outside. */
export function generatedAvatarPng(palette: AvatarPalette): Uint8Array {
  const [r, g, b] = rgb(PALETTE_COLOURS[palette].background);
  const radius = SIZE / 2;
  const rows: Buffer[] = [];
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then pixels
    for (let x = 0; x < SIZE; x++) {
      const distance = Math.hypot(x + 0.5 - radius, y + 0.5 - radius);
      const alpha = Math.max(0, Math.min(1, radius - distance + 0.5));
      row.set([r, g, b, Math.round(alpha * 255)], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', new Uint8Array())]));
}
