// Contract shapes for the persona and journey-map documents handed to product teams.
import { z } from 'zod';

/** Formats every document exports to; the journey map is also an image. */
export const DOCUMENT_FORMATS = ['pdf', 'docx', 'markdown', 'html'] as const;
export const JOURNEY_FORMATS = [...DOCUMENT_FORMATS, 'png'] as const;
export type DocumentFormat = (typeof JOURNEY_FORMATS)[number];

export const DocumentOptions = z.strictObject({
  /** Evidence as numbered footnotes (participant code and finding text). On unless false. */
  footnotes: z.boolean().optional(),
  /** Participants' real names replaced by their codes wherever they occur. On unless false. */
  hideRealNames: z.boolean().optional(),
});
export type DocumentOptions = z.infer<typeof DocumentOptions>;
