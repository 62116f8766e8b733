// What a screen reader hears while a guide section or question is dragged: the place
// announced is the place the drop gives, in the user's language.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Active, Over } from '@dnd-kit/core';
import en from '../../shared/i18n/locales/en.json' with { type: 'json' };
import zhHant from '../../shared/i18n/locales/zh-Hant.json' with { type: 'json' };
import { dropPlace, guideAnnouncements } from '../../renderer/features/guide/announce';

const sections = [
  { id: 'open', title: 'Opening', questions: [{ id: 'q1' }, { id: 'q2' }, { id: 'q3' }] },
  { id: 'ep', title: 'Episode', questions: [{ id: 'q4' }] },
];

const active = (id: string) => ({ id }) as Active;
const over = (id: string) => ({ id }) as Over;

async function translator(lng: 'en' | 'zh-Hant') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { en: { translation: en }, 'zh-Hant': { translation: zhHant } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

describe('guide drag announcements', () => {
  it('places a question before the question it is over, or at the end of a section it is over', () => {
    expect(dropPlace(sections, 'q:q1', 'q:q3')).toEqual({ position: 3, section: 'Opening' });
    expect(dropPlace(sections, 'q:q1', 'q:q4')).toEqual({ position: 1, section: 'Episode' });
    expect(dropPlace(sections, 'q:q1', 's:ep')).toEqual({ position: 2, section: 'Episode' });
    // Over its own section: the end of it, counted without itself.
    expect(dropPlace(sections, 'q:q1', 's:open')).toEqual({ position: 3, section: 'Opening' });
    expect(dropPlace(sections, 'q:q1', 'q:gone')).toBeNull();
  });

  it('places a section at the section it is over, or at the section of the question it is over', () => {
    expect(dropPlace(sections, 's:open', 's:ep')).toEqual({ position: 2, section: 'Episode' });
    expect(dropPlace(sections, 's:ep', 'q:q2')).toEqual({ position: 1, section: 'Opening' });
  });

  it('names questions by their number through the guide and sections by title, in English and Chinese', async () => {
    const announce = guideAnnouncements(await translator('en'), sections);
    expect(announce.onDragStart({ active: active('q:q4') })).toBe('Picked up question 4.');
    expect(announce.onDragOver({ active: active('q:q4'), over: over('q:q2') })).toBe('Question 4 is over position 2 in section Opening.');
    expect(announce.onDragEnd({ active: active('s:ep'), over: over('s:open') })).toBe('Section Episode dropped at position 1 of 2.');
    expect(announce.onDragCancel({ active: active('s:open'), over: null })).toBe('Moving section Opening was cancelled.');
    expect(announce.onDragOver({ active: active('q:q4'), over: null })).toBeUndefined();

    const zh = guideAnnouncements(await translator('zh-Hant'), sections);
    expect(zh.onDragEnd({ active: active('q:q1'), over: over('q:q4') })).toBe('問題 1 已放到章節 Episode 的第 1 位。');
  });
});
