// What the board says when the core refuses an undo or redo: the action by name and
// the reason, in English, Simplified and Traditional Chinese; other failures keep the
// general message.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../shared/i18n/locales/en.json' with { type: 'json' };
import zhHans from '../../shared/i18n/locales/zh-Hans.json' with { type: 'json' };
import zhHant from '../../shared/i18n/locales/zh-Hant.json' with { type: 'json' };
import { undoButtonTitle, undoFailureMessage } from '../../renderer/features/board/undoRefusal';
import { ApiCallError } from '../../shared/api/result';

async function translator(lng: 'en' | 'zh-Hans' | 'zh-Hant') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { en: { translation: en }, 'zh-Hans': { translation: zhHans }, 'zh-Hant': { translation: zhHant } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

const refused = (reason: string) => new ApiCallError({ code: 'conflict', message: 'This cannot be undone.', reason });

describe('board undo refusals', () => {
  it('names the refused action and why, in the UI language', async () => {
    expect(undoFailureMessage(await translator('en'), refused('board.undo_changed_since'), 'undo', 'move')).toMatch(/^Could not undo “Move”: something it changed has been edited since/);
    expect(undoFailureMessage(await translator('zh-Hans'), refused('board.undo_deleted_since'), 'undo', 'ungroup')).toMatch(/^无法撤销“解散分组”：它需要的内容之后已被删除。/);
    expect(undoFailureMessage(await translator('zh-Hant'), refused('board.redo_changed_since'), 'redo', 'rename')).toMatch(/^無法重做「重新命名」：/);
  });

  it('falls back to the general message for any other failure', async () => {
    const t = await translator('zh-Hans');
    expect(undoFailureMessage(t, new ApiCallError({ code: 'storage', message: 'disk' }), 'undo', 'move')).toBe(zhHans.errors.storage);
    expect(undoFailureMessage(t, new Error('offline'), 'undo', 'move')).toBe(zhHans.errors.internal);
  });

  it('says on the Undo and Redo buttons which action they will take back or make again', async () => {
    const state = { undo: 'move', redo: 'ungroup' };
    expect(undoButtonTitle(await translator('en'), state, false)).toBe('Undo “Move” (Ctrl+Z)');
    expect(undoButtonTitle(await translator('zh-Hans'), state, true)).toBe('重做“解散分组”（Ctrl+Shift+Z）');
    expect(undoButtonTitle(await translator('zh-Hant'), state, false)).toBe('復原「移動」（Ctrl+Z）');
    expect(undoButtonTitle(await translator('en'), { undo: null, redo: null }, false)).toBe('Undo (Ctrl+Z)');
  });
});
