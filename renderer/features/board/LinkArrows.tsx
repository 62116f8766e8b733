// Cause-effect links drawn as arrows over the board, from group to group or to and from
// a theme (shown in the themes strip above the columns). The layer sits in the board
// area, which does not scroll itself, so it never moves with the columns: every arrow is
// recomputed from where its ends are now, once per frame, on any scroll (sideways or in
// a column), on any change of the area's size, and on every board change. Arrows run
// through the gutters between columns and the corridor above them, never over a card.
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Board, LinkEnd } from '../../../shared/api/board';
import { GROUP_HEADER } from './layout';
import { inView, perchUnder, placeLabel, routeLink, type Box, type Lanes, type LinkEndBox } from './linkRoute';

interface Arrow {
  id: string;
  d: string;
  label: string;
  box: Box | null;
  /** A label off its arrow (in the corridor) hangs from a leader down the arrow's gutter. */
  leader: string | null;
}

// Arrows sharing a gutter or the corridor run a few pixels apart.
const OFFSETS = [0, -4, 4];

/** The gutters' width and the corridor's height, between the themes strip (if any) and the columns. */
function lanesOf(root: HTMLElement, base: DOMRect): Omit<Lanes, 'offset'> {
  const columns = root.querySelector<HTMLElement>('.board-columns');
  const first = root.querySelector('.board-column');
  const strip = root.querySelector('.board-themes');
  const top = strip ? strip.getBoundingClientRect().bottom - base.top : 0;
  const bottom = first ? first.getBoundingClientRect().top - base.top : top;
  const gap = columns ? parseFloat(getComputedStyle(columns).columnGap) || 12 : 12;
  return { gap, corridor: (top + bottom) / 2 };
}

const LABEL_HEIGHT = 16;
let measurer: CanvasRenderingContext2D | null = null;
function textWidth(text: string, font: string): number {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * 7;
  measurer.font = font;
  return measurer.measureText(text).width;
}

function relative(rect: DOMRect, base: DOMRect): Box {
  return { left: rect.left - base.left, top: rect.top - base.top, right: rect.right - base.left, bottom: rect.bottom - base.top };
}

function endBox(root: HTMLElement, base: DOMRect, end: LinkEnd): LinkEndBox | null {
  if (end.kind === 'theme') {
    const chip = root.querySelector(`[data-theme-chip="${CSS.escape(end.id)}"]`);
    return chip ? { kind: 'theme', box: relative(chip.getBoundingClientRect(), base) } : null;
  }
  const group = root.querySelector(`[data-group="${CSS.escape(end.id)}"]`);
  const column = group?.closest('.board-column-body');
  if (!group || !column) return null;
  return { kind: 'group', box: relative(group.getBoundingClientRect(), base), head: GROUP_HEADER, column: relative(column.getBoundingClientRect(), base) };
}

export function LinkArrows({ board, container }: { board: Board; container: RefObject<HTMLDivElement | null> }) {
  const [arrows, setArrows] = useState<Arrow[]>([]);
  const frame = useRef(0);

  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const draw = () => {
      const base = root.getBoundingClientRect();
      const area: Box = { left: 0, top: 0, right: base.width, bottom: base.height };
      const labelled = board.links.some((l) => l.label);
      // What a label must not cover: cards, group headers (names, counts, buttons), column titles, themes.
      const obstacles: Box[] = labelled
        ? [...root.querySelectorAll('.board-card, .group-head, .board-column-head, [data-theme-chip]')].map((el) => relative(el.getBoundingClientRect(), base))
        : [];
      const font = `650 12px ${getComputedStyle(root).fontFamily}`;
      const lanes = lanesOf(root, base);
      const next: Arrow[] = [];
      for (const [index, link] of board.links.entries()) {
        if (link.from.kind === link.to.kind && link.from.id === link.to.id) continue;
        const from = endBox(root, base, link.from);
        const to = endBox(root, base, link.to);
        // Both ends scrolled out of their columns: nothing on screen to point at.
        if (!from || !to || (!inView(from) && !inView(to))) continue;
        const offset = OFFSETS[index % OFFSETS.length]!;
        const route = routeLink(from, to, { ...lanes, offset, corridor: lanes.corridor + offset / 2 });
        let box: Box | null = null;
        let leader: string | null = null;
        if (link.label) {
          box = placeLabel(route, textWidth(link.label, font) + 10, LABEL_HEIGHT, obstacles, area);
          obstacles.push(box);
          const perch = perchUnder(route, box);
          if (perch) leader = `M ${perch.x} ${perch.from} V ${perch.to}`;
        }
        next.push({ id: link.id, d: route.d, label: link.label, box, leader });
      }
      setArrows(next);
    };
    const schedule = () => {
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(draw);
    };
    schedule();
    root.addEventListener('scroll', schedule, true);
    // The area changes size with the window, the filter bar and the themes strip.
    const resize = new ResizeObserver(schedule);
    resize.observe(root);
    for (const column of root.querySelectorAll('.board-column-body')) resize.observe(column);
    return () => {
      cancelAnimationFrame(frame.current);
      root.removeEventListener('scroll', schedule, true);
      resize.disconnect();
    };
  }, [board, container]);

  return (
    <svg className="link-arrows" aria-hidden="true">
      <defs>
        <marker id="arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#b4443a" />
        </marker>
      </defs>
      {arrows.map((a) => (
        <g key={a.id} data-arrow={a.id}>
          <path d={a.d} fill="none" stroke="#b4443a" strokeWidth="2" strokeDasharray="6 4" strokeLinejoin="round" markerEnd="url(#arrowhead)" />
          {a.leader && <path className="link-leader" d={a.leader} fill="none" stroke="#b4443a" strokeWidth="1" strokeDasharray="2 3" />}
          {a.box && (
            <g className="link-label" data-label-for={a.id}>
              <rect x={a.box.left} y={a.box.top} width={a.box.right - a.box.left} height={a.box.bottom - a.box.top} rx="4" />
              <text x={(a.box.left + a.box.right) / 2} y={(a.box.top + a.box.bottom) / 2} textAnchor="middle" dominantBaseline="central">
                {a.label}
              </text>
            </g>
          )}
        </g>
      ))}
    </svg>
  );
}
