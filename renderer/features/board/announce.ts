// What the board says to a screen reader during a drag: which card (or group) was
// picked up, what it is over, and what the drop did, by name, in the UI's language.
// Spoken through one polite live region updated outside React, so hovering re-renders
// nothing.
import type { TFunction } from 'i18next';
import type { Board } from '../../../shared/api/board';
import { truncateChars } from '../../../shared/text/ellipsis';
import type { DropTarget } from './dropTarget';

const QUOTE_CHARS = 60;
export const quote = (text: string) => truncateChars(text.replace(/\s+/g, ' ').trim(), QUOTE_CHARS);

export interface BoardNames {
  board: Board;
  columnName: (stageId: string | null) => string;
}

const groupName = (names: BoardNames, id: string) => names.board.groups.find((g) => g.id === id)?.name ?? '';
const cardText = (names: BoardNames, id: string) => quote(names.board.cards.find((c) => c.id === id)?.text ?? '');

export function pickedUp(t: TFunction, names: BoardNames, cardIds: readonly string[], groupId: string | null): string {
  if (groupId) return t('board.announce.startGroup', { name: groupName(names, groupId) });
  return t(cardIds.length > 1 ? 'board.announce.startCards' : 'board.announce.startCard', { count: cardIds.length, text: cardText(names, cardIds[0] ?? '') });
}

export function over(t: TFunction, names: BoardNames, target: DropTarget | null): string {
  if (!target) return t('board.announce.overNothing');
  switch (target.kind) {
    case 'theme':
      return t('board.announce.overTheme', { name: names.board.themes.find((x) => x.id === target.themeId)?.name ?? '' });
    case 'group':
      return t('board.announce.overGroup', { name: groupName(names, target.groupId) });
    case 'card':
      return target.groupId
        ? t('board.announce.overCardInGroup', { text: cardText(names, target.cardId), name: groupName(names, target.groupId) })
        : t('board.announce.overCard', { text: cardText(names, target.cardId) });
    case 'column':
      return t('board.announce.overColumn', { name: names.columnName(target.stageId) });
  }
}

/** What a drop of cards (or of a group) did, given where it landed. */
export function dropped(t: TFunction, names: BoardNames, cardIds: readonly string[], groupId: string | null, target: DropTarget | null): string {
  if (groupId) {
    const name = groupName(names, groupId);
    if (target?.kind === 'theme') return t('board.announce.groupJoinedTheme', { name, theme: names.board.themes.find((x) => x.id === target.themeId)?.name ?? '' });
    if (!target || (target.kind === 'group' && target.groupId === groupId)) return t('board.announce.nothing');
    return t('board.announce.groupMoved', { name, column: names.columnName(target.stageId) });
  }
  const count = cardIds.length;
  if (!target || target.kind === 'theme' || count === 0) return t('board.announce.nothing');
  if (target.kind === 'card' && cardIds.includes(target.cardId)) return t('board.announce.nothing');
  if (target.kind === 'card' && target.groupId === null) return t(count > 1 ? 'board.announce.newGroupMany' : 'board.announce.newGroup', { count, text: cardText(names, target.cardId) });
  if (target.kind === 'card' && target.groupId) return t(count > 1 ? 'board.announce.joinedMany' : 'board.announce.joined', { count, name: groupName(names, target.groupId) });
  if (target.kind === 'group') return t(count > 1 ? 'board.announce.joinedMany' : 'board.announce.joined', { count, name: groupName(names, target.groupId) });
  return t(count > 1 ? 'board.announce.movedMany' : 'board.announce.moved', { count, column: names.columnName(target.stageId) });
}

/** Speaks a message through the board's live region. */
export function say(region: HTMLElement | null, message: string): void {
  if (!region) return;
  // The same words twice in a row are still spoken: clear, then set.
  if (region.textContent === message) region.textContent = '';
  region.textContent = message;
}
