// Saturation: for each completed interview in the order they were held, which tags,
// board groups and themes first appeared in it. A tag appears with the first finding
// that uses it; a group with its earliest finding; a theme with the earliest finding
// of any of its groups. When the last interviews add little, the sample is enough
// (DOMAIN.md, section 3).
import type { Saturation } from '../api/analysis.js';

export interface SaturationInterview {
  sessionId: string;
  participantId: string;
  participantCode: string;
  date: string | null;
}

export interface SaturationFinding {
  id: string;
  sessionId: string;
  tagIds: readonly string[];
  groupId: string | null;
}

export interface FirstAppearances {
  /** Each tag, group and theme mapped to the interview it first appeared in. */
  tags: Map<string, string>;
  groups: Map<string, string>;
  themes: Map<string, string>;
}

/** How many of the last interviews the plain-language reading covers. */
export const RECENT_INTERVIEWS = 3;

/** Where everything first appeared; findings of other sessions are ignored. */
export function firstAppearances(
  interviews: readonly SaturationInterview[],
  findings: readonly SaturationFinding[],
  themeOfGroup: ReadonlyMap<string, string | null>,
): FirstAppearances {
  const order = new Map(interviews.map((s, i) => [s.sessionId, i]));
  const first = { tags: new Map<string, string>(), groups: new Map<string, string>(), themes: new Map<string, string>() };
  const earliest = (map: Map<string, string>, key: string, sessionId: string) => {
    const seen = map.get(key);
    if (seen === undefined || order.get(sessionId)! < order.get(seen)!) map.set(key, sessionId);
  };
  for (const f of findings) {
    if (!order.has(f.sessionId)) continue;
    for (const tagId of f.tagIds) earliest(first.tags, tagId, f.sessionId);
    if (f.groupId === null) continue;
    earliest(first.groups, f.groupId, f.sessionId);
    const themeId = themeOfGroup.get(f.groupId);
    if (themeId) earliest(first.themes, themeId, f.sessionId);
  }
  return first;
}

function idsBySession(map: ReadonlyMap<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [id, sessionId] of map) out.set(sessionId, [...(out.get(sessionId) ?? []), id]);
  for (const ids of out.values()) ids.sort();
  return out;
}

export function saturation(
  interviews: readonly SaturationInterview[],
  findings: readonly SaturationFinding[],
  themeOfGroup: ReadonlyMap<string, string | null>,
): Saturation {
  const first = firstAppearances(interviews, findings, themeOfGroup);
  const tags = idsBySession(first.tags);
  const groups = idsBySession(first.groups);
  const themes = idsBySession(first.themes);
  const findingCount = new Map<string, number>();
  for (const f of findings) findingCount.set(f.sessionId, (findingCount.get(f.sessionId) ?? 0) + 1);
  let tagsSoFar = 0;
  let groupsSoFar = 0;
  let themesSoFar = 0;
  const points = interviews.map((s) => {
    const newTagIds = tags.get(s.sessionId) ?? [];
    const newGroupIds = groups.get(s.sessionId) ?? [];
    const newThemeIds = themes.get(s.sessionId) ?? [];
    tagsSoFar += newTagIds.length;
    groupsSoFar += newGroupIds.length;
    themesSoFar += newThemeIds.length;
    return { ...s, findings: findingCount.get(s.sessionId) ?? 0, newTagIds, newGroupIds, newThemeIds, tagsSoFar, groupsSoFar, themesSoFar };
  });
  const recent = points.slice(-RECENT_INTERVIEWS);
  const sum = (pick: (p: (typeof points)[number]) => readonly string[]) => recent.reduce((n, p) => n + pick(p).length, 0);
  return {
    interviews: points,
    recent: {
      lastN: recent.length,
      newTags: sum((p) => p.newTagIds),
      newGroups: sum((p) => p.newGroupIds),
      newThemes: sum((p) => p.newThemeIds),
    },
  };
}
