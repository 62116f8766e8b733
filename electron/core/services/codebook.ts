// Use cases on the codebook: tags with definitions and usage rules, two levels deep;
// rename, re-parent, merge, and delete with undo (restore from the trash). Deleting a
// parent leaves its children at the top level until the parent is restored.
import type { Tag } from '../../../shared/api/codebook.js';
import { touchStudy, getStudy } from '../db/repos/studies.js';
import { createTag, getTag, hasChildren, listTags, mergeTags, setTagDeleted, settleRestoredTag, updateTag } from '../db/repos/tags.js';
import type { ServiceContext } from './context.js';
import { DomainError, notFound } from './errors.js';
import { checkEdit } from './edit-base.js';
import type { HandlerGroup } from './handler-types.js';

function existing(ctx: ServiceContext, id: string): Tag {
  const tag = getTag(ctx.db, id);
  if (!tag) throw notFound('The tag');
  return tag;
}

/** A parent must be a live top-level tag of the same study, and never the tag itself or one with children. */
function assertParent(ctx: ServiceContext, studyId: string, parentId: string | null | undefined, tagId: string | null): void {
  if (parentId === null || parentId === undefined) return;
  const parent = getTag(ctx.db, parentId);
  if (!parent || parent.studyId !== studyId || parent.deletedAt) throw notFound('The parent tag');
  if (parent.id === tagId) throw new DomainError('conflict', 'A tag cannot be its own parent.');
  if (parent.parentId !== null) throw new DomainError('conflict', 'Tags have two levels: the parent must be a top-level tag.', 'two_levels');
  if (tagId && hasChildren(ctx.db, tagId)) {
    throw new DomainError('conflict', 'This tag has tags under it, so it must stay at the top level.', 'two_levels');
  }
}

function assertNameFree(ctx: ServiceContext, studyId: string, name: string, exceptId: string | null): void {
  const clash = listTags(ctx.db, studyId, false).find((t) => t.id !== exceptId && t.name.toLowerCase() === name.toLowerCase());
  if (clash) throw new DomainError('conflict', `A tag named “${clash.name}” already exists; merge the two instead.`, 'tag_name_taken');
}

function changed(ctx: ServiceContext, studyId: string): void {
  touchStudy(ctx.db, studyId);
  ctx.events.touch(studyId, 'tag');
}

export const tagHandlers: HandlerGroup<'tag'> = {
  'tag.list': ({ studyId, trash }, ctx) => listTags(ctx.db, studyId, trash ?? false),

  'tag.create': ({ studyId, fields }, ctx) => {
    if (!getStudy(ctx.db, studyId)) throw notFound('The study');
    assertNameFree(ctx, studyId, fields.name, null);
    assertParent(ctx, studyId, fields.parentId, null);
    const id = createTag(ctx.db, studyId, fields);
    changed(ctx, studyId);
    return existing(ctx, id);
  },

  'tag.update': ({ id, fields, basedOn }, ctx) => {
    const tag = existing(ctx, id);
    checkEdit(ctx, { table: 'tag', id }, ['name', 'definition', 'usageRule'], tag, basedOn, fields);
    if (fields.name !== undefined) assertNameFree(ctx, tag.studyId, fields.name, id);
    assertParent(ctx, tag.studyId, fields.parentId, id);
    updateTag(ctx.db, id, fields);
    changed(ctx, tag.studyId);
    return existing(ctx, id);
  },

  'tag.delete': ({ id }, ctx) => {
    const tag = existing(ctx, id);
    setTagDeleted(ctx.db, id, true);
    changed(ctx, tag.studyId);
    return existing(ctx, id);
  },

  'tag.restore': ({ id }, ctx) => {
    const tag = existing(ctx, id);
    assertNameFree(ctx, tag.studyId, tag.name, id);
    setTagDeleted(ctx.db, id, false);
    settleRestoredTag(ctx.db, id);
    changed(ctx, tag.studyId);
    return existing(ctx, id);
  },

  'tag.merge': ({ sourceId, targetId }, ctx) => {
    const source = existing(ctx, sourceId);
    const target = existing(ctx, targetId);
    if (source.id === target.id) throw new DomainError('conflict', 'Choose two different tags to merge.');
    if (source.studyId !== target.studyId) throw new DomainError('conflict', 'Only tags of the same study can be merged.');
    if (source.deletedAt || target.deletedAt) throw notFound('The tag');
    let childrenParent = target.parentId ?? target.id;
    if (target.parentId === source.id) {
      // Merging a parent into one of its children: the child takes the parent's place.
      updateTag(ctx.db, target.id, { parentId: source.parentId });
      childrenParent = target.id;
    }
    mergeTags(ctx.db, sourceId, targetId, childrenParent);
    changed(ctx, target.studyId);
    return existing(ctx, targetId);
  },
};
