// Where a cause-effect arrow runs and where its label goes, from rectangles alone (no
// DOM), so the routing can be tested as plain logic. Coordinates are the arrow
// layer's own (the board area's top-left is 0,0).

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
export interface Point {
  x: number;
  y: number;
}

/** One end of a link: a group box (inside its scrolling column) or a theme on the board. */
export type LinkEndBox =
  | { kind: 'group'; box: Box; head: number; column: Box }
  | { kind: 'theme'; box: Box };

export interface Route {
  d: string;
  start: Point;
  end: Point;
  /** Points on the route, in order, where a label may be centred. */
  samples: Point[];
  /**
   * Places off the route for its label when none on it is free: in the corridor above
   * the columns, over one of the route's gutters, joined to the route by a leader line
   * down that gutter to height `to`.
   */
  perches: Array<{ at: Point; to: number }>;
  /** For a link within one column: the lane beside the column it runs in. */
  lane: number | null;
}

/**
 * Where arrows may run without crossing a card: the gutters between columns (`gap`
 * wide) and the corridor, a band at height `corridor` between the themes and the tops
 * of the columns. `offset` moves one link's lanes off the middle, so arrows sharing a
 * gutter stay apart.
 */
export interface Lanes {
  gap: number;
  corridor: number;
  offset: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi));
const sameColumn = (a: LinkEndBox, b: LinkEndBox) => a.kind === 'group' && b.kind === 'group' && Math.abs(a.column.left - b.column.left) < 1;
type GroupEnd = Extract<LinkEndBox, { kind: 'group' }>;

/**
 * The height an arrow meets a group at: the middle of its header, kept inside the part of
 * the group the column shows (a group scrolled out of its column is met at the column's edge).
 */
export function groupY(end: GroupEnd): number {
  const top = Math.max(end.box.top, end.column.top);
  const bottom = Math.min(end.box.bottom, end.column.bottom);
  const y = end.box.top + end.head / 2;
  return bottom < top ? clamp(y, end.column.top, end.column.bottom) : clamp(y, top, bottom);
}

/** Whether any of the group shows in its column (a theme always shows). */
export function inView(end: LinkEndBox): boolean {
  return end.kind === 'theme' || (end.box.bottom > end.column.top && end.box.top < end.column.bottom);
}

const middleX = (box: Box) => (box.left + box.right) / 2;

/** The route through the given corners, as a path and as evenly spaced samples. */
function polyline(points: Point[], perches: Route['perches'], lane: number | null = null): Route {
  const d = `M ${points[0]!.x} ${points[0]!.y} ${points
    .slice(1)
    .map((p, i) => (p.x === points[i]!.x ? `V ${p.y}` : p.y === points[i]!.y ? `H ${p.x}` : `L ${p.x} ${p.y}`))
    .join(' ')}`;
  const lengths = points.slice(1).map((p, i) => Math.hypot(p.x - points[i]!.x, p.y - points[i]!.y));
  const total = lengths.reduce((a, b) => a + b, 0);
  const samples: Point[] = [];
  for (let k = 0; k <= 24; k++) {
    let left = (total * k) / 24;
    let i = 0;
    while (i < lengths.length - 1 && left > lengths[i]!) left -= lengths[i++]!;
    const a = points[i]!;
    const b = points[i + 1] ?? a;
    const t = lengths[i] ? Math.min(1, left / lengths[i]!) : 0;
    samples.push({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });
  }
  return { d, start: points[0]!, end: points.at(-1)!, samples, perches, lane };
}

/** Out of a group's side (the one facing `towardsX`) into the gutter beside its column. */
function exit(end: GroupEnd, towardsX: number, lanes: Lanes): { side: Point; gutter: number } {
  const right = towardsX > middleX(end.column);
  const gutter = right ? end.column.right + lanes.gap / 2 + lanes.offset : end.column.left - lanes.gap / 2 + lanes.offset;
  return { side: { x: right ? end.box.right : end.box.left, y: groupY(end) }, gutter };
}

const perchOver = (gutter: number, a: number, b: number, lanes: Lanes) => [{ at: { x: gutter, y: lanes.corridor }, to: Math.min(a, b) }];

/** From a group to a theme chip above the columns: up its gutter, along the corridor, up into the chip. */
function groupToTheme(from: GroupEnd, theme: Box, lanes: Lanes): Point[] {
  const x = middleX(theme) + lanes.offset;
  const out = exit(from, x, lanes);
  return [out.side, { x: out.gutter, y: out.side.y }, { x: out.gutter, y: lanes.corridor }, { x, y: lanes.corridor }, { x, y: theme.bottom }];
}

