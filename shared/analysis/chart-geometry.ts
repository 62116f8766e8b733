// Geometry of the dashboard's charts, shared by the screen (React SVG) and the
// exported document (SVG text), so both draw the same thing from the same numbers.
import type { Dashboard } from '../api/analysis.js';

export interface SaturationSeries {
  key: 'tags' | 'groups' | 'themes';
  /** "x,y" pairs for an SVG polyline. */
  points: string;
  /** The running total at the last interview. */
  last: number;
}

export interface SaturationChart {
  width: number;
  height: number;
  /** Plot area inside the axes. */
  plot: { left: number; top: number; right: number; bottom: number };
  series: SaturationSeries[];
  /** One tick per interview: its x and the participant code. */
  ticks: Array<{ x: number; label: string }>;
  /** Horizontal grid lines with their value. */
  grid: Array<{ y: number; value: number }>;
  /** Bars of what each interview added (tags + groups + themes), for the "new" reading. */
  bars: Array<{ x: number; y: number; width: number; height: number; added: number; sessionId: string }>;
}

const niceStep = (max: number) => (max <= 5 ? 1 : max <= 10 ? 2 : max <= 25 ? 5 : max <= 50 ? 10 : Math.ceil(max / 50) * 10);

/** Running totals of tags, groups and themes per interview, as lines, plus the new ones as bars. */
export function saturationChart(saturation: Dashboard['saturation'], width = 640, height = 240): SaturationChart {
  const plot = { left: 40, top: 12, right: width - 12, bottom: height - 28 };
  const points = saturation.interviews;
  const max = Math.max(1, ...points.map((p) => Math.max(p.tagsSoFar, p.groupsSoFar, p.themesSoFar)));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  // Inset so the first and last bars stay inside the plot.
  const inset = 14;
  const xOf = (i: number) =>
    points.length <= 1 ? (plot.left + plot.right) / 2 : plot.left + inset + ((plot.right - plot.left - 2 * inset) * i) / (points.length - 1);
  const yOf = (v: number) => plot.bottom - ((plot.bottom - plot.top) * v) / top;
  const line = (pick: (p: (typeof points)[number]) => number) => points.map((p, i) => `${xOf(i).toFixed(1)},${yOf(pick(p)).toFixed(1)}`).join(' ');
  const barWidth = Math.max(3, Math.min(18, (plot.right - plot.left) / Math.max(points.length, 1) / 2));
  return {
    width,
    height,
    plot,
    series: [
      { key: 'tags', points: line((p) => p.tagsSoFar), last: points.at(-1)?.tagsSoFar ?? 0 },
      { key: 'groups', points: line((p) => p.groupsSoFar), last: points.at(-1)?.groupsSoFar ?? 0 },
      { key: 'themes', points: line((p) => p.themesSoFar), last: points.at(-1)?.themesSoFar ?? 0 },
    ],
    ticks: points.map((p, i) => ({ x: xOf(i), label: p.participantCode })),
    grid: Array.from({ length: top / step + 1 }, (_, i) => ({ y: yOf(i * step), value: i * step })),
    bars: points.map((p, i) => {
      const added = p.newTagIds.length + p.newGroupIds.length + p.newThemeIds.length;
      const y = yOf(Math.min(added, top));
      return { x: xOf(i) - barWidth / 2, y, width: barWidth, height: plot.bottom - y, added, sessionId: p.sessionId };
    }),
  };
}

/** A heatmap cell's fill: from the page colour to a deep red as the count nears the maximum. */
export function heatColour(value: number, max: number): string {
  if (value <= 0 || max <= 0) return '#f7f6f2';
  const t = Math.min(1, value / max);
  // From #fbe3dc (light) to #a3342a (deep), linearly in RGB: readable in print and in grey.
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  return `rgb(${mix(251, 163)}, ${mix(227, 52)}, ${mix(220, 42)})`;
}

/** Text on a heat cell stays legible: white on the darker half. */
export const heatInk = (value: number, max: number) => (max > 0 && value / max > 0.55 ? '#ffffff' : '#1f2328');
