// Use cases on the affinity board. Every change is one undoable action: the board's
// fields it changes in the rows it touches are recorded before and after (board-log),
// so undo and redo survive a reload (they live in board-undo.ts). Orders are
// fractional indexes, so a move rewrites only the moved rows.
import type { LinkEnd } from '../../../shared/api/board.js';
import { ActionRecorder, recordAction, undoState } from '../db/repos/board-log.js';
import { loadBoard, loadGroups, loadLinks, loadThemes } from '../db/repos/board-read.js';
import { keysAt, newId, nowIso, positionForMove } from '../db/ids.js';
import { createCausalLink, createGroup, createTheme } from '../db/repos/board.js';
import { stageStudyId } from '../db/repos/stages.js';
import { getStudy, touchStudy } from '../db/repos/studies.js';
import type { ServiceContext } from './context.js';
import { actorOf } from '../changes/call-context.js';
import { DomainError, notFound } from './errors.js';
import { checkEdit } from './edit-base.js';
import type { HandlerGroup } from './handler-types.js';
import { boardDrivers } from './board-drivers.js';

const DEFAULT_COLOUR = '#64748b';

/** Runs a board change while recording the rows it touches, then logs it for undo. */
function act<T>(ctx: ServiceContext, studyId: string, label: string, change: (rec: ActionRecorder) => T): T {
  const recorder = new ActionRecorder(ctx.db);
  const result = change(recorder);
  recordAction(ctx.db, studyId, label, recorder.finish(), actorOf());
  touchStudy(ctx.db, studyId);
  ctx.events.touch(studyId, 'board');
  return result;
}

function groupRow(ctx: ServiceContext, id: string) {
  return ctx.db.prepare('SELECT id, study_id, stage_id, theme_id, name FROM affinity_group WHERE id = ?').get(id) as
    | { id: string; study_id: string; stage_id: string | null; theme_id: string | null; name: string }
    | undefined;
}

function themeStudy(ctx: ServiceContext, id: string): string | undefined {
  return (ctx.db.prepare('SELECT study_id FROM theme WHERE id = ?').get(id) as { study_id: string } | undefined)?.study_id;
}

function assertStage(ctx: ServiceContext, studyId: string, stageId: string | null): void {
  if (stageId !== null && stageStudyId(ctx.db, stageId) !== studyId) throw notFound('The journey stage');
}

function assertFindings(ctx: ServiceContext, studyId: string, ids: readonly string[]): void {
  const found = ctx.db
    .prepare(`SELECT count(*) AS n FROM finding WHERE study_id = ? AND id IN (SELECT value FROM json_each(?))`)
    .get(studyId, JSON.stringify([...new Set(ids)])) as { n: number };
  if (found.n !== new Set(ids).size) throw notFound('A card');
}

/** Places cards, in the given order, into a container (column + group) before `beforeId`. */
function placeCards(ctx: ServiceContext, rec: ActionRecorder, studyId: string, ids: readonly string[], stageId: string | null, groupId: string | null, beforeId: string | null): void {
  const unique = [...new Set(ids)];
  const siblings = ctx.db
    .prepare('SELECT id, position FROM finding WHERE study_id = ? AND stage_id IS ? AND group_id IS ? ORDER BY position, id')
    .all(studyId, stageId, groupId) as Array<{ id: string; position: string }>;
  const rest = siblings.filter((s) => !unique.includes(s.id));
  const index = beforeId === null ? rest.length : rest.findIndex((s) => s.id === beforeId);
  if (index < 0) throw notFound('The card to place before');
  const keys = keysAt(rest, index, unique.length);
  const update = ctx.db.prepare('UPDATE finding SET stage_id = ?, group_id = ?, position = ?, updated_at = ? WHERE id = ?');
  const now = nowIso();
  unique.forEach((id, i) => {
    rec.touch('finding', id);
    update.run(stageId, groupId, keys[i], now, id);
  });
}

function endOf(ctx: ServiceContext, link: LinkEnd, studyId: string): void {
  const owner = link.kind === 'group' ? groupRow(ctx, link.id)?.study_id : themeStudy(ctx, link.id);
  if (owner !== studyId) throw notFound(link.kind === 'group' ? 'The group' : 'The theme');
}

function withStudy(ctx: ServiceContext, studyId: string): void {
  if (!getStudy(ctx.db, studyId)) throw notFound('The study');
}

