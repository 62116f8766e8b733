// Study archives between real libraries: the sample study exported and imported into
// a fresh library comes back row for row with the same ids (and is found by search);
// imported again into a library that has it, the import asks first, skips when told,
// or adds a copy whose every id is new and whose every reference stays inside it.
import { describe, expect, it } from 'vitest';
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, DATA_ENTRIES, DATA_ENTRY_NAMES, MANIFEST_ENTRY } from '../../shared/archive/format.js';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations/index.js';
import type { Library } from '../../electron/core/library.js';
import { exportArchive, importInput, readJson, sampleStudyId, tableCounts, unpack } from '../fixtures/archives.js';
import { call } from '../helpers/call.js';
import { openTestLibrary } from '../helpers/library.js';

/** One study's rows in every table that holds study data, with every column, in a stable order. */
const STUDY_ROWS: Record<string, string> = {
  study: 'SELECT * FROM study WHERE id = :s',
  journey_stage: 'SELECT * FROM journey_stage WHERE study_id = :s ORDER BY id',
  touchpoint: 'SELECT * FROM touchpoint WHERE study_id = :s ORDER BY id',
  influencer: 'SELECT * FROM influencer WHERE study_id = :s ORDER BY id',
  participant: 'SELECT * FROM participant WHERE study_id = :s ORDER BY id',
  tag: 'SELECT * FROM tag WHERE study_id = :s ORDER BY id',
  guide: 'SELECT * FROM guide WHERE study_id = :s ORDER BY id',
  guide_version: 'SELECT v.* FROM guide_version v JOIN guide g ON g.id = v.guide_id WHERE g.study_id = :s ORDER BY v.id',
  guide_section:
    'SELECT x.* FROM guide_section x JOIN guide_version v ON v.id = x.guide_version_id JOIN guide g ON g.id = v.guide_id WHERE g.study_id = :s ORDER BY x.id',
  guide_question:
    'SELECT q.* FROM guide_question q JOIN guide_section x ON x.id = q.section_id JOIN guide_version v ON v.id = x.guide_version_id JOIN guide g ON g.id = v.guide_id WHERE g.study_id = :s ORDER BY q.id',
  session: 'SELECT * FROM session WHERE study_id = :s ORDER BY id',
  session_question: 'SELECT q.* FROM session_question q JOIN session s ON s.id = q.session_id WHERE s.study_id = :s ORDER BY q.session_id, q.question_id',
  note: 'SELECT n.* FROM note n JOIN session s ON s.id = n.session_id WHERE s.study_id = :s ORDER BY n.id',
  theme: 'SELECT * FROM theme WHERE study_id = :s ORDER BY id',
  affinity_group: 'SELECT * FROM affinity_group WHERE study_id = :s ORDER BY id',
  finding: 'SELECT * FROM finding WHERE study_id = :s ORDER BY id',
  finding_tag: 'SELECT t.* FROM finding_tag t JOIN finding f ON f.id = t.finding_id WHERE f.study_id = :s ORDER BY t.finding_id, t.tag_id',
  causal_link: 'SELECT * FROM causal_link WHERE study_id = :s ORDER BY id',
  persona: 'SELECT * FROM persona WHERE study_id = :s ORDER BY id',
  persona_participant: 'SELECT x.* FROM persona_participant x JOIN persona p ON p.id = x.persona_id WHERE p.study_id = :s ORDER BY x.persona_id, x.participant_id',
  persona_item: 'SELECT i.* FROM persona_item i JOIN persona p ON p.id = i.persona_id WHERE p.study_id = :s ORDER BY i.id',
  persona_item_evidence:
    'SELECT e.* FROM persona_item_evidence e JOIN persona_item i ON i.id = e.item_id JOIN persona p ON p.id = i.persona_id WHERE p.study_id = :s ORDER BY e.item_id, e.finding_id',
  journey_map: 'SELECT * FROM journey_map WHERE study_id = :s ORDER BY id',
  journey_emotion: 'SELECT e.* FROM journey_emotion e JOIN journey_map m ON m.id = e.map_id WHERE m.study_id = :s ORDER BY e.map_id, e.stage_id',
  journey_item: 'SELECT i.* FROM journey_item i JOIN journey_map m ON m.id = i.map_id WHERE m.study_id = :s ORDER BY i.id',
  journey_item_evidence:
    'SELECT e.* FROM journey_item_evidence e JOIN journey_item i ON i.id = e.item_id JOIN journey_map m ON m.id = i.map_id WHERE m.study_id = :s ORDER BY e.item_id, e.finding_id',
  // The search index the triggers built (its own row ids differ between libraries).
  search_doc: 'SELECT kind, source_id, seq, part, study_id, participant_id, body FROM search_doc WHERE study_id = :s ORDER BY kind, source_id, seq, part',
};

