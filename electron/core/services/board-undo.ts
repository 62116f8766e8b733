// Undo and redo on the affinity board. Each step puts back only the board's fields
// the action changed, and only where they are still as the action left them; when
// one was changed or deleted since, the whole step is refused with a reason the UI
// says in the user's language, and that step is forgotten (its undo could only ever
// overwrite later work) so the next undo goes on to the action before it. The
// forgetting must outlast the refusal, so these run their own transaction.
import { redoAction, undoAction, undoState, type UndoOutcome } from '../db/repos/board-log.js';
import { getStudy, touchStudy } from '../db/repos/studies.js';
import type { ServiceContext } from './context.js';
import { actorOf } from '../changes/call-context.js';
import { runInTransaction } from './dispatch.js';
import { DomainError, notFound } from './errors.js';
import { type Handler } from './handler-types.js';

const MESSAGES = {
  undo: {
    changed_since: 'This cannot be undone: something it changed has been changed again since. Nothing was changed; Undo now goes on to the action before it.',
    deleted_since: 'This cannot be undone: something it needs has been deleted since. Nothing was changed; Undo now goes on to the action before it.',
  },
  redo: {
    changed_since: 'This cannot be redone: something it changes has been changed since. Nothing was changed.',
    deleted_since: 'This cannot be redone: something it needs has been deleted since. Nothing was changed.',
  },
} as const;

function step(direction: 'undo' | 'redo') {
  return ({ studyId }: { studyId: string }, ctx: ServiceContext): ReturnType<typeof undoState> => {
    const outcome: UndoOutcome = runInTransaction(ctx, () => {
      if (!getStudy(ctx.db, studyId)) throw notFound('The study');
      const result = direction === 'undo' ? undoAction(ctx.db, studyId, actorOf()) : redoAction(ctx.db, studyId, actorOf());
      if (result.kind !== 'nothing') {
        if (result.kind === 'done') touchStudy(ctx.db, studyId);
        // A refusal changes what Undo offers next: every window shows it.
        ctx.events.touch(studyId, 'board');
      }
      return result;
    });
    if (outcome.kind === 'refused') {
      throw new DomainError('conflict', MESSAGES[direction][outcome.why], `board.${direction}_${outcome.why}`);
    }
    return undoState(ctx.db, studyId, actorOf());
  };
}

export const boardUndoHandlers: { 'board.undo': Handler<'board.undo'>; 'board.redo': Handler<'board.redo'> } = {
  'board.undo': step('undo'),
  'board.redo': step('redo'),
};
