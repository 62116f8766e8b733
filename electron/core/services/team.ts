// Live team sessions: the handlers hand over to the team session runtime (TeamHost),
// which owns the guest listener and the links. Without one (a library served by
// nothing that can listen), every operation but the list of interfaces says so.
import type { Handler, HandlerGroup } from './handler-types.js';
import { teamScope } from '../changes/team-scope.js';
import { memberById } from '../db/repos/team.js';
import type { ServiceContext } from './context.js';
import { DomainError } from './errors.js';
import { networkInterfaces } from '../team/interfaces.js';
import type { TeamControl } from '../team/control.js';

function teamOf(ctx: ServiceContext): TeamControl {
  if (!ctx.team) throw new DomainError('forbidden', 'Team sessions are not available here.', 'team.unavailable');
  return ctx.team;
}

export const teamHandlers: HandlerGroup<'team'> = {
  'team.interfaces': () => networkInterfaces(),
  'team.start': (input, ctx) => teamOf(ctx).start(input),
  'team.status': (_input, ctx) => ctx.team?.status() ?? null,
  'team.setRole': ({ memberId, role }, ctx) => teamOf(ctx).setRole(memberId, role),
  'team.remove': ({ memberId }, ctx) => teamOf(ctx).remove(memberId),
  'team.rotateLinks': (_input, ctx) => teamOf(ctx).rotateLinks(),
  'team.end': (_input, ctx) => teamOf(ctx).end(),
  'team.join': (input, ctx) => teamOf(ctx).join(input),
  'team.me': (_input, ctx) => teamOf(ctx).me(),
};

/** The host's own pointer colour (a teammate's comes from the host's record of them). */
const HOST_COLOUR = '#2f5d62';

export const boardPresenceHandlers: { 'board.presence': Handler<'board.presence'> } = {
  'board.presence': (input, ctx) => {
    // A teammate is shown as the host knows them, whatever name their page sends.
    const scope = teamScope();
    const member = scope ? memberById(ctx.db, scope.memberId) : null;
    ctx.events.emit('board.presence', {
      studyId: input.studyId,
      client: input.client,
      name: member?.name ?? input.name ?? '',
      color: member?.color ?? HOST_COLOUR,
      cursor: input.cursor,
      selection: input.selection,
      dragging: input.dragging,
      left: input.left ?? false,
    });
    return {};
  },
};
