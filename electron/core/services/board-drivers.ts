// The "drivers" view: cause chains through the board's links (A leads to B leads to
// C), each ranked by the evidence behind it: distinct participants first, then
// findings, counted over every group on the chain (a theme counts its groups).
import type Database from 'better-sqlite3';
import type { Driver } from '../../../shared/api/board.js';
import { loadCards, loadGroups, loadLinks, loadThemes } from '../db/repos/board-read.js';

const MAX_CHAIN = 6;
const MAX_DRIVERS = 50;

type Node = { kind: 'group' | 'theme'; id: string };
const key = (n: Node) => `${n.kind}:${n.id}`;

export function boardDrivers(db: Database.Database, studyId: string): Driver[] {
  const groups = loadGroups(db, studyId);
  const themes = loadThemes(db, studyId);
  const links = loadLinks(db, studyId);
  const cards = loadCards(db, studyId);
  const name = new Map<string, string>([
    ...groups.map((g) => [`group:${g.id}`, g.name] as const),
    ...themes.map((t) => [`theme:${t.id}`, t.name] as const),
  ]);
  const out = new Map<string, Node[]>();
  const incoming = new Set<string>();
  for (const link of links) {
    const list = out.get(key(link.from)) ?? [];
    list.push(link.to);
    out.set(key(link.from), list);
    incoming.add(key(link.to));
  }
  // Findings behind a node: a group's cards, or every card in a theme's groups.
  const cardsOf = (node: Node) =>
    node.kind === 'group'
      ? cards.filter((c) => c.groupId === node.id)
      : cards.filter((c) => c.groupId !== null && groups.some((g) => g.id === c.groupId && g.themeId === node.id));

  const chains: Node[][] = [];
  const walk = (path: Node[]) => {
    const next = (out.get(key(path.at(-1)!)) ?? []).filter((n) => !path.some((p) => key(p) === key(n)));
    if (next.length === 0 || path.length >= MAX_CHAIN) {
      if (path.length > 1) chains.push(path);
      return;
    }
    for (const n of next) walk([...path, n]);
  };
  const starts = links.map((l) => l.from).filter((n, i, all) => !incoming.has(key(n)) && all.findIndex((m) => key(m) === key(n)) === i);
  // A cycle with no start still has chains: begin anywhere on it.
  for (const start of starts.length ? starts : links.slice(0, 1).map((l) => l.from)) walk([start]);

  return chains
    .map((path) => {
      const evidence = new Map(path.flatMap(cardsOf).map((c) => [c.id, c]));
      return {
        path: path.filter((n) => name.has(key(n))).map((n) => ({ ...n, name: name.get(key(n))! })),
        findings: evidence.size,
        participants: new Set([...evidence.values()].flatMap((c) => (c.participantId ? [c.participantId] : []))).size,
      };
    })
    .sort((a, b) => b.participants - a.participants || b.findings - a.findings)
    .slice(0, MAX_DRIVERS);
}
