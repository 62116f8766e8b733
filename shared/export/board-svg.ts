// The board as a self-contained SVG image: a column per stage with its groups and
// cards, text wrapped to the card width (CJK characters count as full width).
// Every user string is escaped, so a card can never inject markup into the image.
import type { PainKind } from '../domain.js';
import { TERMS_COLOURS } from '../terms-colours.js';
import { endWithEllipsis, graphemes } from '../text/ellipsis.js';
import { escapeHtml } from './escape.js';

export interface SvgCard {
  text: string;
  meta: string;
  color: string;
  /** TERMS chips, drawn in the same colours as on the board. */
  terms?: readonly PainKind[];
}
export interface SvgGroup {
  name: string;
  color: string;
  cards: SvgCard[];
}
export interface SvgColumn {
  title: string;
  groups: SvgGroup[];
  loose: SvgCard[];
}
export interface SvgBoard {
  title: string;
  columns: SvgColumn[];
}

const COLUMN_WIDTH = 260;
const GAP = 16;
const CARD_WIDTH = COLUMN_WIDTH - 24;
const LINE = 16;
const FONT = "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', 'Segoe UI', sans-serif";

/** Splits text into lines that fit `width` pixels at 12 px (CJK ≈ 12 px, Latin ≈ 6.6 px). */
export function wrapText(text: string, width: number, maxLines = 4): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  let truncated = false;
  // Whole characters only: an emoji or an accented letter is never split across lines.
  for (const ch of graphemes(text.replace(/\s+/g, ' '))) {
    const w = /[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]|\p{Extended_Pictographic}/u.test(ch) ? 12 : 6.6;
    if (used + w > width && line) {
      lines.push(line);
      line = '';
      used = 0;
      if (lines.length === maxLines) {
        truncated = true;
        break;
      }
    }
    line += ch;
    used += w;
  }
  if (line && !truncated) lines.push(line);
  if (truncated) lines[maxLines - 1] = endWithEllipsis(lines[maxLines - 1]!);
  return lines;
}

function cardSvg(card: SvgCard, x: number, y: number): { svg: string; height: number } {
  const lines = wrapText(card.text, CARD_WIDTH - 20);
  const height = 18 + lines.length * LINE + 18;
  const text = lines.map((l, i) => `<text x="${x + 12}" y="${y + 20 + i * LINE}" font-size="12" fill="#1f2328">${escapeHtml(l)}</text>`).join('');
  return {
    height,
    svg:
      `<rect x="${x}" y="${y}" width="${CARD_WIDTH}" height="${height}" rx="6" fill="#ffffff" stroke="#dedbd3"/>` +
      `<rect x="${x}" y="${y}" width="4" height="${height}" rx="2" fill="${escapeHtml(card.color)}"/>` +
      text +
      `<text x="${x + 12}" y="${y + height - 8}" font-size="10" fill="#6b7178">${escapeHtml(card.meta)}</text>` +
      termsChips(card.terms ?? [], x + CARD_WIDTH - 8, y + height - 19),
  };
}

/** The card's TERMS as small coloured chips, right-aligned at `right`. */
function termsChips(terms: readonly PainKind[], right: number, top: number): string {
  return terms
    .map((k, i) => {
      const x = right - (terms.length - i) * 16;
      return (
        `<rect class="terms-chip" data-kind="${k}" x="${x}" y="${top}" width="14" height="14" rx="3" fill="${TERMS_COLOURS[k]}"/>` +
        `<text x="${x + 7}" y="${top + 10.5}" font-size="9" font-weight="700" fill="#ffffff" text-anchor="middle">${k}</text>`
      );
    })
    .join('');
}

export function boardSvg(board: SvgBoard): string {
  const parts: string[] = [];
  let maxHeight = 0;
  board.columns.forEach((column, c) => {
    const x = GAP + c * (COLUMN_WIDTH + GAP);
    let y = 70;
    parts.push(`<text x="${x + 8}" y="58" font-size="15" font-weight="700" fill="#1f2328">${escapeHtml(column.title)}</text>`);
    for (const group of column.groups) {
      const top = y;
      y += 30;
      const inner: string[] = [];
      for (const card of group.cards) {
        const placed = cardSvg(card, x + 12, y);
        inner.push(placed.svg);
        y += placed.height + 8;
      }
      y += 4;
      parts.push(
        `<rect x="${x + 4}" y="${top}" width="${COLUMN_WIDTH - 8}" height="${y - top}" rx="9" fill="#ffffff" fill-opacity="0.6" stroke="${escapeHtml(group.color)}" stroke-width="2"/>` +
          `<text x="${x + 14}" y="${top + 20}" font-size="13" font-weight="700" fill="#1f2328">${escapeHtml(wrapText(group.name, CARD_WIDTH - 30, 1)[0] ?? '')} (${group.cards.length})</text>` +
          inner.join(''),
      );
      y += 12;
    }
    for (const card of column.loose) {
      const placed = cardSvg(card, x + 12, y);
      parts.push(placed.svg);
      y += placed.height + 8;
    }
    maxHeight = Math.max(maxHeight, y);
  });
  const width = GAP + board.columns.length * (COLUMN_WIDTH + GAP);
  const height = maxHeight + GAP;
  const columns = board.columns
    .map((_, c) => `<rect x="${GAP + c * (COLUMN_WIDTH + GAP)}" y="40" width="${COLUMN_WIDTH}" height="${height - 40 - GAP / 2}" rx="10" fill="#efede7"/>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">` +
    `<rect width="100%" height="100%" fill="#f6f5f1"/>` +
    `<text x="${GAP}" y="28" font-size="18" font-weight="700" fill="#1f2328">${escapeHtml(board.title)}</text>` +
    columns +
    parts.join('') +
    `</svg>`
  );
}
