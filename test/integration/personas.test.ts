// Personas on a real library: built from a segment or hand-picked participants,
// fields and avatar, statements citing findings, suggestions from the board, the
// PERSONAL checklist, and withdrawn participants kept out of all of it.
import type { Change } from '../../shared/api/changes.js';
import { describe, expect, it } from 'vitest';
import type { PersonaMembers, PersonalCheck } from '../../shared/api/personas.js';
import type { PersonalLetter } from '../../shared/domain.js';
import { personaStudy } from '../fixtures/persona-study.js';
import { call, failure } from '../helpers/call.js';
import { openTestLibrary } from '../helpers/library.js';

const AGE_35_44: PersonaMembers = { kind: 'segment', segment: { attributes: [{ dimension: 'demographic', name: 'age band', values: ['35-44'] }] } };
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const JPEG_HEAD = '/9j/4AAQSkZJRgABAQAAAQABAAD';

async function setUp() {
  const library = await openTestLibrary();
  return { library, ...(await personaStudy(library)) };
}

const check = (checklist: readonly PersonalCheck[], letter: PersonalLetter) => checklist.find((c) => c.letter === letter)!;

describe('personas', () => {
  it('creates a persona from a segment: the active participants whose attributes match', async () => {
    const { library, study, participants } = await setUp();
    // P04 is 35-44 too, but withdraws first: a withdrawn participant never joins a persona.
    await call(library, 'participant.setWithdrawn', { id: participants.P04, withdrawn: true });
    const persona = await call(library, 'persona.create', { studyId: study.id, name: '谨慎的家庭换车者', members: AGE_35_44 });
    expect(persona.participants.map((p) => p.code)).toEqual(['P01', 'P02']);
    expect(persona.segment).toEqual({ attributes: [{ dimension: 'demographic', name: 'age band', values: ['35-44'] }] });
    expect(await call(library, 'persona.list', { studyId: study.id })).toMatchObject([{ name: '谨慎的家庭换车者', participantCount: 2 }]);
  });

  it('creates a persona from hand-picked participants and refuses a withdrawn or unknown one', async () => {
    const { library, study, participants } = await setUp();
    const persona = await call(library, 'persona.create', { studyId: study.id, name: 'First-time EV buyer', members: { kind: 'participants', participantIds: [participants.P03] } });
    expect(persona.participants.map((p) => p.code)).toEqual(['P03']);
    expect(persona.segment).toBeNull();
    await call(library, 'participant.setWithdrawn', { id: participants.P02, withdrawn: true });
    expect(await failure(library, 'persona.create', { studyId: study.id, name: 'X', members: { kind: 'participants', participantIds: [participants.P02] } })).toBe('not_found');
    const other = await call(library, 'study.create', { name: 'Other' });
    const stranger = await call(library, 'participant.create', { studyId: other.id, fields: { code: 'Z1' } });
    expect(await failure(library, 'persona.create', { studyId: study.id, name: 'X', members: { kind: 'participants', participantIds: [stranger.id] } })).toBe('not_found');
  });

  it('updates fields and who the persona stands for; hand-picking replaces the segment', async () => {
    const { library, study, participants } = await setUp();
    const created = await call(library, 'persona.create', { studyId: study.id, name: 'Draft', members: AGE_35_44 });
    const updated = await call(library, 'persona.update', {
      id: created.id,
      fields: { name: '谨慎的家庭换车者', age: '35-44', occupation: '财务经理', income: '中高', description: '为二胎换七座车', avatar: 'generated:teal' },
      members: { kind: 'participants', participantIds: [participants.P01, participants.P03] },
    });
    expect(updated).toMatchObject({ name: '谨慎的家庭换车者', age: '35-44', occupation: '财务经理', income: '中高', description: '为二胎换七座车', avatar: 'generated:teal', segment: null });
    expect(updated.participants.map((p) => p.code)).toEqual(['P01', 'P03']);
    expect(updated.updatedAt >= created.updatedAt).toBe(true);
  });

  it('accepts an uploaded PNG avatar and rejects a mislabelled, oversized or unknown one by schema', async () => {
    const { library, study } = await setUp();
    const persona = await call(library, 'persona.create', { studyId: study.id, name: 'Avatar', members: AGE_35_44 });
    const png = `data:image/png;base64,${PNG_1PX}`;
    expect((await call(library, 'persona.update', { id: persona.id, fields: { avatar: png } })).avatar).toBe(png);
    for (const avatar of [
      `data:image/png;base64,${JPEG_HEAD}`, // says PNG, is JPEG
      `data:image/svg+xml;base64,${Buffer.from('<svg onload="alert(1)"/>').toString('base64')}`,
      `data:image/png;base64,${PNG_1PX.slice(0, 12)}${'A'.repeat(699_100 - 12)}`, // decodes to just over 512 KB
      'generated:neon',
      'https://example.com/face.png',
    ]) {
      expect(await failure(library, 'persona.update', { id: persona.id, fields: { avatar } })).toBe('invalid_input');
    }
  });

  it('adds, edits, moves and deletes statements, each citing findings resolved to their text and participant', async () => {
    const { library, study, findings } = await setUp();
    const persona = await call(library, 'persona.create', { studyId: study.id, name: 'P', members: AGE_35_44 });
    const first = await call(library, 'persona.addItem', { personaId: persona.id, list: 'challenges', text: '费用不透明', evidence: [findings[0]!] });
    const item = first.lists.challenges[0]!;
    expect(item.evidence).toEqual([{ findingId: findings[0], text: '落地价算不清：上牌服务费、金融服务费都是后来才说的', type: 'pain_point', participantCode: 'P01' }]);
    await call(library, 'persona.addItem', { personaId: persona.id, list: 'challenges', text: '精品包' });
    let now = await call(library, 'persona.linkEvidence', { itemId: item.id, findingIds: [findings[1]!, findings[0]!] });
    expect(now.lists.challenges[0]!.evidence.map((e) => e.participantCode)).toEqual(['P01', 'P02']);
    await call(library, 'persona.updateItem', { itemId: item.id, text: '落地价不透明' });
    now = await call(library, 'persona.moveItem', { itemId: item.id, list: 'challenges', beforeId: null });
    expect(now.lists.challenges.map((i) => i.text)).toEqual(['精品包', '落地价不透明']);
    now = await call(library, 'persona.moveItem', { itemId: item.id, list: 'goals', beforeId: null });
    expect(now.lists.goals.map((i) => i.text)).toEqual(['落地价不透明']);
    now = await call(library, 'persona.unlinkEvidence', { itemId: item.id, findingId: findings[1]! });
    expect(now.lists.goals[0]!.evidence.map((e) => e.findingId)).toEqual([findings[0]]);
    expect(await failure(library, 'persona.unlinkEvidence', { itemId: item.id, findingId: findings[1]! })).toBe('not_found');
    now = await call(library, 'persona.deleteItem', { itemId: item.id });
    expect(now.lists.goals).toEqual([]);
    const foreign = await call(library, 'study.create', { name: 'Other' });
    const elsewhere = await call(library, 'persona.create', { studyId: foreign.id, name: 'Q', members: { kind: 'participants', participantIds: [] } });
    expect(await failure(library, 'persona.addItem', { personaId: elsewhere.id, list: 'goals', text: 'x', evidence: [findings[0]!] })).toBe('not_found');
  });

  it('rejects empty or overlong statements and unknown lists by schema', async () => {
    const { library, study } = await setUp();
    const persona = await call(library, 'persona.create', { studyId: study.id, name: 'P', members: AGE_35_44 });
    expect(await failure(library, 'persona.addItem', { personaId: persona.id, list: 'goals', text: '  ' })).toBe('invalid_input');
    expect(await failure(library, 'persona.addItem', { personaId: persona.id, list: 'goals', text: 'x'.repeat(2001) })).toBe('invalid_input');
    expect(await failure(library, 'persona.addItem', { personaId: persona.id, list: 'hobbies', text: 'x' })).toBe('invalid_input');
    expect(await failure(library, 'persona.create', { studyId: study.id, name: 'P', members: AGE_35_44, extra: 1 })).toBe('invalid_input');
  });

  it('suggests the pain points and quotes of its participants not yet cited, most corroborated first', async () => {
    const { library, study, findings } = await setUp();
    const persona = await call(library, 'persona.create', { studyId: study.id, name: 'P', members: AGE_35_44 });
    // Two of the persona's participants said the same thing about fees: that group ranks first.
    await call(library, 'board.createGroup', { studyId: study.id, stageId: (await call(library, 'study.overview', { id: study.id })).stages[2]!.id, name: '隐藏费用', findingIds: [findings[0]!, findings[1]!] });
    const suggestions = await call(library, 'persona.suggest', { personaId: persona.id });
    expect(suggestions.map((s) => s.text)).toEqual([
      '落地价算不清：上牌服务费、金融服务费都是后来才说的',
      '报价单上多了一个“必须装”的精品包',
      '“他是第一个问我家里情况的销售。”',
      '“价格写清楚，我就不用一家家去比。”',
      '“我再也不会去那家店了。”',
    ]);
    expect(suggestions[0]).toMatchObject({ corroboration: 2, groupName: '隐藏费用', list: 'challenges', terms: ['E', 'M'], participantCode: 'P01' });
    await call(library, 'persona.addItem', { personaId: persona.id, list: 'quotes', text: '第一个问家里情况的销售', evidence: [findings[3]!] });
    const quotes = await call(library, 'persona.suggest', { personaId: persona.id, list: 'quotes' });
    expect(quotes.map((s) => s.participantCode)).toEqual(['P02', 'P04']);
    expect(quotes.every((s) => s.type === 'quote' && s.list === 'quotes')).toBe(true);
  });

  it('computes the PERSONAL checklist, which passes letter by letter as the persona fills in', async () => {
    const { library, study, findings } = await setUp();
    const empty = await call(library, 'persona.create', { studyId: study.id, name: 'P', members: { kind: 'participants', participantIds: [] } });
    expect(empty.checklist.map((c) => c.letter).join('')).toBe('PERSONAL');
    expect(empty.checklist.filter((c) => !c.pass).map((c) => `${c.letter}:${c.reason}`)).toEqual([
      'P:no_evidence',
      'E:missing_avatar',
      'R:no_participants',
      'O:no_evidence',
      'A:missing_goals',
    ]);
    let persona = await call(library, 'persona.update', {
      id: empty.id,
      fields: { avatar: 'generated:blue', description: '为家庭换车' },
      members: AGE_35_44,
    });
    // P04 (35-44) never recorded consent.
    expect(check(persona.checklist, 'E')).toMatchObject({ pass: false, reason: 'consent_missing', count: 2, total: 3 });
    expect(check(persona.checklist, 'R')).toMatchObject({ pass: true, count: 3, total: 3 });
    persona = await call(library, 'persona.addItem', { personaId: persona.id, list: 'goals', text: '总价可控', evidence: [findings[8]!] });
    expect(check(persona.checklist, 'P')).toMatchObject({ pass: false, reason: 'single_participant', count: 1, total: 1 });
    expect(check(persona.checklist, 'A')).toMatchObject({ pass: false, reason: 'missing_challenges' });
    persona = await call(library, 'persona.addItem', { personaId: persona.id, list: 'challenges', text: '费用不透明', evidence: [findings[0]!, findings[1]!] });
    expect(check(persona.checklist, 'P')).toMatchObject({ pass: true, count: 2, total: 3 });
    expect(check(persona.checklist, 'O')).toMatchObject({ pass: true, reason: 'ok', count: 3, total: 3 });
    expect(check(persona.checklist, 'A')).toMatchObject({ pass: true, count: 3, total: 3 });
    expect(check(persona.checklist, 'L')).toMatchObject({ pass: true, at: persona.updatedAt });
    await call(library, 'participant.update', { id: (await call(library, 'participant.list', { studyId: study.id })).find((p) => p.code === 'P04')!.id, fields: { code: 'P04', consentDate: '2026-11-01' } });
    persona = await call(library, 'persona.get', { id: persona.id });
    expect(persona.checklist.every((c) => c.pass)).toBe(true);
    expect((await call(library, 'persona.list', { studyId: study.id }))[0]!.checklistPassed).toBe(8);
  });

  it('fails Long-lived once a newer guide version is published, until the persona is reviewed', async () => {
    const { library, study } = await setUp();
    const persona = await call(library, 'persona.create', { studyId: study.id, name: 'P', members: AGE_35_44 });
    expect(check(persona.checklist, 'L').pass).toBe(true);
    const guide = (await call(library, 'guide.get', { studyId: study.id }))!;
    const draft = await call(library, 'guide.newVersion', { guideId: guide.guideId });
    await new Promise((resolve) => setTimeout(resolve, 5)); // publication strictly after the persona's last change
    await call(library, 'guide.publish', { versionId: draft.version.id, changeNote: 'v2' });
    expect(check((await call(library, 'persona.get', { id: persona.id })).checklist, 'L')).toMatchObject({ pass: false, reason: 'older_than_guide' });
    const reviewed = await call(library, 'persona.update', { id: persona.id, fields: { income: '中高' } });
    expect(check(reviewed.checklist, 'L').pass).toBe(true);
  });

  it('flags overlap with another persona (Singular) and a sixth persona (Number)', async () => {
    const { library, study, participants } = await setUp();
    const a = await call(library, 'persona.create', { studyId: study.id, name: 'A', members: AGE_35_44 });
    const b = await call(library, 'persona.create', { studyId: study.id, name: 'B', members: { kind: 'participants', participantIds: [participants.P01, participants.P03] } });
    expect(check(b.checklist, 'S')).toMatchObject({ pass: false, reason: 'overlaps_participants', count: 1, total: 2, otherPersona: { id: a.id, name: 'A' } });
    expect(check((await call(library, 'persona.get', { id: a.id })).checklist, 'S')).toMatchObject({ pass: true, count: 1, total: 3, otherPersona: { id: b.id } });
    for (const name of ['C', 'D', 'E']) await call(library, 'persona.create', { studyId: study.id, name, members: { kind: 'participants', participantIds: [] } });
    expect(check((await call(library, 'persona.get', { id: a.id })).checklist, 'N')).toMatchObject({ pass: true, count: 5 });
    await call(library, 'persona.create', { studyId: study.id, name: 'F', members: { kind: 'participants', participantIds: [] } });
    expect(check((await call(library, 'persona.get', { id: a.id })).checklist, 'N')).toMatchObject({ pass: false, reason: 'too_many_personas', count: 6, total: 5 });
  });

  it('keeps a withdrawn participant out of its participants, evidence, suggestions and checklist; reinstating brings them back', async () => {
    const { library, study, participants, findings } = await setUp();
    let persona = await call(library, 'persona.create', { studyId: study.id, name: 'P', members: AGE_35_44 });
    persona = await call(library, 'persona.addItem', { personaId: persona.id, list: 'quotes', text: '不会再去了', evidence: [findings[9]!, findings[3]!] });
    await call(library, 'participant.setWithdrawn', { id: participants.P04, withdrawn: true });
    persona = await call(library, 'persona.get', { id: persona.id });
    expect(persona.participants.map((p) => p.code)).toEqual(['P01', 'P02']);
    expect(persona.lists.quotes[0]!.evidence.map((e) => e.participantCode)).toEqual(['P01']);
    expect(check(persona.checklist, 'E')).toMatchObject({ count: 2, total: 2 }); // P04, who never consented, no longer counts
    expect((await call(library, 'persona.suggest', { personaId: persona.id })).some((s) => s.participantCode === 'P04')).toBe(false);
    expect(await failure(library, 'persona.linkEvidence', { itemId: persona.lists.quotes[0]!.id, findingIds: [findings[9]!] })).toBe('not_found');
    await call(library, 'participant.setWithdrawn', { id: participants.P04, withdrawn: false });
    persona = await call(library, 'persona.get', { id: persona.id });
    expect(persona.participants.map((p) => p.code)).toEqual(['P01', 'P02', 'P04']);
    expect(persona.lists.quotes[0]!.evidence.map((e) => e.participantCode)).toEqual(['P01', 'P04']);
  });

  it('reorders and deletes personas, and announces every change', async () => {
    const { library, study } = await setUp();
    const changes: Change[] = [];
    library.events.subscribe((name, payload) => name === 'library.changed' && changes.push(payload as Change));
    const a = await call(library, 'persona.create', { studyId: study.id, name: 'A', members: AGE_35_44 });
    const b = await call(library, 'persona.create', { studyId: study.id, name: 'B', members: AGE_35_44 });
    expect((await call(library, 'persona.move', { id: b.id, beforeId: a.id })).map((p) => p.name)).toEqual(['B', 'A']);
    await call(library, 'persona.delete', { id: a.id });
    expect((await call(library, 'persona.list', { studyId: study.id })).map((p) => p.name)).toEqual(['B']);
    expect(await failure(library, 'persona.get', { id: a.id })).toBe('not_found');
    // Four writes, four changes in revision order, each naming personas in this study.
    expect(changes.map((c) => c.operation)).toEqual(['persona.create', 'persona.create', 'persona.move', 'persona.delete']);
    expect(changes.map((c) => c.revision)).toEqual([...changes.map((c) => c.revision)].sort((a, b) => a - b));
    for (const change of changes) expect(change.studies.find((s) => s.studyId === study.id)?.kinds).toContain('persona');
  });
});
