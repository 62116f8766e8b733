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
  /** For a link within one column: the lane beside the column it runs in. */
  lane: number | null;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi));
const sameColumn = (a: LinkEndBox, b: LinkEndBox) => a.kind === 'group' && b.kind === 'group' && Math.abs(a.column.left - b.column.left) < 1;

/**
 * The height an arrow meets a group at: the middle of its header, kept inside the part of
 * the group the column shows (a group scrolled out of its column is met at the column's edge).
 */
export function groupY(end: Extract<LinkEndBox, { kind: 'group' }>): number {
  const top = Math.max(end.box.top, end.column.top);
  const bottom = Math.min(end.box.bottom, end.column.bottom);
  const y = end.box.top + end.head / 2;
  return bottom < top ? clamp(y, end.column.top, end.column.bottom) : clamp(y, top, bottom);
}

/** Whether any of the group shows in its column (a theme always shows). */
export function inView(end: LinkEndBox): boolean {
  return end.kind === 'theme' || (end.box.bottom > end.column.top && end.box.top < end.column.bottom);
}

function anchor(end: LinkEndBox, towards: Point): { p: Point; n: Point } {
  if (end.kind === 'theme') {
    const below = towards.y >= end.box.bottom;
    return { p: { x: (end.box.left + end.box.right) / 2, y: below ? end.box.bottom : end.box.top }, n: { x: 0, y: below ? 1 : -1 } };
  }
  const right = towards.x > (end.box.left + end.box.right) / 2;
  return { p: { x: right ? end.box.right : end.box.left, y: groupY(end) }, n: { x: right ? 1 : -1, y: 0 } };
}

const centre = (end: LinkEndBox): Point =>
  end.kind === 'theme' ? { x: (end.box.left + end.box.right) / 2, y: (end.box.top + end.box.bottom) / 2 } : { x: (end.box.left + end.box.right) / 2, y: groupY(end) };

const bezier = (p0: Point, p1: Point, p2: Point, p3: Point, t: number): Point => {
  const u = 1 - t;
  return {
    x: u * u * u * p0.x + 3 * u * u * t * p1.x + 3 * u * t * t * p2.x + t * t * t * p3.x,
    y: u * u * u * p0.y + 3 * u * u * t * p1.y + 3 * u * t * t * p2.y + t * t * t * p3.y,
  };
};

/**
 * The route of a link. Between groups of one column it leaves the cause's right edge,
 * runs down (or up) a lane in the gap beside the column and comes back into the
 * effect's right edge, so it never crosses the cards between them. Otherwise it is a
 * curve from the side (or, for a theme, the edge) facing the other end.
 */
export function routeLink(from: LinkEndBox, to: LinkEndBox, laneOffset = 7): Route {
  if (from.kind === 'group' && to.kind === 'group' && sameColumn(from, to)) {
    const lane = from.column.right + laneOffset;
    const start = { x: from.box.right, y: groupY(from) };
    const end = { x: to.box.right, y: groupY(to) };
    const samples: Point[] = [];
    for (let i = 0; i <= 20; i++) samples.push({ x: lane, y: start.y + ((end.y - start.y) * i) / 20 });
    return { d: `M ${start.x} ${start.y} H ${lane} V ${end.y} H ${end.x}`, start, end, samples, lane };
  }
  const a = anchor(from, centre(to));
  const b = anchor(to, centre(from));
  const distance = Math.hypot(b.p.x - a.p.x, b.p.y - a.p.y);
  const bend = Math.min(160, Math.max(40, distance / 2));
  const c1 = { x: a.p.x + a.n.x * bend, y: a.p.y + a.n.y * bend };
  const c2 = { x: b.p.x + b.n.x * bend, y: b.p.y + b.n.y * bend };
  const samples: Point[] = [];
  for (let i = 0; i <= 20; i++) samples.push(bezier(a.p, c1, c2, b.p, i / 20));
  return { d: `M ${a.p.x} ${a.p.y} C ${c1.x} ${c1.y}, ${c2.x} ${c2.y}, ${b.p.x} ${b.p.y}`, start: a.p, end: b.p, samples, lane: null };
}

const overlap = (a: Box, b: Box) => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
const boxAt = (c: Point, w: number, h: number): Box => ({ left: c.x - w / 2, top: c.y - h / 2, right: c.x + w / 2, bottom: c.y + h / 2 });

/**
 * A place for a label of `width`×`height` near the route's middle that covers none of the
 * `obstacles` (card text, group names, other labels) and stays inside `area`: tried on
 * the route, then beside it and above or below it, nearest to the middle first. When no
 * place is free, the one covering least.
 */
export function placeLabel(route: Route, width: number, height: number, obstacles: readonly Box[], area: Box): Box {
  const middle = route.samples[Math.floor(route.samples.length / 2)]!;
  const shifts: Point[] = [{ x: 0, y: 0 }];
  for (const dy of [0, -(height + 4), height + 4]) for (const dx of [0, width / 2 + 6, -(width / 2 + 6)]) if (dx || dy) shifts.push({ x: dx, y: dy });
  const candidates: Point[] = [];
  for (const s of route.samples) for (const shift of shifts) candidates.push({ x: s.x + shift.x, y: s.y + shift.y });
  candidates.sort((p, q) => Math.hypot(p.x - middle.x, p.y - middle.y) - Math.hypot(q.x - middle.x, q.y - middle.y));
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
