// The colour of each TERMS kind, the one table the app's chips (CSS variables set at
// start-up) and every export (HTML, PDF, Word, Excel, board image, dashboard) draw
// from, so a kind looks the same on screen and on paper. The hues are the board's;
// each is dark enough for white text on it and for it as text on white (WCAG AA).
import type { PainKind } from './domain.js';

export const TERMS_COLOURS: Readonly<Record<PainKind, string>> = {
  T: '#4d6fa3',
  E: '#ad5570',
  R: '#b4443a',
  M: '#a35f10',
  S: '#52783f',
};
