// Notes typed by several people at once. Each note (one session's one question) is a
// Yjs document that every editor of it shares; the host keeps the document as an
// append-only log of updates and derives the stored note (paragraphs, times, plain
// text) from it. A client sends what it typed and its state vector, and gets back
// what it lacks; everything another client sent reaches it as `note.updated`.
// Updates travel as base64 text, since everything crossing the boundary is JSON.
import { z } from 'zod';
import { Id } from './fields.js';

/** A Yjs update or state vector, base64. An hour's notes are well under a megabyte. */
export const YjsBytes = z
  .string()
  .max(12_000_000)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');

/** Which editor instance sent something, so it can ignore its own echoes (a random id per opened note). */
export const NoteClientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const NoteKey = z.strictObject({ sessionId: Id, questionId: Id.nullable() });
export type NoteKey = z.infer<typeof NoteKey>;

export const NoteSyncRequest = NoteKey.extend({
  client: NoteClientId,
  /** What the client has (Yjs state vector): the answer holds what it lacks. */
  stateVector: YjsBytes,
  /** What the client typed that the host has not acknowledged yet (one merged update). */
  update: YjsBytes.optional(),
});
export type NoteSyncRequest = z.infer<typeof NoteSyncRequest>;

export const NoteSyncAnswer = z.strictObject({
  noteId: Id,
  /** Everything the host has that the client's state vector lacks. */
  update: YjsBytes,
  /** The stored note's revision after this call. */
  revision: z.number().int(),
  savedAt: z.string(),
});
export type NoteSyncAnswer = z.infer<typeof NoteSyncAnswer>;

export const NoteOpenRequest = NoteKey.extend({ stateVector: YjsBytes });
export const NoteOpenAnswer = z.strictObject({
  /** Null when the note does not exist yet. */
  noteId: Id.nullable(),
  update: YjsBytes,
});
export type NoteOpenAnswer = z.infer<typeof NoteOpenAnswer>;

/** Relayed to the note's other editors, never stored: carets and names (y-protocols awareness), or leaving. */
export const NotePresence = NoteKey.extend({
  client: NoteClientId,
  awareness: YjsBytes.max(64_000).optional(),
  /** The editor closed: the host may compact the note once everyone has gone. */
  left: z.boolean().optional(),
});
export type NotePresence = z.infer<typeof NotePresence>;

export const NoteUpdated = z.strictObject({
  noteId: Id,
  sessionId: Id,
  questionId: Id.nullable(),
  /** The editor that typed it; null for the host (an import, a restored copy). */
  client: NoteClientId.nullable(),
  update: YjsBytes,
});
export type NoteUpdated = z.infer<typeof NoteUpdated>;

export const NotePresenceEvent = z.strictObject({
  sessionId: Id,
  questionId: Id.nullable(),
  client: NoteClientId,
  awareness: YjsBytes.optional(),
  left: z.boolean().optional(),
});
export type NotePresenceEvent = z.infer<typeof NotePresenceEvent>;
