// Suggested grouping of the board's ungrouped findings, column by column (a group
// lives in one column, so a suggestion never mixes stages). Nothing is written: the
// researcher accepts a suggestion with board.createGroup, which is one undoable board
// action creating the group with its cards, or edits or ignores it.
import type { GroupSuggestions, SuggestedGroup } from '../../../shared/api/analysis.js';
import type { BoardCard } from '../../../shared/api/board.js';
import { clusterTexts, wordRarity } from '../../../shared/analysis/cluster.js';
import { loadCards } from '../db/repos/board-read.js';
import { listStages } from '../db/repos/stages.js';
import { getStudy } from '../db/repos/studies.js';
import { notFound } from './errors.js';
import type { Handler } from './handler-types.js';

export const DEFAULT_THRESHOLD = 0.3;
/** A proposed name is its strongest words; the researcher edits it. */
const NAME_WORDS = 3;
const NAME_MAX = 200;

function columnsOf(cards: readonly BoardCard[], stageOrder: ReadonlyArray<string | null>): Array<[string | null, BoardCard[]]> {
  return stageOrder.map((stageId) => [stageId, cards.filter((c) => c.stageId === stageId)]);
}

export const suggestionHandlers: { 'board.suggestGroups': Handler<'board.suggestGroups'> } = {
  'board.suggestGroups': ({ studyId, stageId, threshold }, ctx): GroupSuggestions => {
    if (!getStudy(ctx.db, studyId)) throw notFound('The study');
    const stages = [...listStages(ctx.db, studyId).map((s) => s.id), null];
    if (stageId !== undefined && !stages.includes(stageId)) throw notFound('The journey stage');
    const cards = loadCards(ctx.db, studyId);
    const loose = cards.filter((c) => c.groupId === null && (stageId === undefined || c.stageId === stageId));
    // How rare a word is, is judged against the whole study, not one column's few cards.
    const rarity = wordRarity(cards.map((c) => c.text));
    const groups: SuggestedGroup[] = [];
    for (const [column, columnCards] of columnsOf(loose, stages)) {
      if (columnCards.length < 2) continue;
      for (const cluster of clusterTexts(columnCards, { threshold: threshold ?? DEFAULT_THRESHOLD, rarity })) {
        const words = cluster.topWords.slice(0, NAME_WORDS).map((w) => w.word);
        const fallback = columnCards.find((c) => c.id === cluster.ids[0])?.text ?? '';
        groups.push({
          stageId: column,
          name: (words.length ? words.join(' · ') : fallback).slice(0, NAME_MAX),
          topWords: cluster.topWords,
          findingIds: cluster.ids,
          cohesion: cluster.cohesion,
        });
      }
    }
    const taken = groups.reduce((n, g) => n + g.findingIds.length, 0);
    return { groups, considered: loose.length, left: loose.length - taken };
  },
};
