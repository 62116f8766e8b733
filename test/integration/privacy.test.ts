// Privacy across the whole app, on the sample study. Real names and contacts stay out
// of every study export unless the user asks for them; and a participant who withdraws
// consent leaves search, the board, the analysis, personas, the journey map and every
// export at once, whether or not personal data is asked for. Exports are found from
// the contract, so new ones are checked too.
import { describe, expect, it } from 'vitest';
import { operations, type OperationName } from '../../shared/api/contract.js';
import { noteFromParagraphs } from '../../shared/notes.js';
import type { ExportedFile } from '../../shared/api/guide.js';
import type { Library } from '../../electron/core/library.js';
import { call } from '../helpers/call.js';
import { EXPORT_OPERATIONS, exportInputs } from '../helpers/export-operations.js';
import { exportedText } from '../helpers/exported-text.js';
import { idPool } from '../helpers/fuzz/id-pool.js';
import { openTestLibrary } from '../helpers/library.js';

const shapeOf = (name: OperationName) => (operations[name].input as unknown as { shape: Record<string, unknown> }).shape ?? {};

/** Exports of a study's content (they take an id of something in the study), not of the whole library. */
const STUDY_EXPORTS = EXPORT_OPERATIONS.filter((name) => Object.keys(shapeOf(name)).some((key) => key.endsWith('Id')));

async function sample() {
  const library = await openTestLibrary({ seedSample: true, stubRenderers: true });
  const [study] = await call(library, 'study.list', {});
  return { library, studyId: study!.id, ids: idPool(library) };
}

/** The same input with every choice that lets personal data in turned on. */
function withPersonalData(name: OperationName, input: Record<string, unknown>): Record<string, unknown> {
  const shape = shapeOf(name);
  return {
    ...input,
    ...('includePersonalData' in shape ? { includePersonalData: true } : {}),
    ...('options' in shape ? { options: { hideRealNames: false } } : {}),
  };
}

/** Every study export in every format, with its default options unless `adjust` changes them, as text. */
async function exportTexts(library: Library, ids: ReturnType<typeof idPool>, adjust = (_name: OperationName, input: Record<string, unknown>) => input) {
  const texts: Array<{ name: OperationName; label: string; text: string }> = [];
  for (const name of STUDY_EXPORTS) {
    for (const input of exportInputs(name, (field) => ids(name)(field)[0]!)) {
      const file = (await call(library, name, adjust(name, input) as never)) as ExportedFile;
      texts.push({ name, label: `${name} ${JSON.stringify(adjust(name, input))}`, text: exportedText(file) });
    }
  }
  return texts;
}

describe('real names and contacts in exports', () => {
  it('stay out of every study export by default, and are there when the user asks for them', async () => {
    const { library, studyId, ids } = await sample();
    const people = await call(library, 'participant.list', { studyId });
    const personal: string[] = [];
    for (const p of people) {
      const realName = `${p.code} 真名 Realname`;
      const contact = `${p.code.toLowerCase()}@contact.example`;
      await call(library, 'participant.update', { id: p.id, fields: { realName, contact } });
      personal.push(realName, contact);
    }
    // A name that slipped into typed notes and a finding, as happens in interviews.
    const [session] = await call(library, 'session.list', { studyId });
    const slipped = `${people.find((p) => p.id === session!.participantId)!.code} 真名 Realname`;
    const said = `${slipped} said the price on the website was not the price in the showroom.`;
    await call(library, 'note.save', { sessionId: session!.id, questionId: null, content: noteFromParagraphs([{ pid: 'slip', atMs: 0, text: said }]) });
    await call(library, 'finding.create', { sessionId: session!.id, questionId: null, paragraphKey: 'slip', text: said, type: 'quote' });
    for (const { label, text } of await exportTexts(library, ids)) {
      expect(personal.filter((value) => text.includes(value)), label).toEqual([]);
    }

    // Asked for: every export that offers the choice then carries them.
    const withChoice = STUDY_EXPORTS.filter((name) => 'options' in shapeOf(name) || 'includePersonalData' in shapeOf(name));
    expect(withChoice.length).toBeGreaterThan(0);
    const asked = await exportTexts(library, ids, withPersonalData);
    for (const name of withChoice) {
      const texts = asked.filter((t) => t.name === name).map((t) => t.text);
      expect(texts.some((text) => personal.some((value) => text.includes(value))), name).toBe(true);
    }
  }, 60_000);
});

