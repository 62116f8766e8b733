// Contract shapes for the two-level affinity board: cards (findings) in stage
// columns and named groups, themes gathering groups, and cause-effect links.
import { z } from 'zod';
import { FINDING_TYPES, PAIN_KINDS } from '../domain.js';
import { Colour, Id, Name, ShortText } from './fields.js';

export const BoardCard = z.strictObject({
  id: Id,
  text: z.string(),
  type: z.enum(FINDING_TYPES),
  terms: z.array(z.enum(PAIN_KINDS)),
  tagIds: z.array(Id),
  stageId: Id.nullable(),
  groupId: Id.nullable(),
  position: z.string(),
  participantId: Id.nullable(),
  participantCode: z.string().nullable(),
  sessionId: Id.nullable(),
  questionId: Id.nullable(),
  paragraphKey: z.string().nullable(),
  /** Bumped on every change of the record: an edit may name the revision it started from. */
  revision: z.number().int(),
});
export type BoardCard = z.infer<typeof BoardCard>;

export const BoardGroup = z.strictObject({
  id: Id,
  stageId: Id.nullable(),
  themeId: Id.nullable(),
  name: z.string(),
  color: z.string(),
  collapsed: z.boolean(),
  position: z.string(),
  revision: z.number().int(),
});
export type BoardGroup = z.infer<typeof BoardGroup>;

export const BoardTheme = z.strictObject({ id: Id, name: z.string(), color: z.string(), position: z.string(), revision: z.number().int() });
export type BoardTheme = z.infer<typeof BoardTheme>;

export const LinkEnd = z.strictObject({ kind: z.enum(['group', 'theme']), id: Id });
export type LinkEnd = z.infer<typeof LinkEnd>;

export const BoardLink = z.strictObject({ id: Id, from: LinkEnd, to: LinkEnd, label: z.string(), revision: z.number().int() });
export type BoardLink = z.infer<typeof BoardLink>;

/** What undo and redo would do next: the kind of board action, or null. */
export const UndoState = z.strictObject({ undo: z.string().nullable(), redo: z.string().nullable() });

export const Board = z.strictObject({
  studyId: Id,
  groups: z.array(BoardGroup),
  themes: z.array(BoardTheme),
  links: z.array(BoardLink),
  cards: z.array(BoardCard),
  undo: UndoState,
});
export type Board = z.infer<typeof Board>;

export const Driver = z.strictObject({
  path: z.array(z.strictObject({ kind: z.enum(['group', 'theme']), id: Id, name: z.string() })),
  findings: z.number().int(),
  participants: z.number().int(),
});
export type Driver = z.infer<typeof Driver>;

export const BOARD_ACTIONS = ['move', 'group', 'ungroup', 'rename', 'colour', 'collapse', 'theme', 'link', 'unlink'] as const;

export const GroupFields = z.strictObject({
  name: Name.optional(),
  color: Colour.optional(),
  collapsed: z.boolean().optional(),
  themeId: Id.nullable().optional(),
});

export const LinkLabel = ShortText;
