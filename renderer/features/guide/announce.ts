// What a screen reader hears while a section or question of the guide is dragged with
// the keyboard (or the mouse): what was picked up, where it would land, where it went.
// Positions are counted the way onDragEnd places the item, so the last announcement
// matches the result.
import type { Announcements, UniqueIdentifier } from '@dnd-kit/core';
import type { TFunction } from 'i18next';

/** Only what is announced: sections by title, questions by id (numbered by their order). */
type Sections = ReadonlyArray<{ id: string; title: string; questions: ReadonlyArray<{ id: string }> }>;

/** Sortable ids are `s:<section id>` and `q:<question id>`. */
export function parseDragId(id: UniqueIdentifier): { kind: 's' | 'q'; id: string } {
  const [kind, ...rest] = String(id).split(':');
  return { kind: kind === 's' ? 's' : 'q', id: rest.join(':') };
}

/** Where the dragged item would land over `overId`: the 1-based position, and the section for a question. */
export function dropPlace(sections: Sections, activeId: UniqueIdentifier, overId: UniqueIdentifier): { position: number; section: string } | null {
  const active = parseDragId(activeId);
  const over = parseDragId(overId);
  const sectionIndex = over.kind === 's' ? sections.findIndex((s) => s.id === over.id) : sections.findIndex((s) => s.questions.some((q) => q.id === over.id));
  const target = sections[sectionIndex];
  if (!target) return null;
  if (active.kind === 's') return { position: sectionIndex + 1, section: target.title };
  // Over a section itself: the question goes to its end.
  const position =
    over.kind === 's' ? target.questions.filter((q) => q.id !== active.id).length + 1 : target.questions.findIndex((q) => q.id === over.id) + 1;
  return { position, section: target.title };
}

export function guideAnnouncements(t: TFunction, sections: Sections): Announcements {
  /** Questions are numbered straight through the guide, as on screen and on the hand card. */
  const numberOf = (questionId: string): number => sections.flatMap((s) => s.questions).findIndex((q) => q.id === questionId) + 1;
  const titleOf = (sectionId: string): string => sections.find((s) => s.id === sectionId)?.title ?? '';
  const describe = (kind: 'over' | 'end', activeId: UniqueIdentifier, overId: UniqueIdentifier | undefined): string | undefined => {
    const place = overId === undefined ? null : dropPlace(sections, activeId, overId);
    if (!place) return undefined;
    const active = parseDragId(activeId);
    return active.kind === 's'
      ? t(`guide.announce.${kind}Section`, { title: titleOf(active.id), position: place.position, total: sections.length })
      : t(`guide.announce.${kind}Question`, { n: numberOf(active.id), position: place.position, section: place.section });
  };
  const named = (id: UniqueIdentifier, section: string, question: string): string => {
    const active = parseDragId(id);
    return active.kind === 's' ? t(section, { title: titleOf(active.id) }) : t(question, { n: numberOf(active.id) });
  };
  return {
    onDragStart: ({ active }) => named(active.id, 'guide.announce.startSection', 'guide.announce.startQuestion'),
    onDragOver: ({ active, over }) => describe('over', active.id, over?.id),
    onDragEnd: ({ active, over }) => describe('end', active.id, over?.id),
    onDragCancel: ({ active }) => named(active.id, 'guide.announce.cancelSection', 'guide.announce.cancelQuestion'),
  };
}