/**
 * The route of a link, crossing no card. Between groups of one column it runs down (or
 * up) a lane in the gutter beside the column; between neighbouring columns, down the
 * gutter they share; between columns further apart, up the gutter beside the cause's
 * column, along the corridor above the columns and down the gutter beside the effect's.
 * A theme (above the columns) is met on its bottom edge, from the corridor.
 */
export function routeLink(from: LinkEndBox, to: LinkEndBox, lanes: Lanes = { gap: 12, corridor: 0, offset: 0 }): Route {
  if (from.kind === 'group' && to.kind === 'group' && sameColumn(from, to)) {
    const lane = from.column.right + lanes.gap / 2 + 1 + lanes.offset;
    const start = { x: from.box.right, y: groupY(from) };
    const end = { x: to.box.right, y: groupY(to) };
    return polyline([start, { x: lane, y: start.y }, { x: lane, y: end.y }, end], perchOver(lane, start.y, end.y, lanes), lane);
  }
  if (from.kind === 'group' && to.kind === 'group') {
    const a = exit(from, middleX(to.column), lanes);
    const b = exit(to, middleX(from.column), lanes);
    const end = b.side;
    // Neighbours share a gutter: straight down (or up) it.
    if (Math.abs(a.gutter - b.gutter) <= lanes.gap) {
      return polyline([a.side, { x: a.gutter, y: a.side.y }, { x: a.gutter, y: end.y }, end], perchOver(a.gutter, a.side.y, end.y, lanes));
    }
    const c = lanes.corridor;
    return polyline([a.side, { x: a.gutter, y: a.side.y }, { x: a.gutter, y: c }, { x: b.gutter, y: c }, { x: b.gutter, y: end.y }, end], []);
  }
  if (from.kind === 'group' && to.kind === 'theme') return polyline(groupToTheme(from, to.box, lanes), []);
  if (from.kind === 'theme' && to.kind === 'group') return polyline(groupToTheme(to, from.box, lanes).reverse(), []);
  const a = { x: middleX(from.box) + lanes.offset, y: from.box.bottom };
  const b = { x: middleX(to.box) + lanes.offset, y: to.box.bottom };
  return polyline([a, { x: a.x, y: lanes.corridor }, { x: b.x, y: lanes.corridor }, b], []);
}

const overlap = (a: Box, b: Box) => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
const boxAt = (c: Point, w: number, h: number): Box => ({ left: c.x - w / 2, top: c.y - h / 2, right: c.x + w / 2, bottom: c.y + h / 2 });

/**
 * A place for a label of `width`×`height` that covers none of the `obstacles` (card
 * text, group names, other labels) and stays inside `area`: on the route near its
 * middle, then beside it or above or below it, then on one of the route's perches (in
 * the corridor, joined by a leader). When no place is free, the one covering least.
 */
export function placeLabel(route: Route, width: number, height: number, obstacles: readonly Box[], area: Box): Box {
  const middle = route.samples[Math.floor(route.samples.length / 2)]!;
  const shifts: Point[] = [{ x: 0, y: 0 }];
  for (const dy of [0, -(height + 4), height + 4]) for (const dx of [0, width / 2 + 6, -(width / 2 + 6)]) if (dx || dy) shifts.push({ x: dx, y: dy });
  const candidates: Point[] = [];
  for (const s of route.samples) for (const shift of shifts) candidates.push({ x: s.x + shift.x, y: s.y + shift.y });
  candidates.sort((p, q) => Math.hypot(p.x - middle.x, p.y - middle.y) - Math.hypot(q.x - middle.x, q.y - middle.y));
  // Perches last: a label on its arrow reads better than one on a leader. Sideways along
  // the corridor as far as the leader still meets the label.
  for (const { at } of route.perches) for (const dx of [0, width / 2 - 6, -(width / 2 - 6)]) candidates.push({ x: at.x + dx, y: at.y });
  let best: Box | null = null;
  let bestCover = Infinity;
  for (const c of candidates) {
    const box = boxAt(c, width, height);
    if (box.left < area.left || box.right > area.right || box.top < area.top || box.bottom > area.bottom) continue;
    const cover = obstacles.reduce((sum, o) => sum + overlap(box, o), 0);
    if (cover === 0) return box;
    if (cover < bestCover) {
      best = box;
      bestCover = cover;
    }
  }
  return best ?? boxAt(middle, width, height);
}

/** The perch a label sits on, if it sits on one: the leader runs from the label down to the route. */
export function perchUnder(route: Route, label: Box): { x: number; from: number; to: number } | null {
  for (const { at, to } of route.perches) {
    if (at.x > label.left && at.x < label.right && Math.abs((label.top + label.bottom) / 2 - at.y) < 0.5) return { x: at.x, from: label.bottom, to };
  }
  return null;
}
