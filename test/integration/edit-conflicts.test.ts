// An edit that names the value it started from is refused when someone saved another
// value meanwhile (a lost update would otherwise be silent), with the value now, so the
// window can show it and offer to apply its own; an edit sent knowingly goes through.
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/call.js';
import { openTestLibrary } from '../helpers/library.js';

async function setUp() {
  const library = await openTestLibrary({ seedSample: true });
  const [study] = await call(library, 'study.list', {});
  const board = await call(library, 'board.get', { studyId: study!.id });
  return { library, studyId: study!.id, group: board.groups[0]!, theme: board.themes[0]! };
}

describe('edits based on a value that changed meanwhile', () => {
  it('refuses a group rename started from a name someone else has changed since, with the name now', async () => {
    const { library, studyId, group } = await setUp();
    // Window B saves first; window A started from the old name.
    await call(library, 'board.updateGroup', { id: group.id, fields: { name: '价格不透明' }, basedOn: { name: group.name } });
    const refused = await library.dispatch('board.updateGroup', { id: group.id, fields: { name: 'Opaque prices' }, basedOn: { name: group.name } });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'This was changed elsewhere since the edit began.', reason: 'changes.edit_conflict', current: '价格不透明' },
    });
    expect((await call(library, 'board.get', { studyId })).groups.find((g) => g.id === group.id)!.name).toBe('价格不透明');

    // Applied knowingly (no base), or the same name both ways: it goes through.
    await call(library, 'board.updateGroup', { id: group.id, fields: { name: '价格不透明' }, basedOn: { name: group.name } });
    const applied = await call(library, 'board.updateGroup', { id: group.id, fields: { name: 'Opaque prices' } });
    expect(applied.name).toBe('Opaque prices');
    // Other fields of the group do not conflict with a rename.
    expect((await call(library, 'board.updateGroup', { id: group.id, fields: { color: '#2f5d62' } })).name).toBe('Opaque prices');
  });

  it('refuses a theme rename started from a name changed since, and accepts one started from the name now', async () => {
    const { library, theme } = await setUp();
    await call(library, 'board.updateTheme', { id: theme.id, name: '信任', basedOn: { name: theme.name } });
    expect(await library.dispatch('board.updateTheme', { id: theme.id, name: 'Trust', basedOn: { name: theme.name } })).toMatchObject({
      ok: false,
      error: { code: 'conflict', current: '信任' },
    });
    expect((await call(library, 'board.updateTheme', { id: theme.id, name: 'Trust', basedOn: { name: '信任' } })).name).toBe('Trust');
  });

  it('refuses a persona field edit started from a value changed since, leaving the other fields editable', async () => {
    const { library, studyId } = await setUp();
    const [summary] = await call(library, 'persona.list', { studyId });
    const persona = await call(library, 'persona.get', { id: summary!.id });
    await call(library, 'persona.update', { id: persona.id, fields: { occupation: '会计' }, basedOn: { occupation: persona.occupation } });
    expect(await library.dispatch('persona.update', { id: persona.id, fields: { occupation: 'Accountant' }, basedOn: { occupation: persona.occupation } })).toMatchObject({
      ok: false,
      error: { code: 'conflict', reason: 'changes.edit_conflict', current: '会计' },
    });
    // Another field, started from its value now, is saved.
    const saved = await call(library, 'persona.update', { id: persona.id, fields: { age: '35–44' }, basedOn: { age: persona.age } });
    expect(saved).toMatchObject({ occupation: '会计', age: '35–44' });
  });

  it('refuses a journey-map item edit started from text changed since', async () => {
    const { library, studyId } = await setUp();
    const map = await call(library, 'journey.get', { studyId });
    const item = map.items[0]!;
    await call(library, 'journey.updateItem', { itemId: item.id, text: '等报价等了三天', basedOn: { text: item.text } });
    expect(await library.dispatch('journey.updateItem', { itemId: item.id, text: 'Waited three days', basedOn: { text: item.text } })).toMatchObject({
      ok: false,
      error: { code: 'conflict', current: '等报价等了三天' },
    });
    // TERMS toggles are intents, not edits of a value: they never conflict.
    expect((await call(library, 'journey.updateItem', { itemId: item.id, addTerms: [] })).items.find((i) => i.id === item.id)!.text).toBe('等报价等了三天');
  });

  it('refuses a finding rewording started from wording changed since, while its type and TERMS still change', async () => {
    const { library, studyId } = await setUp();
    const card = (await call(library, 'board.get', { studyId })).cards[0]!;
    await call(library, 'finding.update', { id: card.id, fields: { text: '报价要等三天' }, basedOn: { text: card.text } });
    expect(await library.dispatch('finding.update', { id: card.id, fields: { text: 'A quote takes three days' }, basedOn: { text: card.text } })).toMatchObject({
      ok: false,
      error: { code: 'conflict', reason: 'changes.edit_conflict', current: '报价要等三天' },
    });
    // Other fields of the finding, and a rewording started from the wording now, go through.
    const retyped = await call(library, 'finding.update', { id: card.id, fields: { type: 'pain_point', addTerms: ['T'] } });
    expect(retyped).toMatchObject({ text: '报价要等三天', type: 'pain_point' });
    expect(retyped.terms).toContain('T');
    expect((await call(library, 'finding.update', { id: card.id, fields: { text: 'A quote takes three days' }, basedOn: { text: '报价要等三天' } })).text).toBe('A quote takes three days');
  });
});