// Suggestions only read: they live in suggest-groups.ts; undo and redo in board-undo.ts.
export const boardHandlers: Omit<HandlerGroup<'board'>, 'board.suggestGroups' | 'board.undo' | 'board.redo' | 'board.presence'> = {
  'board.get': ({ studyId }, ctx) => {
    withStudy(ctx, studyId);
    return loadBoard(ctx.db, studyId, actorOf());
  },

  'board.moveCards': ({ studyId, findingIds, stageId, groupId, beforeId }, ctx) => {
    assertFindings(ctx, studyId, findingIds);
    let column = stageId;
    if (groupId) {
      const group = groupRow(ctx, groupId);
      if (!group || group.study_id !== studyId) throw notFound('The group');
      column = group.stage_id; // a group lives in one column: its cards take that stage
    } else {
      assertStage(ctx, studyId, stageId);
    }
    act(ctx, studyId, 'move', (rec) => placeCards(ctx, rec, studyId, findingIds, column, groupId, beforeId));
    return undoState(ctx.db, studyId, actorOf());
  },

  'board.createGroup': ({ studyId, stageId, name, findingIds, color }, ctx) => {
    withStudy(ctx, studyId);
    assertStage(ctx, studyId, stageId);
    assertFindings(ctx, studyId, findingIds);
    const id = newId();
    act(ctx, studyId, 'group', (rec) => {
      rec.touch('affinity_group', id);
      createGroup(ctx.db, studyId, { name, stageId, color: color ?? DEFAULT_COLOUR, themeId: null }, id);
      if (findingIds.length) placeCards(ctx, rec, studyId, findingIds, stageId, id, null);
    });
    return loadGroups(ctx.db, studyId).find((g) => g.id === id)!;
  },

  'board.updateGroup': ({ id, fields, basedOn }, ctx) => {
    const group = groupRow(ctx, id);
    if (!group) throw notFound('The group');
    checkEdit(ctx, { table: 'affinity_group', id }, ['name'], group, basedOn, fields);
    if (fields.themeId && themeStudy(ctx, fields.themeId) !== group.study_id) throw notFound('The theme');
    const label = fields.themeId !== undefined ? 'theme' : fields.collapsed !== undefined ? 'collapse' : fields.color ? 'colour' : 'rename';
    act(ctx, group.study_id, label, (rec) => {
      rec.touch('affinity_group', id);
      ctx.db
        .prepare(
          `UPDATE affinity_group SET name = coalesce(?, name), color = coalesce(?, color),
             collapsed = coalesce(?, collapsed), theme_id = CASE WHEN ? THEN ? ELSE theme_id END WHERE id = ?`,
        )
        .run(
          fields.name ?? null,
          fields.color ?? null,
          fields.collapsed === undefined ? null : fields.collapsed ? 1 : 0,
          fields.themeId === undefined ? 0 : 1,
          fields.themeId ?? null,
          id,
        );
    });
    return loadGroups(ctx.db, group.study_id).find((g) => g.id === id)!;
  },

  'board.moveGroup': ({ id, stageId, beforeId }, ctx) => {
    const group = groupRow(ctx, id);
    if (!group) throw notFound('The group');
    assertStage(ctx, group.study_id, stageId);
    act(ctx, group.study_id, 'move', (rec) => {
      const siblings = ctx.db
        .prepare('SELECT id, position FROM affinity_group WHERE study_id = ? AND stage_id IS ? ORDER BY position, id')
        .all(group.study_id, stageId) as Array<{ id: string; position: string }>;
      const position = positionForMove(siblings, id, beforeId);
      if (position === null) throw notFound('The group to place before');
      rec.touch('affinity_group', id);
      ctx.db.prepare('UPDATE affinity_group SET stage_id = ?, position = ? WHERE id = ?').run(stageId, position, id);
      if (stageId !== group.stage_id) {
        // The group's cards follow it into the new column (their stage changes).
        const cards = ctx.db.prepare('SELECT id FROM finding WHERE group_id = ?').all(id) as Array<{ id: string }>;
        for (const card of cards) {
          rec.touch('finding', card.id);
          ctx.db.prepare('UPDATE finding SET stage_id = ?, updated_at = ? WHERE id = ?').run(stageId, nowIso(), card.id);
        }
      }
    });
    return undoState(ctx.db, group.study_id, actorOf());
  },

  'board.deleteGroup': ({ id }, ctx) => {
    const group = groupRow(ctx, id);
    if (!group) throw notFound('The group');
    act(ctx, group.study_id, 'ungroup', (rec) => {
      const cards = (ctx.db.prepare('SELECT id FROM finding WHERE group_id = ? ORDER BY position, id').all(id) as Array<{ id: string }>).map((c) => c.id);
      if (cards.length) placeCards(ctx, rec, group.study_id, cards, group.stage_id, null, null);
      for (const link of loadLinks(ctx.db, group.study_id).filter((l) => (l.from.kind === 'group' && l.from.id === id) || (l.to.kind === 'group' && l.to.id === id))) {
        rec.touch('causal_link', link.id);
      }
      rec.touch('affinity_group', id);
      ctx.db.prepare('DELETE FROM affinity_group WHERE id = ?').run(id);
    });
    return undoState(ctx.db, group.study_id, actorOf());
  },

  'board.createTheme': ({ studyId, name, groupIds }, ctx) => {
    withStudy(ctx, studyId);
    for (const g of groupIds) if (groupRow(ctx, g)?.study_id !== studyId) throw notFound('The group');
    const id = newId();
    act(ctx, studyId, 'theme', (rec) => {
      rec.touch('theme', id);
      createTheme(ctx.db, studyId, name, DEFAULT_COLOUR, id);
      for (const g of groupIds) {
        rec.touch('affinity_group', g);
        ctx.db.prepare('UPDATE affinity_group SET theme_id = ? WHERE id = ?').run(id, g);
      }
    });
    return loadThemes(ctx.db, studyId).find((t) => t.id === id)!;
  },

  'board.updateTheme': ({ id, name, color, basedOn }, ctx) => {
    const studyId = themeStudy(ctx, id);
    if (!studyId) throw notFound('The theme');
    checkEdit(ctx, { table: 'theme', id }, ['name'], ctx.db.prepare('SELECT name FROM theme WHERE id = ?').get(id) as { name: string }, basedOn, { name });
    act(ctx, studyId, color ? 'colour' : 'rename', (rec) => {
      rec.touch('theme', id);
      ctx.db.prepare('UPDATE theme SET name = coalesce(?, name), color = coalesce(?, color) WHERE id = ?').run(name ?? null, color ?? null, id);
    });
    return loadThemes(ctx.db, studyId).find((t) => t.id === id)!;
  },

  'board.deleteTheme': ({ id }, ctx) => {
    const studyId = themeStudy(ctx, id);
    if (!studyId) throw notFound('The theme');
    act(ctx, studyId, 'theme', (rec) => {
      for (const g of loadGroups(ctx.db, studyId).filter((g) => g.themeId === id)) rec.touch('affinity_group', g.id);
      for (const link of loadLinks(ctx.db, studyId).filter((l) => (l.from.kind === 'theme' && l.from.id === id) || (l.to.kind === 'theme' && l.to.id === id))) {
        rec.touch('causal_link', link.id);
      }
      rec.touch('theme', id);
      ctx.db.prepare('DELETE FROM theme WHERE id = ?').run(id);
    });
    return undoState(ctx.db, studyId, actorOf());
  },

  'board.link': ({ studyId, from, to, label }, ctx) => {
    withStudy(ctx, studyId);
    endOf(ctx, from, studyId);
    endOf(ctx, to, studyId);
    if (from.kind === to.kind && from.id === to.id) throw new DomainError('conflict', 'A link needs two different ends.', 'link_self');
    const id = newId();
    act(ctx, studyId, 'link', (rec) => {
      rec.touch('causal_link', id);
      createCausalLink(ctx.db, studyId, from, to, label, id);
    });
    return loadLinks(ctx.db, studyId).find((l) => l.id === id)!;
  },

  'board.updateLink': ({ id, label, basedOn }, ctx) => {
    const row = ctx.db.prepare('SELECT study_id, label FROM causal_link WHERE id = ?').get(id) as { study_id: string; label: string } | undefined;
    if (!row) throw notFound('The link');
    checkEdit(ctx, { table: 'causal_link', id }, ['label'], row, basedOn, { label });
    act(ctx, row.study_id, 'link', (rec) => {
      rec.touch('causal_link', id);
      ctx.db.prepare('UPDATE causal_link SET label = ? WHERE id = ?').run(label, id);
    });
    return loadLinks(ctx.db, row.study_id).find((l) => l.id === id)!;
  },

  'board.unlink': ({ id }, ctx) => {
    const row = ctx.db.prepare('SELECT study_id FROM causal_link WHERE id = ?').get(id) as { study_id: string } | undefined;
    if (!row) throw notFound('The link');
    act(ctx, row.study_id, 'unlink', (rec) => {
      rec.touch('causal_link', id);
      ctx.db.prepare('DELETE FROM causal_link WHERE id = ?').run(id);
    });
    return undoState(ctx.db, row.study_id, actorOf());
  },

  'board.drivers': ({ studyId }, ctx) => {
    withStudy(ctx, studyId);
    return boardDrivers(ctx.db, studyId);
  },
};
