// Tag frequency and co-occurrence: how many findings (and participants) carry each
// tag, and how often two tags are applied to the same finding.
import type { TagStats } from '../api/analysis.js';

export interface TaggedFinding {
  id: string;
  participantId: string | null;
  tagIds: readonly string[];
}

export interface TagInfo {
  id: string;
  name: string;
  parentId: string | null;
}

export const MAX_PAIRS = 200;

export function tagStats(findings: readonly TaggedFinding[], tags: readonly TagInfo[]): TagStats {
  const known = new Map(tags.map((t) => [t.id, t]));
  const uses = new Map<string, { findings: number; participants: Set<string> }>();
  const pairs = new Map<string, { tagIds: [string, string]; findings: number }>();
  for (const f of findings) {
    const ids = [...new Set(f.tagIds)].filter((id) => known.has(id)).sort();
    for (const id of ids) {
      const use = uses.get(id) ?? { findings: 0, participants: new Set<string>() };
      use.findings++;
      if (f.participantId !== null) use.participants.add(f.participantId);
      uses.set(id, use);
    }
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]} ${ids[j]}`;
        const pair = pairs.get(key) ?? { tagIds: [ids[i]!, ids[j]!], findings: 0 };
        pair.findings++;
        pairs.set(key, pair);
      }
    }
  }
  const byName = (a: string, b: string) => (known.get(a)?.name ?? '').localeCompare(known.get(b)?.name ?? '') || a.localeCompare(b);
  return {
    tags: [...uses.entries()]
      .sort(([a, x], [b, y]) => y.findings - x.findings || byName(a, b))
      .map(([id, use]) => ({ tagId: id, name: known.get(id)!.name, parentId: known.get(id)!.parentId, findings: use.findings, participants: use.participants.size })),
    pairs: [...pairs.values()]
      .sort((x, y) => y.findings - x.findings || byName(x.tagIds[0], y.tagIds[0]) || byName(x.tagIds[1], y.tagIds[1]))
      .slice(0, MAX_PAIRS),
  };
}
