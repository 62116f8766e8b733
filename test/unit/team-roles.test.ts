// Who may do what in a live team session is declared once, in the contract's operation
// policy, and the host checks it on every call. This pins what the roles mean (a viewer
// never writes; a note-taker reaches notes only; nothing heavy, exclusive or
// library-wide is a teammate's) and that the README's role table is that declaration.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES, policyOf, type OperationName } from '../../shared/api/contract.js';
import { TEAM_ROLES, type TeamRole } from '../../shared/api/team-roles.js';
import { REPO_ROOT } from '../helpers/library.js';
import { READ_BY_ID } from '../../electron/core/team/gateway.js';
import { operations } from '../../shared/api/contract.js';

const teammates = OPERATION_NAMES.filter((name) => policyOf(name).team !== undefined);
const allows = (name: OperationName, role: TeamRole) => {
  const access = policyOf(name).team;
  return Array.isArray(access) && access.includes(role);
};

/** The README's table, as the contract says it: one row per operation teammates may call. */
function roleTable(): string {
  const header = `| operation | ${TEAM_ROLES.join(' | ')} |`;
  const rule = `| --- | ${TEAM_ROLES.map(() => ':-:').join(' | ')} |`;
  const rows = teammates.map((name) => {
    const access = policyOf(name).team;
    const cells = TEAM_ROLES.map((role) => (access === 'invitation' ? 'link' : allows(name, role) ? '✓' : ''));
    return `| \`${name}\` | ${cells.join(' | ')} |`;
  });
  return [header, rule, ...rows].join('\n');
}

describe('team session roles in the contract', () => {
  it('never lets a viewer write', () => {
    const writes = teammates.filter((name) => policyOf(name).kind === 'write' && allows(name, 'viewer'));
    expect(writes).toEqual([]);
  });

  it('gives a note-taker the notes of an interview and nothing of the board', () => {
    const theirs = teammates.filter((name) => allows(name, 'note_taker'));
    expect(theirs.filter((name) => !name.startsWith('note.') && name !== 'change.since' && name !== 'team.me')).toEqual([]);
    expect(theirs).toEqual(expect.arrayContaining(['note.sync', 'note.open', 'note.presence']));
  });

  it('lets editors and facilitators change the board, and keeps the team session’s own controls with the host', () => {
    for (const name of ['board.moveCards', 'board.createGroup', 'board.updateGroup', 'board.link', 'board.undo'] as const) {
      expect(allows(name, 'editor'), name).toBe(true);
      expect(allows(name, 'facilitator'), name).toBe(true);
    }
    for (const name of ['team.start', 'team.status', 'team.setRole', 'team.remove', 'team.rotateLinks', 'team.end'] as const) {
      expect(policyOf(name).team, name).toBeUndefined();
    }
  });

  it('gives teammates nothing heavy, exclusive, snapshotting or library-wide', () => {
    for (const name of teammates) {
      const policy = policyOf(name);
      expect(policy.kind === 'read' && policy.heavy, name).toBeFalsy();
      expect(policy.kind === 'write' && (policy.exclusive || policy.snapshotFirst), name).toBeFalsy();
      expect(policy.runs === 'async', name).toBe(false);
      expect(policy.problem, name).toBeUndefined();
    }
  });

  it('knows, for every teammate’s read, which study it reads before running it', () => {
    const unscoped = teammates.filter((name) => {
      if (policyOf(name).kind === 'write') return false; // checked where it commits
      const keys = Object.keys((operations[name].input as unknown as { shape: Record<string, unknown> }).shape);
      const named = keys.includes('studyId') || keys.includes('sessionId') || READ_BY_ID[name] !== undefined;
      // Reads of no record at all: the change feed (filtered per teammate), who one is.
      return !named && keys.some((key) => key === 'id' || key.endsWith('Id'));
    });
    expect(unscoped).toEqual([]);
    expect(teammates.filter((name) => policyOf(name).kind !== 'write' && !READ_BY_ID[name] && Object.keys((operations[name].input as unknown as { shape: Record<string, unknown> }).shape).length === 0)).toEqual(['team.me']);
  });

  it('is the table the README shows', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(roleTable());
  });
});
