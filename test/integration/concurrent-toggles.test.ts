// Toggles travel as intents: two windows toggling different TERMS or tags of one
// finding, or TERMS of one journey-map item, from the same (soon stale) copy, both
// keep their change. A whole list still sets exactly that list.
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/call.js';
import { openTestLibrary } from '../helpers/library.js';

async function setUp() {
  const library = await openTestLibrary();
  const study = await call(library, 'study.create', { name: '购车研究' });
  const participant = await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P01' } });
  const session = await call(library, 'session.create', { studyId: study.id, participantId: participant.id, guideVersionId: null, interviewer: 'Interviewer' });
  const finding = await call(library, 'finding.create', { sessionId: session.id, questionId: null, paragraphKey: null, text: '等了三天才拿到报价', type: 'pain_point', fields: { terms: ['T'] } });
  const waiting = await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Waiting' } });
  const price = await call(library, 'tag.create', { studyId: study.id, fields: { name: '价格' } });
  return { library, study, finding, tags: [waiting.id, price.id] };
}

describe('toggles sent as intents', () => {
  it("keeps both windows' TERMS and tags toggled at once on one finding", async () => {
    const { library, finding, tags } = await setUp();
    // Both windows still show the finding as created: TERMS T, no tags.
    await Promise.all([
      call(library, 'finding.update', { id: finding.id, fields: { addTerms: ['M'] } }),
      call(library, 'finding.update', { id: finding.id, fields: { addTerms: ['E'], addTags: [tags[1]!] } }),
      call(library, 'finding.update', { id: finding.id, fields: { addTags: [tags[0]!] } }),
    ]);
    let now = (await call(library, 'session.get', { id: finding.sessionId! })).findings[0]!;
    expect(now.terms).toEqual(['T', 'E', 'M']);
    expect([...now.tagIds].sort()).toEqual([...tags].sort());

    await Promise.all([
      call(library, 'finding.update', { id: finding.id, fields: { removeTerms: ['T'] } }),
      call(library, 'finding.update', { id: finding.id, fields: { addTerms: ['R'], removeTags: [tags[0]!] } }),
    ]);
    now = (await call(library, 'session.get', { id: finding.sessionId! })).findings[0]!;
    expect(now.terms).toEqual(['E', 'R', 'M']);
    expect(now.tagIds).toEqual([tags[1]]);

    // A whole list is still taken as it is.
    const whole = await call(library, 'finding.update', { id: finding.id, fields: { terms: ['S'] } });
    expect(whole.terms).toEqual(['S']);
  });

  it("keeps both windows' TERMS toggled at once on one journey-map pain point", async () => {
    const { library, study } = await setUp();
    const map = await call(library, 'journey.get', { studyId: study.id });
    const added = await call(library, 'journey.addItem', { mapId: map.id, stageId: map.stages[0]!.id, lane: 'pain_points', text: '隐藏费用', terms: ['M'] });
    const item = added.items[0]!;
    await Promise.all([
      call(library, 'journey.updateItem', { itemId: item.id, addTerms: ['T'] }),
      call(library, 'journey.updateItem', { itemId: item.id, addTerms: ['S'] }),
      call(library, 'journey.updateItem', { itemId: item.id, removeTerms: ['M'] }),
    ]);
    const now = (await call(library, 'journey.get', { studyId: study.id })).items.find((i) => i.id === item.id)!;
    expect(now.terms).toEqual(['T', 'S']);
  });
});
