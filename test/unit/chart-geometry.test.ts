// The dashboard's chart geometry, shared by the screen and the exported document.
import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../shared/api/analysis';
import { heatColour, heatInk, saturationChart } from '../../shared/analysis/chart-geometry';

const point = (code: string, tags: number, groups: number, added: number): Dashboard['saturation']['interviews'][number] => ({
  sessionId: `s-${code}`,
  participantId: `p-${code}`,
  participantCode: code,
  date: null,
  findings: 5,
  newTagIds: Array.from({ length: added }, (_, i) => `t${i}`),
  newGroupIds: [],
  newThemeIds: [],
  tagsSoFar: tags,
  groupsSoFar: groups,
  themesSoFar: 0,
});

describe('dashboard chart geometry', () => {
  it('draws running totals that rise left to right and a bar per interview', () => {
    const chart = saturationChart({ interviews: [point('P01', 4, 2, 4), point('P02', 6, 3, 2), point('P03', 6, 3, 0)], recent: { lastN: 3, newTags: 6, newGroups: 3, newThemes: 0 } });
    const tags = chart.series.find((s) => s.key === 'tags')!;
    const ys = tags.points.split(' ').map((p) => Number(p.split(',')[1]));
    expect(ys[0]).toBeGreaterThan(ys[1]!); // SVG y grows downwards: more tags, higher line
    expect(ys[1]).toBe(ys[2]);
    expect(tags.last).toBe(6);
    expect(chart.ticks.map((t) => t.label)).toEqual(['P01', 'P02', 'P03']);
    expect(chart.bars.map((b) => b.added)).toEqual([4, 2, 0]);
    expect(chart.bars[2]!.height).toBe(0);
    expect(chart.grid[0]!.value).toBe(0);
  });

  it('places a single interview in the middle', () => {
    const chart = saturationChart({ interviews: [point('P01', 1, 0, 1)], recent: { lastN: 1, newTags: 1, newGroups: 0, newThemes: 0 } });
    expect(chart.ticks[0]!.x).toBe((chart.plot.left + chart.plot.right) / 2);
  });

  it('shades empty cells like the page and the busiest cell darkest, with legible ink', () => {
    expect(heatColour(0, 10)).toBe('#f7f6f2');
    expect(heatColour(10, 10)).toBe('rgb(163, 52, 42)');
    expect(heatInk(10, 10)).toBe('#ffffff');
    expect(heatInk(1, 10)).toBe('#1f2328');
  });
});
