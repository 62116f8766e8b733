// What operations may ask of the live team session runtime (its listener, its links
// held in memory). Implemented by TeamHost; handlers reach it through the service
// context. Absent where nothing can listen for teammates (a bare database in tests).
import type { z } from 'zod';
import type { TeamJoin, TeamJoined, TeamMe, TeamStart, TeamStatus } from '../../../shared/api/team.js';
import type { TeamRole } from '../../../shared/api/team-roles.js';

export interface TeamControl {
  start(input: z.output<typeof TeamStart>): Promise<TeamStatus>;
  status(): TeamStatus | null;
  setRole(memberId: string, role: TeamRole): TeamStatus;
  remove(memberId: string): TeamStatus;
  rotateLinks(): TeamStatus;
  end(): Promise<{ id: string } | null>;
  join(input: z.output<typeof TeamJoin>): TeamJoined;
  me(): TeamMe;
}
