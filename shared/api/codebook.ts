// Contract shapes for the codebook: tags with definitions, two levels deep.
import { z } from 'zod';
import { Colour, Id, Name, ShortText, Timestamp } from './fields.js';

export const Tag = z.strictObject({
  id: Id,
  studyId: Id,
  parentId: Id.nullable(),
  name: z.string(),
  definition: z.string(),
  usageRule: z.string(),
  color: z.string(),
  uses: z.number().int(),
  deletedAt: Timestamp.nullable(),
  /** Bumped on every change of the record: an edit may name the revision it started from. */
  revision: z.number().int(),
});
export type Tag = z.infer<typeof Tag>;

export const TagFields = z.strictObject({
  name: Name,
  definition: ShortText.optional(),
  usageRule: ShortText.optional(),
  color: Colour.optional(),
  parentId: Id.nullable().optional(),
});
