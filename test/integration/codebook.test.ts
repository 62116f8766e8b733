// The codebook on a real database: two-level tags, unique names, delete with undo,
// and merging that moves every use onto the surviving tag.
import { describe, expect, it } from 'vitest';
import { createFinding } from '../../electron/core/db/repos/findings.js';
import { openTestLibrary } from '../helpers/library.js';
import { call, failure } from '../helpers/call.js';

async function newStudy() {
  const library = await openTestLibrary();
  const study = await call(library, 'study.create', { name: 'Codebook' });
  return { library, study };
}

describe('codebook', () => {
  it('keeps tags two levels deep', async () => {
    const { library, study } = await newStudy();
    const trust = await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Trust', definition: 'Whether the buyer believes the seller', color: '#2f5d62' } });
    const price = await call(library, 'tag.create', { studyId: study.id, fields: { name: '价格透明', parentId: trust.id, usageRule: 'Use when price is hidden or unclear' } });
    expect(price).toMatchObject({ parentId: trust.id, usageRule: 'Use when price is hidden or unclear' });
    expect(await failure(library, 'tag.create', { studyId: study.id, fields: { name: 'Third level', parentId: price.id } })).toBe('conflict');
    const other = await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Service' } });
    // A tag with children cannot itself move under another tag.
    expect(await failure(library, 'tag.update', { id: trust.id, fields: { parentId: other.id } })).toBe('conflict');
    expect(await failure(library, 'tag.update', { id: other.id, fields: { parentId: other.id } })).toBe('conflict');
  });

  it('refuses a second tag with the same name, whatever its case', async () => {
    const { library, study } = await newStudy();
    await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Waiting' } });
    expect(await failure(library, 'tag.create', { studyId: study.id, fields: { name: 'waiting' } })).toBe('conflict');
  });

  it('deletes a tag to the trash and restores it with its uses', async () => {
    const { library, study } = await newStudy();
    const tag = await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Financing' } });
    createFinding(library.context.db, study.id, { text: 'Loan took a week', type: 'pain_point', stageId: null, tagIds: [tag.id] });
    expect((await call(library, 'tag.delete', { id: tag.id })).deletedAt).not.toBeNull();
    expect(await call(library, 'tag.list', { studyId: study.id })).toEqual([]);
    expect((await call(library, 'tag.list', { studyId: study.id, trash: true })).map((t) => t.name)).toEqual(['Financing']);
    const restored = await call(library, 'tag.restore', { id: tag.id });
    expect(restored).toMatchObject({ deletedAt: null, uses: 1 });
  });

  it('moves a deleted parent\'s children to the top level, and restoring the parent puts them back under it', async () => {
    const { library, study } = await newStudy();
    const trust = await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Trust' } });
    const sales = await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Trust in sales', parentId: trust.id } });
    const brand = await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Trust in brand', parentId: trust.id } });
    await call(library, 'tag.delete', { id: trust.id });
    const parentsNow = async () => new Map((await call(library, 'tag.list', { studyId: study.id })).map((t) => [t.name, t.parentId]));
    expect(await parentsNow()).toEqual(new Map([['Trust in brand', null], ['Trust in sales', null]]));

    // A former child is an ordinary top-level tag now: a new tag can go under it...
    const selected = (await call(library, 'tag.list', { studyId: study.id })).find((t) => t.id === sales.id)!;
    const fees = await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Pushy sales', parentId: selected.parentId ?? selected.id } });
    expect(fees.parentId).toBe(sales.id);
    // ...and editing one while the parent is in the trash keeps the way back.
    await call(library, 'tag.update', { id: brand.id, fields: { name: 'Brand trust', definition: 'Believes the brand keeps its word' } });

    const restored = await call(library, 'tag.restore', { id: trust.id });
    expect(restored).toMatchObject({ deletedAt: null, parentId: null });
    // "Trust in sales" has a tag of its own now, so it stays at the top: tags have two levels.
    expect(await parentsNow()).toEqual(
      new Map([['Brand trust', trust.id], ['Pushy sales', sales.id], ['Trust', null], ['Trust in sales', null]]),
    );
  });

  it('restores a deleted child to the top level when its parent has meanwhile become a child itself', async () => {
    const { library, study } = await newStudy();
    const price = await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Price' } });
    const fees = await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Hidden fees', parentId: price.id } });
    const money = await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Money' } });
    await call(library, 'tag.delete', { id: fees.id });
    await call(library, 'tag.update', { id: price.id, fields: { parentId: money.id } });
    expect((await call(library, 'tag.restore', { id: fees.id })).parentId).toBeNull();
  });

  it('renames a tag, keeping its uses and place, and refuses a name another tag has', async () => {
    const { library, study } = await newStudy();
    const trust = await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Trust' } });
    const tag = await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Price', parentId: trust.id, definition: 'Cost as the customer sees it' } });
    createFinding(library.context.db, study.id, { text: '保费太贵', type: 'pain_point', stageId: null, tagIds: [tag.id] });
    const renamed = await call(library, 'tag.update', { id: tag.id, fields: { name: '价格' } });
    expect(renamed).toMatchObject({ name: '价格', parentId: trust.id, definition: 'Cost as the customer sees it', uses: 1 });
    // Changing only the case of its own name is allowed; taking another tag's name is not.
    expect((await call(library, 'tag.update', { id: trust.id, fields: { name: 'TRUST' } })).name).toBe('TRUST');
    const result = await library.dispatch('tag.update', { id: tag.id, fields: { name: 'trust' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'tag_name_taken' } });
    expect(await failure(library, 'tag.update', { id: tag.id, fields: { name: '   ' } })).toBe('invalid_input');
  });

  it('merges two tags: uses move over without duplicates, children follow, the source is gone', async () => {
    const { library, study } = await newStudy();
    const { db } = library.context;
    const source = await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Price' } });
    const target = await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Pricing' } });
    const child = await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Hidden fees', parentId: source.id } });
    createFinding(db, study.id, { text: 'a', type: 'pain_point', stageId: null, tagIds: [source.id] });
    createFinding(db, study.id, { text: 'b', type: 'pain_point', stageId: null, tagIds: [source.id, target.id] });
    createFinding(db, study.id, { text: 'c', type: 'pain_point', stageId: null, tagIds: [target.id] });
    const merged = await call(library, 'tag.merge', { sourceId: source.id, targetId: target.id });
    expect(merged.uses).toBe(3);
    const tags = await call(library, 'tag.list', { studyId: study.id });
    expect(tags.map((t) => t.name).sort()).toEqual(['Hidden fees', 'Pricing']);
    expect(tags.find((t) => t.id === child.id)!.parentId).toBe(target.id);
  });

  it('merges a parent into its own child: the child takes the parent\'s place', async () => {
    const { library, study } = await newStudy();
    const parent = await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Trust' } });
    const child = await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Trust in sales', parentId: parent.id } });
    const sibling = await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Trust in brand', parentId: parent.id } });
    const merged = await call(library, 'tag.merge', { sourceId: parent.id, targetId: child.id });
    expect(merged.parentId).toBeNull();
    const tags = await call(library, 'tag.list', { studyId: study.id });
    expect(tags.find((t) => t.id === sibling.id)!.parentId).toBe(child.id);
  });
});
