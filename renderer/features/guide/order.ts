// Where a reordered guide item lands, as the `beforeId` the core expects.

/** The id an item must be placed before to end at `targetIndex` once taken out of `fromIndex`. */
export function beforeIdFor(ids: readonly string[], fromIndex: number, targetIndex: number): string | null {
  const rest = ids.filter((_, i) => i !== fromIndex);
  return rest[targetIndex] ?? null;
}

export interface QuestionMove {
  sectionId: string;
  beforeId: string | null;
}

/**
 * Moving a question one step up or down with the keyboard: inside its section, or
 * across into the neighbouring section at the boundary. Null when it cannot move.
 */
export function stepQuestion(
  sections: ReadonlyArray<{ id: string; questions: ReadonlyArray<{ id: string }> }>,
  questionId: string,
  offset: -1 | 1,
): QuestionMove | null {
  const s = sections.findIndex((section) => section.questions.some((q) => q.id === questionId));
  if (s < 0) return null;
  const section = sections[s]!;
  const ids = section.questions.map((q) => q.id);
  const i = ids.indexOf(questionId);
  const target = i + offset;
  if (target >= 0 && target < ids.length) return { sectionId: section.id, beforeId: beforeIdFor(ids, i, target) };
  const neighbour = sections[s + offset];
  if (!neighbour) return null;
  // Up from the top: end of the previous section. Down from the bottom: start of the next.
  return { sectionId: neighbour.id, beforeId: offset === -1 ? null : (neighbour.questions[0]?.id ?? null) };
}