/** What would show that a participant is still there: their ids, code and words only they said. */
function tracesOf(library: Library, participantId: string) {
  const db = library.context.db;
  const { code, study_id: studyId } = db.prepare('SELECT code, study_id FROM participant WHERE id = ?').get(participantId) as { code: string; study_id: string };
  const findings = db.prepare('SELECT id, text FROM finding WHERE participant_id = ?').all(participantId) as Array<{ id: string; text: string }>;
  const notes = db
    .prepare('SELECT n.id, n.plain_text AS text FROM note n JOIN session s ON s.id = n.session_id WHERE s.participant_id = ?')
    .all(participantId) as Array<{ id: string; text: string }>;
  // Everything else typed in the study: a probe must occur only in this participant's words.
  const others = (
    db
      .prepare(
        `SELECT text FROM finding WHERE study_id = @study AND participant_id IS NOT @participant
         UNION ALL SELECT n.plain_text FROM note n JOIN session s ON s.id = n.session_id WHERE s.study_id = @study AND s.participant_id IS NOT @participant
         UNION ALL SELECT i.text FROM persona_item i JOIN persona p ON p.id = i.persona_id WHERE p.study_id = @study
         UNION ALL SELECT i.text FROM journey_item i JOIN journey_map m ON m.id = i.map_id WHERE m.study_id = @study
         UNION ALL SELECT name FROM affinity_group WHERE study_id = @study UNION ALL SELECT name FROM theme WHERE study_id = @study`,
      )
      .pluck()
      .all({ study: studyId, participant: participantId }) as string[]
  ).join('\n');
  const probes = [...findings, ...notes]
    .flatMap((row) => [...row.text.matchAll(/[\p{L}\p{N} ]{12,}/gu)].map((m) => [...m[0].trim()].slice(0, 12).join('')))
    .filter((probe) => [...probe].length >= 8 && !others.includes(probe));
  const ids = [participantId, ...findings.map((f) => f.id), ...notes.map((n) => n.id)];
  return { code, probes: [...new Set(probes)].slice(0, 12), ids, mentionedIn: (text: string) => ids.some((id) => text.includes(id)) || text.includes(`"${code}"`) || probes.some((p) => text.includes(p)) };
}

describe('withdrawn consent', () => {
  it('takes a participant out of search, the board, the analysis, personas, the journey map and every export, personal data asked for or not', async () => {
    const { library, studyId, ids } = await sample();
    const [summary] = await call(library, 'persona.list', { studyId });
    const persona = await call(library, 'persona.get', { id: summary!.id });
    // The persona's participant with the most findings: present on every surface.
    const count = library.context.db.prepare('SELECT count(*) FROM finding WHERE participant_id = ?').pluck();
    const participant = [...persona.participants].sort((a, b) => (count.get(b.id) as number) - (count.get(a.id) as number))[0]!;
    const traces = tracesOf(library, participant.id);
    expect(traces.probes.length).toBeGreaterThan(2);

    const surfaces = async () => ({
      'search by their words': await Promise.all(traces.probes.slice(0, 3).map((text) => call(library, 'search.query', { studyId, text }))),
      'search by their code': await call(library, 'search.query', { studyId, text: traces.code }),
      board: await call(library, 'board.get', { studyId }),
      'analysis dashboard': await call(library, 'analysis.dashboard', { studyId }),
      'analysis evidence': await call(library, 'analysis.evidence', { studyId, selection: { chart: 'painPoints' } }),
      persona: await call(library, 'persona.get', { id: persona.id }),
      'journey map': await call(library, 'journey.get', { studyId }),
      'board drivers': await call(library, 'board.drivers', { studyId }),
      'suggested groups': await call(library, 'board.suggestGroups', { studyId }),
      'persona suggestions': await call(library, 'persona.suggest', { personaId: persona.id }),
    });
    const showing = async () =>
      Object.entries(await surfaces())
        .filter(([, value]) => traces.mentionedIn(JSON.stringify(value)))
        .map(([name]) => name);
    const exportsShowing = async (adjust?: Parameters<typeof exportTexts>[2]) =>
      (await exportTexts(library, ids, adjust)).filter((t) => t.text.includes(traces.code) || traces.probes.some((p) => t.text.includes(p))).map((t) => t.label);

    // Before: they are there, so the checks below can see them.
    expect(await showing()).toEqual(expect.arrayContaining(['search by their words', 'search by their code', 'board', 'analysis dashboard', 'analysis evidence', 'persona', 'journey map']));
    expect((await exportsShowing()).length).toBeGreaterThan(0);
    expect(await exportsShowing(withPersonalData)).toEqual(expect.arrayContaining([expect.stringMatching(/^archive\.export .*"includePersonalData":true/)]));

    await call(library, 'participant.setWithdrawn', { id: participant.id, withdrawn: true });
    expect(await showing()).toEqual([]);
    expect(await exportsShowing()).toEqual([]);
    // Asking for personal data (a full backup archive, real names in documents) does not bring them back.
    expect(await exportsShowing(withPersonalData)).toEqual([]);
    // The register still accounts for their interviews, marked, so consent can be reinstated.
    const sessions = await call(library, 'session.list', { studyId });
    expect(sessions.filter((s) => s.participantId === participant.id).every((s) => s.participantWithdrawn)).toBe(true);
  }, 60_000);
});
