// Cause-effect links drawn as arrows over the board, from group to group (a theme is
// drawn from its first group). They follow their ends: redrawn on every scroll,
// resize and board change, once per frame, from where the group boxes are now.
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Board, LinkEnd } from '../../../shared/api/board';

interface Arrow {
  id: string;
  d: string;
  label: string;
  lx: number;
  ly: number;
}

function anchor(board: Board, end: LinkEnd): string | null {
  if (end.kind === 'group') return end.id;
  return board.groups.find((g) => g.themeId === end.id)?.id ?? null;
}

export function LinkArrows({ board, container }: { board: Board; container: RefObject<HTMLDivElement | null> }) {
  const [arrows, setArrows] = useState<Arrow[]>([]);
  const frame = useRef(0);

  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const draw = () => {
      const base = root.getBoundingClientRect();
      const next: Arrow[] = [];
      for (const link of board.links) {
        const a = anchor(board, link.from);
        const b = anchor(board, link.to);
        const from = a && root.querySelector(`[data-group="${a}"] .group-head`);
        const to = b && root.querySelector(`[data-group="${b}"] .group-head`);
        if (!from || !to || a === b) continue;
        const r1 = from.getBoundingClientRect();
        const r2 = to.getBoundingClientRect();
        const leftToRight = r1.left <= r2.left;
        const x1 = (leftToRight ? r1.right : r1.left) - base.left;
        const y1 = r1.top + r1.height / 2 - base.top;
        const x2 = (leftToRight ? r2.left : r2.right) - base.left;
        const y2 = r2.top + r2.height / 2 - base.top;
        const bend = Math.max(40, Math.abs(x2 - x1) / 2);
        const c1 = x1 + (leftToRight ? bend : -bend);
        const c2 = x2 - (leftToRight ? bend : -bend);
        next.push({ id: link.id, d: `M ${x1} ${y1} C ${c1} ${y1}, ${c2} ${y2}, ${x2} ${y2}`, label: link.label, lx: (x1 + x2) / 2, ly: (y1 + y2) / 2 - 6 });
      }
      setArrows(next);
    };
    const schedule = () => {
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(draw);
    };
    schedule();
    root.addEventListener('scroll', schedule, true);
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame.current);
      root.removeEventListener('scroll', schedule, true);
      window.removeEventListener('resize', schedule);
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
          <path d={a.d} fill="none" stroke="#b4443a" strokeWidth="2" strokeDasharray="6 4" markerEnd="url(#arrowhead)" />
          {a.label && (
            <text x={a.lx} y={a.ly} textAnchor="middle" className="link-label">
              {a.label}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}