/**
 * Tables that hold no study content an archive carries: the board's undo log, the change feed and answers kept
 * for retried writes, library settings, where imports came from, and when each record's fields last changed.
 * A note's edit log is how this library shares it between editors; an archive carries the
 * note itself, which the importing library turns into a shared document when it is opened.
 * Live team sessions (their listener, links and who joined) belong to the library that hosted them.
 */
const NOT_ARCHIVED = [
  'board_undo_entry',
  'board_undo_change',
  'change_log',
  'mutation_result',
  'app_setting',
  'study_archive_origin',
  'field_revision',
  'note_update',
  'team_session',
  'team_invite',
  'team_member',
];

/** A record's revision counts its changes in one library: an imported study's records count afresh. (A note's is its text's own.) */
const withoutRevision = (table: string, row: unknown): unknown => {
  if (table === 'note') return row;
  const { revision: _revision, ...rest } = row as Record<string, unknown>;
  return rest;
};

function studyRows(library: Library, studyId: string): Record<string, unknown[]> {
  const { db } = library.context;
  return Object.fromEntries(
    Object.entries(STUDY_ROWS).map(([table, sql]) => [table, db.prepare(sql).all({ s: studyId }).map((row) => withoutRevision(table, row))]),
  );
}

/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

describe('study archives between libraries', () => {
  it('covers every table that holds study data', async () => {
    const library = await openTestLibrary();
    const tables = library.context.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_text%'")
      .pluck()
      .all() as string[];
    expect(tables.filter((t) => !NOT_ARCHIVED.includes(t)).sort()).toEqual(Object.keys(STUDY_ROWS).sort());
  });

  it('exports the sample study and imports it into a fresh library with every row and id as it was, the withdrawn participant left out', async () => {
    const source = await openTestLibrary({ seedSample: true });
    const studyId = await sampleStudyId(source);
    // Beyond the sample as seeded: an uploaded picture and a tag in the trash. (The sample's P08 has withdrawn.)
    const [persona] = await call(source, 'persona.list', { studyId });
    await call(source, 'persona.update', { id: persona!.id, fields: { avatar: `data:image/png;base64,${PNG}` } });
    const participants = await call(source, 'participant.list', { studyId });
    const withdrawn = participants.find((p) => p.withdrawnAt !== null)!;
    expect(withdrawn.code).toBe('P08');
    const [tag] = await call(source, 'tag.list', { studyId });
    await call(source, 'tag.delete', { id: tag!.id });
    const archive = await exportArchive(source, studyId);

    const entries = unpack(archive);
    expect(Object.keys(entries).sort()).toEqual([MANIFEST_ENTRY, ...DATA_ENTRY_NAMES, `images/${persona!.id}.png`].sort());
    const manifest = readJson(entries, MANIFEST_ENTRY);
    expect(manifest).toMatchObject({ format: ARCHIVE_FORMAT, formatVersion: ARCHIVE_FORMAT_VERSION, schemaVersion: LATEST_SCHEMA_VERSION, studyId, personalData: true });
    expect(Object.keys(readJson(entries, 'notes.json'))).toEqual([...DATA_ENTRIES['notes.json']]);

    const target = await openTestLibrary();
    const result = await call(target, 'archive.import', importInput(archive));
    expect(result).toEqual({ status: 'imported', studyId, name: 'New-car buyer journey', remappedIds: 0, personalData: true });
    // A way back was kept before the import wrote.
    expect((await call(target, 'snapshot.list', {})).map((s) => [s.reason, s.detail])).toContainEqual(['import', 'study.fieldwork']);

    // Everything comes back as it was, except the participant who withdrew consent: no archive carries them.
    const before = studyRows(source, studyId);
    before.participant = before.participant!.filter((row) => (row as { id: string }).id !== withdrawn.id);
    before.search_doc = before.search_doc!.filter((row) => (row as { participant_id: string | null }).participant_id !== withdrawn.id);
    const after = studyRows(target, studyId);
    for (const table of Object.keys(STUDY_ROWS)) expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
    expect(JSON.stringify(after)).not.toContain(withdrawn.id);
    expect(after.note!.length).toBeGreaterThan(20);
    expect(after.search_doc!.length).toBeGreaterThan(300);

    // Everything else sees it too: the list, the board, and search in Chinese.
    const [listed] = await call(target, 'study.list', {});
    const sourceCounts = (await call(source, 'study.list', {})).find((s) => s.id === studyId)!.counts;
    expect(listed).toMatchObject({ id: studyId, counts: { ...sourceCounts, participants: sourceCounts.participants - 1 } });
    const hits = await call(target, 'search.query', { studyId, text: '报价' });
    expect(hits.hits.some((h) => h.kind === 'note')).toBe(true);
    const origin = target.context.db.prepare('SELECT archive_id, source_study_id FROM study_archive_origin WHERE study_id = ?').get(studyId);
    expect(origin).toEqual({ archive_id: manifest.archiveId, source_study_id: studyId });
  });

  it('asks before importing a study the library already has, skips it when told, and adds a copy with new ids whose references stay inside it', async () => {
    const library = await openTestLibrary({ seedSample: true });
    const studyId = await sampleStudyId(library);
    const archive = await exportArchive(library, studyId);
    const original = studyRows(library, studyId);
    const counts = tableCounts(library);
    const snapshots = (await call(library, 'snapshot.list', {})).length;

    const asked = await call(library, 'archive.import', importInput(archive, 'ask'));
    expect(asked).toEqual({ status: 'already_imported', existing: { studyId, name: 'New-car buyer journey', inTrash: false } });
    expect(await call(library, 'archive.import', importInput(archive, 'skip'))).toEqual({ status: 'skipped', studyId });
    expect(tableCounts(library)).toEqual(counts);
    expect((await call(library, 'snapshot.list', {})).length).toBe(snapshots); // nothing written, so no snapshot either

    const copy = await call(library, 'archive.import', importInput(archive, 'duplicate'));
    if (copy.status !== 'imported') throw new Error('expected a copy');
    expect(copy.studyId).not.toBe(studyId);
    expect(studyRows(library, studyId)).toEqual(original);

    // Pair each row of the original with its copy (both exported in the order they were written).
    const first = unpack(archive);
    const second = unpack(await exportArchive(library, copy.studyId));
    const idMap = new Map<string, string>();
    for (const name of DATA_ENTRY_NAMES) {
      const a = readJson(first, name);
      const b = readJson(second, name);
      for (const list of DATA_ENTRIES[name]) {
        const rowsA = [a[list]].flat() as Array<{ id?: string }>;
        const rowsB = [b[list]].flat() as Array<{ id?: string }>;
        expect(rowsB.length).toBe(rowsA.length);
        rowsA.forEach((row, i) => row.id && idMap.set(row.id, rowsB[i]!.id!));
      }
    }
    expect(copy.remappedIds).toBe(idMap.size);
    const copiedIds = [...idMap.values()];
    expect(new Set(copiedIds).size).toBe(idMap.size);
    expect(copiedIds.some((id) => idMap.has(id))).toBe(false);
    // Every id anywhere in the original's data, replaced by its copy's, gives the copy's data exactly.
    for (const name of DATA_ENTRY_NAMES) {
      const mapped = JSON.stringify(readJson(first, name)).replace(UUID, (id) => idMap.get(id) ?? id);
      expect({ name, json: JSON.parse(mapped) as unknown }).toEqual({ name, json: readJson(second, name) });
    }

    // A later export of the same study (a new archive id) is recognised too.
    const again = await call(library, 'archive.import', importInput(await exportArchive(library, studyId), 'ask'));
    expect(again.status).toBe('already_imported');
  });

  it('recognises another export of a study imported earlier, and one whose original is in the trash', async () => {
    const source = await openTestLibrary({ seedSample: true });
    const studyId = await sampleStudyId(source);
    const target = await openTestLibrary();
    await call(target, 'archive.import', importInput(await exportArchive(source, studyId)));
    await call(target, 'study.delete', { id: studyId });
    const second = await call(target, 'archive.import', importInput(await exportArchive(source, studyId), 'ask'));
    expect(second).toEqual({ status: 'already_imported', existing: { studyId, name: 'New-car buyer journey', inTrash: true } });
  });
});
