// Operations on the library itself: its health and the ways out of a problem, and its
// snapshots (list, take now, restore, delete). None writes through the service's
// transaction: they act on files and connections, so they run as async handlers.
import type { LibraryControl } from '../library-control.js';
import type { ServiceContext } from './context.js';
import { DomainError, notFound } from './errors.js';
import { type HandlerGroup } from './handler-types.js';
import { snapshotFailure } from '../snapshots/safety.js';

function library(ctx: ServiceContext): LibraryControl {
  if (!ctx.library) throw new DomainError('conflict', 'Snapshots are not available here.', 'snapshots.not_writable');
  return ctx.library;
}

export const libraryHandlers: HandlerGroup<'library'> = {
  'library.status': async (_input, ctx) => library(ctx).status(),
  'library.openReadOnly': async (_input, ctx) => library(ctx).acknowledge(),
  'library.exportReadable': async (_input, ctx) => library(ctx).exportReadable(),
  'library.quit': async (_input, ctx) => ({ stopping: library(ctx).quit() }),
};

export const snapshotHandlers: HandlerGroup<'snapshot'> = {
  'snapshot.list': async (_input, ctx) => library(ctx).snapshots(),

  'snapshot.create': async (_input, ctx) => {
    const control = library(ctx);
    if (!control.status().can.snapshot) throw new DomainError('read_only', ctx.readOnlyReason ?? 'The library is open read-only.', 'snapshots.not_writable');
    try {
      const snapshot = await control.takeSnapshot('manual');
      ctx.events.touch(null, 'snapshot');
      return snapshot;
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw snapshotFailure(error, 'The snapshot could not be written.');
    }
  },

  'snapshot.restore': async ({ id }, ctx) => library(ctx).restore(id),

  'snapshot.delete': async ({ id }, ctx) => {
    if (!library(ctx).deleteSnapshot(id)) throw notFound('The snapshot');
    ctx.events.touch(null, 'snapshot');
    return { id };
  },
};
