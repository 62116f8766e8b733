// Routing cause-effect arrows on the board from rectangles alone: a link within one
// column runs in a lane beside the column, never across the cards between its ends;
// between columns it runs down the gutters and along the corridor above the columns;
// an arrow meets a group on its side, a theme on its edge; labels go where they cover
// nothing.
import { describe, expect, it } from 'vitest';
import { groupY, inView, placeLabel, routeLink, type Box, type LinkEndBox } from '../../renderer/features/board/linkRoute.js';

const column: Box = { left: 0, top: 100, right: 280, bottom: 800 };
const group = (top: number, height: number, col: Box = column): LinkEndBox => ({
  kind: 'group',
  box: { left: col.left + 4, top, right: col.right - 4, bottom: top + height },
  head: 38,
  column: col,
});
const cardsBetween: Box[] = [
  { left: 14, top: 260, right: 266, bottom: 352 },
  { left: 14, top: 360, right: 266, bottom: 452 },
];
/** Points along an `M x y H x V y H x` path, every pixel. */
function lanePoints(d: string): Array<{ x: number; y: number }> {
  const [, x0, y0, lane, y1, x1] = d.match(/^M (\S+) (\S+) H (\S+) V (\S+) H (\S+)$/)!.map(Number);
  const points: Array<{ x: number; y: number }> = [];
  const line = (ax: number, ay: number, bx: number, by: number) => {
    const steps = Math.max(Math.abs(bx - ax), Math.abs(by - ay));
    for (let i = 0; i <= steps; i++) points.push({ x: ax + ((bx - ax) * i) / steps, y: ay + ((by - ay) * i) / steps });
  };
  line(x0!, y0!, lane!, y0!);
  line(lane!, y0!, lane!, y1!);
  line(lane!, y1!, x1!, y1!);
  return points;
}
const inside = (p: { x: number; y: number }, b: Box) => p.x > b.left && p.x < b.right && p.y > b.top && p.y < b.bottom;

describe('link routing on the board', () => {
  it('runs a link between groups of one column out to a lane beside the column and back, crossing no card', () => {
    const from = group(110, 140);
    const to = group(470, 100);
    const route = routeLink(from, to);
    expect(route.lane).toBeGreaterThan(column.right);
    expect(route.start).toEqual({ x: 276, y: 110 + 19 });
    expect(route.end).toEqual({ x: 276, y: 470 + 19 });
    const hits = lanePoints(route.d).filter((p) => cardsBetween.some((c) => inside(p, c)));
    expect(hits).toEqual([]);
  });

  it('joins groups of different columns side to side, facing each other', () => {
    const right: Box = { left: 580, top: 100, right: 860, bottom: 800 };
    const route = routeLink(group(300, 100), group(150, 100, right));
    expect(route.lane).toBeNull();
    expect(route.start).toEqual({ x: 276, y: 319 });
    expect(route.end).toEqual({ x: 584, y: 169 });
    const back = routeLink(group(150, 100, right), group(300, 100));
    expect(back.start.x).toBe(584);
    expect(back.end.x).toBe(276);
  });

  it('meets a theme on the edge facing the group, not one of its groups', () => {
    const theme: LinkEndBox = { kind: 'theme', box: { left: 400, top: 10, right: 520, bottom: 40 } };
    const route = routeLink(group(300, 100), theme);
    expect(route.end).toEqual({ x: 460, y: 40 });
  });

  it('meets a group scrolled partly out of its column where it shows, and knows when none of it shows', () => {
    const scrolled = group(40, 200); // header above the column's top (100)
    expect(groupY(scrolled as Extract<LinkEndBox, { kind: 'group' }>)).toBe(100);
    expect(inView(scrolled)).toBe(true);
    expect(inView(group(820, 100))).toBe(false);
  });

  it('places a label near the middle of its route where it covers no card, or failing that where it covers least', () => {
    const route = routeLink(group(110, 140), group(470, 100));
    const area: Box = { left: 0, top: 0, right: 1200, bottom: 900 };
    const obstacles = [...cardsBetween, { left: 14, top: 148, right: 266, bottom: 240 }, { left: 14, top: 508, right: 266, bottom: 600 }];
    const label = placeLabel(route, 80, 16, obstacles, area);
    expect(obstacles.some((o) => label.left < o.right && label.right > o.left && label.top < o.bottom && label.bottom > o.top)).toBe(false);
    expect(label.bottom - label.top).toBe(16);
    // Covered everywhere: the least covered place, still inside the area.
    const wall = [{ left: -1000, top: -1000, right: 2000, bottom: 2000 }];
    const forced = placeLabel(route, 80, 16, wall, area);
    expect(forced.left).toBeGreaterThanOrEqual(0);
  });
});

describe('link routing between columns', () => {
  const col = (left: number): Box => ({ left, top: 100, right: left + 280, bottom: 800 });
  const lanes = { gap: 12, corridor: 60, offset: 0 };
  /** Corner points of a path made of M, H, V and L steps. */
  const corners = (d: string) => {
    const points: Array<{ x: number; y: number }> = [];
    for (const [, op, a, b] of d.matchAll(/([MHVL]) (-?[\d.]+)(?: (-?[\d.]+))?/g)) {
      const last = points.at(-1);
      points.push(op === 'H' ? { x: Number(a), y: last!.y } : op === 'V' ? { x: last!.x, y: Number(a) } : { x: Number(a), y: Number(b) });
    }
    return points;
  };

  it('runs between neighbouring columns down the gutter they share', () => {
    const route = routeLink(group(300, 100, col(0)), group(150, 100, col(292)), lanes);
    const xs = corners(route.d).map((p) => p.x);
    expect(xs).toEqual([276, 286, 286, 296]);
    // Its label may hang from the corridor above that gutter.
    expect(route.perches).toEqual([{ at: { x: 286, y: 60 }, to: 169 }]);
  });

  it('runs between columns further apart up a gutter, along the corridor and down a gutter, entering no column', () => {
    const route = routeLink(group(300, 100, col(0)), group(150, 100, col(876)), lanes);
    const points = corners(route.d);
    expect(points).toEqual([
      { x: 276, y: 319 },
      { x: 286, y: 319 },
      { x: 286, y: 60 },
      { x: 870, y: 60 },
      { x: 870, y: 169 },
      { x: 880, y: 169 },
    ]);
  });

  it('reaches a theme from the corridor, and leaves one the same way', () => {
    const theme: LinkEndBox = { kind: 'theme', box: { left: 400, top: 10, right: 520, bottom: 40 } };
    const to = corners(routeLink(group(300, 100, col(0)), theme, lanes).d);
    expect(to.slice(-3)).toEqual([{ x: 286, y: 60 }, { x: 460, y: 60 }, { x: 460, y: 40 }]);
    const from = corners(routeLink(theme, group(300, 100, col(0)), lanes).d);
    expect(from).toEqual([...to].reverse());
  });
});
