// Pre-fills a journey map from the affinity board. Each empty cell (stage × lane)
// gets the board groups of that stage whose findings are mostly of the lane's type
// (do → doing, pain point → pain points with their TERMS, improvement idea →
// opportunities...). Groups gathered under one theme in the same cell become one item
// named after the theme. A cell no group covers takes single ungrouped findings
// instead. Most evidenced first (distinct participants, then findings); every item
// cites the findings behind it. Cells that already hold items are left alone.
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

/** The lane most of a group's findings belong to (findings of no lane, such as quotes, do not vote). */
function majorityLane(cards: readonly BoardCard[]): JourneyLane | null {
  const votes = new Map<JourneyLane, number>();
  for (const card of cards) {
    const lane = laneOfType.get(card.type);
    if (lane) votes.set(lane, (votes.get(lane) ?? 0) + 1);
  }
  let best: JourneyLane | null = null;
  for (const lane of JOURNEY_LANES) if ((votes.get(lane) ?? 0) > (best ? (votes.get(best) ?? 0) : 0)) best = lane;
  return best;
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
    const lane = majorityLane(members);
    if (lane) out.push({ stageId: group.stageId, lane, text: group.name, themeId: group.themeId, fromGroup: true, cards: members, order: group.position });
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
  participantsOf(b.cards) - participantsOf(a.cards) || b.cards.length - a.cards.length || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0);

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
    const fromGroups = candidates.filter((c) => c.fromGroup);
    const chosen = (fromGroups.length > 0 ? fromGroups : candidates).sort(byEvidence).slice(0, MAX_ITEMS_PER_CELL);
    for (const c of chosen) {
      addJourneyItem(db, mapId, { stageId: c.stageId, lane: c.lane, text: c.text.slice(0, MAX_TEXT), terms: termsOf(c), evidence: c.cards.map((card) => card.id) });
      added += 1;
    }
  }
  return added;
}
