// The one API contract: every operation (input and output schemas) and every push
// event (payload schema), listed once. The core's handler map, the Electron IPC
// wiring, the preload bridge and the browser-mode server are all generated from
// these two tables, so a name that is not here cannot be called.
import { z } from 'zod';
import { AppInfo, Study, StudyOverview, StudySummary } from './entities.js';
import { Id, Name, ShortText } from './fields.js';

function op<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

const ById = z.strictObject({ id: Id });

export const operations = {
  'app.info': op(z.strictObject({}), AppInfo),

  'study.list': op(z.strictObject({ trash: z.boolean().optional() }), z.array(StudySummary)),
  'study.overview': op(ById, StudyOverview),
  'study.create': op(
    z.strictObject({
      name: Name,
      goal: ShortText.optional(),
      product: ShortText.optional(),
    }),
    Study,
  ),
  'study.rename': op(z.strictObject({ id: Id, name: Name }), Study),
  /** Moves a study to the trash; `study.restore` brings it back. */
  'study.delete': op(ById, Study),
  'study.restore': op(ById, Study),
  /** Deletes a study from the trash for good. */
  'study.purge': op(ById, z.strictObject({ id: Id })),
} as const;

export const events = {
  'study.changed': z.strictObject({
    studyId: Id,
    change: z.enum(['created', 'updated', 'deleted', 'restored', 'purged']),
  }),
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type OperationInput<N extends OperationName> = z.input<Operations[N]['input']>;
export type ParsedInput<N extends OperationName> = z.output<Operations[N]['input']>;
export type OperationOutput<N extends OperationName> = z.output<Operations[N]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const OPERATION_NAMES = Object.keys(operations) as OperationName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(operations, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
