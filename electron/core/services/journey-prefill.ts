// Pre-fills a journey map from the affinity board. Each empty cell (stage × lane)
// gets the board groups of that stage with findings of the lane's type (do → doing,
// pain point → pain points with their TERMS, improvement idea → opportunities...). A
// group whose findings are of several types gives one item per lane it reaches, each
// citing only that lane's findings, so a pain point never loses its TERMS to a
// majority of influencers and no item cites a finding of another type. Groups
// gathered under one theme in the same cell become one item named after the theme.
// Ungrouped findings of the stage are kept beside the groups. Most evidenced first
// (distinct participants, then findings, a group before a single finding); every
// item cites the findings behind it. Cells that already hold items are left alone.
import type Database from 'better-sqlite3';
import type { BoardCard } from '../../../shared/api/board.js';
import { JOURNEY_LANES, LANE_FINDING_TYPE, PAIN_KINDS, type JourneyLane, type PainKind } from '../../../shared/domain.js';
import { loadCards, loadGroups, loadThemes } from '../db/repos/board-read.js';
import { addJourneyItem, listJourneyItems } from '../db/repos/journey.js';

/** Enough to read at a glance in a printed cell. */
const MAX_ITEMS_PER_CELL = 5;
const MAX_TEXT = 2_000;

interface Candidate {
  stageId: string;
  lane: JourneyLane;
  text: string;
  themeId: string | null;
  fromGroup: boolean;
  cards: BoardCard[];
  order: string;
}

const laneOfType = new Map(JOURNEY_LANES.map((lane) => [LANE_FINDING_TYPE[lane], lane]));
const cellKey = (stageId: string, lane: JourneyLane) => `${stageId}|${lane}`;
const participantsOf = (cards: readonly BoardCard[]) => new Set(cards.flatMap((c) => (c.participantId ? [c.participantId] : []))).size;

/** A group's findings split by the lane their type fills (findings of no lane, such as quotes, fill none). */
function byLane(cards: readonly BoardCard[]): Map<JourneyLane, BoardCard[]> {
  const lanes = new Map<JourneyLane, BoardCard[]>();
  for (const card of cards) {
    const lane = laneOfType.get(card.type);
    if (lane) lanes.set(lane, [...(lanes.get(lane) ?? []), card]);
  }
  return lanes;
}

function termsOf(candidate: Candidate): PainKind[] {
  if (candidate.lane !== 'pain_points') return [];
  const kinds = new Set(candidate.cards.filter((c) => c.type === 'pain_point').flatMap((c) => c.terms));
  return PAIN_KINDS.filter((k) => kinds.has(k));
}

function groupCandidates(db: Database.Database, studyId: string, cards: readonly BoardCard[]): Candidate[] {
  const out: Candidate[] = [];
  for (const group of loadGroups(db, studyId)) {
    if (group.stageId === null) continue;
    const members = cards.filter((c) => c.groupId === group.id);
    for (const [lane, laneCards] of byLane(members)) {
      out.push({ stageId: group.stageId, lane, text: group.name, themeId: group.themeId, fromGroup: true, cards: laneCards, order: group.position });
    }
  }
  // Groups of one theme in one cell say one thing: merge them under the theme's name.
  const themeName = new Map(loadThemes(db, studyId).map((t) => [t.id, t.name]));
  const merged: Candidate[] = [];
  for (const c of out) {
    const twin = c.themeId ? merged.find((m) => m.themeId === c.themeId && m.stageId === c.stageId && m.lane === c.lane) : undefined;
    if (twin) {
      twin.text = themeName.get(c.themeId!) ?? twin.text;
      twin.cards = [...twin.cards, ...c.cards];
    } else {
      merged.push({ ...c });
    }
  }
  return merged;
}

function singleCandidates(cards: readonly BoardCard[]): Candidate[] {
  return cards.flatMap((card) => {
    const lane = laneOfType.get(card.type);
    if (card.groupId !== null || card.stageId === null || !lane) return [];
    return [{ stageId: card.stageId, lane, text: card.text, themeId: null, fromGroup: false, cards: [card], order: card.position }];
  });
}

const byEvidence = (a: Candidate, b: Candidate) =>
  participantsOf(b.cards) - participantsOf(a.cards) ||
  b.cards.length - a.cards.length ||
  Number(b.fromGroup) - Number(a.fromGroup) ||
  (a.order < b.order ? -1 : a.order > b.order ? 1 : 0);

/** Fills the map's empty cells; returns how many items were added. */
export function prefillJourneyMap(db: Database.Database, mapId: string, studyId: string): number {
  const occupied = new Set(listJourneyItems(db, mapId).map((i) => cellKey(i.stageId, i.lane)));
  const cards = loadCards(db, studyId);
  const cells = new Map<string, Candidate[]>();
  for (const c of [...groupCandidates(db, studyId, cards), ...singleCandidates(cards)]) {
    const key = cellKey(c.stageId, c.lane);
    if (occupied.has(key)) continue;
    const list = cells.get(key) ?? [];
    list.push(c);
    cells.set(key, list);
  }
  let added = 0;
  for (const candidates of cells.values()) {
    const chosen = candidates.sort(byEvidence).slice(0, MAX_ITEMS_PER_CELL);
    for (const c of chosen) {
      addJourneyItem(db, mapId, { stageId: c.stageId, lane: c.lane, text: c.text.slice(0, MAX_TEXT), terms: termsOf(c), evidence: c.cards.map((card) => card.id) });
      added += 1;
    }
  }
  return added;
}
