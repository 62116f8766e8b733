// Narrowing a list by typed text on screen (board filter, evidence picker, codebook):
// a case-insensitive substring in any language, with Simplified and Traditional Chinese
// finding each other as in search (chinese-fold.ts), so 客户 keeps the card 客戶.

import { foldChinese } from './chinese-fold.js';

/** The form text and typed filters are compared in: lowercased, Chinese folded to one script. */
export function filterForm(text: string): string {
  return foldChinese(text.toLocaleLowerCase());
}

/** Whether `text` contains `needle`, where `needle` is already in filterForm (empty matches all). */
export function containsFiltered(text: string, needle: string): boolean {
  return needle === '' || filterForm(text).includes(needle);
}
