// Filtering lists by typed text on screen (board, codebook, evidence picker) finds
// Simplified and Traditional Chinese alike, case-insensitively, as search does.
import { describe, expect, it } from 'vitest';
import type { BoardCard } from '../../shared/api/board.js';
import type { Tag } from '../../shared/api/codebook.js';
import { containsFiltered, filterForm } from '../../shared/search/text-filter.js';
import { matcher, NO_FILTER } from '../../renderer/features/board/filters.js';
import { matchesTag } from '../../renderer/features/codebook/CodebookScreen.js';

const card = (id: string, text: string): BoardCard => ({
  id,
  text,
  type: 'pain_point',
  terms: [],
  tagIds: [],
  stageId: null,
  groupId: null,
  position: 'a0',
  participantId: null,
  participantCode: null,
  sessionId: null,
  questionId: null,
  paragraphKey: null,
  revision: 1,
});

const tag = (name: string, definition = ''): Tag => ({
  id: name,
  studyId: 's',
  parentId: null,
  name,
  definition,
  usageRule: '',
  color: '#000',
  uses: 0,
  deletedAt: null,
  revision: 1,
});

describe('text filters on screen', () => {
  it('compares lowercased text with Traditional Chinese folded to Simplified', () => {
    expect(filterForm('Hidden 價格')).toBe('hidden 价格');
    expect(containsFiltered('客戶覺得 Price 太高', filterForm('客户'))).toBe(true);
    expect(containsFiltered('客戶覺得 Price 太高', filterForm('PRICE'))).toBe(true);
    expect(containsFiltered('客戶覺得 Price 太高', filterForm('价格'))).toBe(false);
    expect(containsFiltered('anything', '')).toBe(true);
  });

  it('keeps board cards written in either script when the filter is typed in the other', () => {
    const cards = [card('a', '客戶說價格不透明'), card('b', '客户说价格不透明'), card('c', '试驾太短')];
    const keep = (text: string) => cards.filter(matcher({ ...NO_FILTER, text }, { participants: new Map(), sessions: new Map() })!).map((c) => c.id);
    expect(keep('客户')).toEqual(['a', 'b']);
    expect(keep('價格')).toEqual(['a', 'b']);
    expect(keep('試駕')).toEqual(['c']);
  });

  it('finds codebook tags by name or definition in either script', () => {
    expect(matchesTag(tag('價格不透明'), '价格')).toBe(true);
    expect(matchesTag(tag('Waiting', '等待報價'), '报价')).toBe(true);
    expect(matchesTag(tag('Waiting', '等待報價'), '试驾')).toBe(false);
  });
});
