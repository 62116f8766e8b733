// Archives from untrusted hands: every malformed or hostile file is refused with its
// own reason (a typed error the UI translates, never a stack trace) before anything
// is written, so the library's row counts are exactly as they were.
import fc from 'fast-check';
import { strToU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_ENTRY } from '../../shared/archive/format.js';
import type { Library } from '../../electron/core/library.js';
import { editJson, exportArchive, importInput, repack, sampleStudyId, tableCounts, unpack, type Entries } from '../fixtures/archives.js';
import { openTestLibrary } from '../helpers/library.js';
import { buildZip, type RawEntry } from '../helpers/zip.js';

let archive: Buffer;
let entries: Entries;

beforeAll(async () => {
  const source = await openTestLibrary({ seedSample: true });
  archive = await exportArchive(source, await sampleStudyId(source));
  entries = unpack(archive);
  source.close();
});

const rawEntries = (extra: RawEntry[] = [], keep: (name: string) => boolean = () => true): RawEntry[] => [
  ...Object.entries(entries)
    .filter(([name]) => keep(name))
    .map(([name, data]) => ({ name, data })),
  ...extra,
];

/** Imports `file` into a library holding its own copy of the sample; returns the error's reason and proves nothing was written. */
async function refusal(file: Buffer, library?: Library): Promise<string> {
  const target = library ?? (await openTestLibrary({ seedSample: true }));
  const before = tableCounts(target);
  const result = await target.dispatch('archive.import', importInput(file, 'duplicate'));
  expect(tableCounts(target)).toEqual(before);
  if (result.ok) throw new Error('the archive was imported');
  expect(result.error.code).toBe('conflict');
  expect(result.error.message).not.toMatch(/\n\s+at |SQLITE/);
  return result.error.reason ?? '';
}

const uuid = '01234567-89ab-7def-8123-456789abcdef';

/** A damaged archive either imports (the damage was harmless) or is refused with an archive reason, having written nothing. */
async function importsWholeOrNothing(library: Library, file: Buffer): Promise<void> {
  const before = tableCounts(library);
  const result = await library.dispatch('archive.import', importInput(file, 'duplicate'));
  if (!result.ok) {
    expect(result.error.reason).toMatch(/^archive_[a-z_]+$/);
    expect(tableCounts(library)).toEqual(before);
  }
}

describe('importing a hostile or damaged archive', () => {
  it('refuses a file that is not a zip, or is cut short', async () => {
    expect(await refusal(Buffer.from('PK\u0003\u0004 this is not really a zip file at all'))).toBe('archive_not_a_zip');
    expect(await refusal(archive.subarray(0, archive.length - 200))).toMatch(/^archive_(not_a_zip|corrupt)$/);
  });

  it('refuses entry names that reach outside a folder: "..", absolute paths, backslashes, drive letters', async () => {
    const library = await openTestLibrary({ seedSample: true });
    for (const name of ['../study.json', 'images/../../evil.json', '/etc/passwd', 'images\\..\\evil.png', 'C:/Windows/evil.json', 'images//x.png', './manifest.json']) {
      expect({ name, reason: await refusal(repack(entries, { [name]: '{}' }), library) }).toEqual({ name, reason: 'archive_unsafe_path' });
    }
  });

  it('refuses a zip bomb: an entry that inflates far past its compressed size, or past the size it declares', async () => {
    const huge = new Uint8Array(24 * 1024 * 1024); // 24 MB of zeros deflate to about 24 KB
    expect(await refusal(buildZip(rawEntries([{ name: `images/${uuid}.png`, data: huge }])))).toBe('archive_zip_bomb');
    const liar = buildZip(rawEntries([{ name: `images/${uuid}.png`, data: new Uint8Array(5 * 1024 * 1024), declaredSize: 100 }]));
    expect(await refusal(liar)).toBe('archive_zip_bomb');
  });

  it('refuses an oversize entry, too many entries, and the same entry twice', async () => {
    expect(await refusal(buildZip(rawEntries([{ name: `images/${uuid}.png`, data: new Uint8Array(10), declaredSize: 300 * 1024 * 1024 }])))).toBe(
      'archive_entry_too_large',
    );
    const many = Array.from({ length: 501 }, (_, i): RawEntry => ({ name: `images/${uuid.slice(0, -4)}${String(i).padStart(4, '0')}.png`, data: new Uint8Array(1) }));
    expect(await refusal(buildZip(rawEntries(many)))).toBe('archive_too_many_entries');
    expect(await refusal(buildZip(rawEntries([{ name: 'study.json', data: strToU8('{}') }])))).toBe('archive_duplicate_entry');
    expect(await refusal(buildZip(rawEntries([{ name: 'Study.JSON', data: strToU8('{}') }])))).toBe('archive_duplicate_entry');
  });

  it('refuses damaged entries: a wrong checksum, encryption', async () => {
    const crc = rawEntries().map((e) => (e.name === 'notes.json' ? { ...e, crc: 12345 } : e));
    expect(await refusal(buildZip(crc))).toBe('archive_corrupt');
    const encrypted = rawEntries().map((e) => (e.name === 'notes.json' ? { ...e, flags: 1 } : e));
    expect(await refusal(buildZip(encrypted))).toBe('archive_unsupported_zip');
  });

  it('refuses a zip that is not a study archive, entries the format does not have, and missing parts', async () => {
    expect(await refusal(buildZip([{ name: 'report.docx', data: strToU8('hello') }]))).toBe('archive_not_an_archive');
    expect(await refusal(repack(entries, { 'readme.txt': 'hello' }))).toBe('archive_unexpected_entry');
    expect(await refusal(buildZip(rawEntries([], (name) => name !== 'findings.json')))).toBe('archive_missing_entry');
  });

  it('refuses malformed JSON and text that is not UTF-8', async () => {
    expect(await refusal(repack(entries, { 'notes.json': '{"notes": [' }))).toBe('archive_malformed_json');
    expect(await refusal(repack(entries, { 'study.json': new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }))).toBe('archive_malformed_json');
    expect(await refusal(repack(entries, { [MANIFEST_ENTRY]: 'null' }))).toBe('archive_not_an_archive');
  });

  it('refuses a format it does not read: another format, a newer version, a version that never existed', async () => {
    expect(await refusal(editJson(archive, MANIFEST_ENTRY, (m) => (m.format = 'other.archive')))).toBe('archive_not_an_archive');
    expect(await refusal(editJson(archive, MANIFEST_ENTRY, (m) => (m.formatVersion = 2)))).toBe('archive_newer_version');
    expect(await refusal(editJson(archive, MANIFEST_ENTRY, (m) => (m.formatVersion = 0)))).toBe('archive_unsupported_version');
    expect(await refusal(editJson(archive, MANIFEST_ENTRY, (m) => (m.formatVersion = '1')))).toBe('archive_unsupported_version');
  });

  it('refuses data that breaks the schema, prototype-polluting keys included', async () => {
    const first = (json: Record<string, unknown>, list: string) => (json[list] as Array<Record<string, unknown>>)[0]!;
    expect(await refusal(editJson(archive, 'findings.json', (j) => (first(j, 'findings').type = 'rumour')))).toBe('archive_invalid_data');
    expect(await refusal(editJson(archive, 'study.json', (j) => ((j.study as Record<string, unknown>).extra = 1)))).toBe('archive_invalid_data');
    expect(await refusal(repack(entries, { 'board.json': '{"__proto__": {"polluted": true}, "themes": [], "groups": [], "links": []}' }))).toBe('archive_invalid_data');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const deep = '['.repeat(200) + ']'.repeat(200);
    expect(
      await refusal(editJson(archive, 'notes.json', (j) => (first(j, 'notes').content = { root: { type: 'root', children: [JSON.parse(deep) as unknown] } }))),
    ).toBe('archive_invalid_data');
  });

  it('refuses references that leave the archive (to rows of another study in the library) and ids used twice', async () => {
    const library = await openTestLibrary({ seedSample: true });
    const otherStage = library.context.db.prepare('SELECT id FROM journey_stage LIMIT 1').pluck().get() as string;
    const foreign = editJson(archive, 'findings.json', (j) => ((j.findings as Array<Record<string, unknown>>)[0]!.stageId = otherStage));
    expect(await refusal(foreign, library)).toBe('archive_bad_reference');
    const twice = editJson(archive, 'board.json', (j) => {
      const groups = j.groups as Array<Record<string, unknown>>;
      groups[1]!.id = groups[0]!.id;
    });
    expect(await refusal(twice, library)).toBe('archive_bad_reference');
  });

  it('refuses a persona picture that is not a real image', async () => {
    const withPicture = (avatar: unknown) => editJson(archive, 'personas.json', (j) => ((j.personas as Array<Record<string, unknown>>)[0]!.avatar = avatar));
    const personaId = ((JSON.parse(Buffer.from(entries['personas.json']!).toString()) as { personas: Array<{ id: string }> }).personas[0]!).id;
    const file = `images/${personaId}.png`;
    expect(await refusal(repack(unpack(withPicture({ kind: 'image', file })), { [file]: '<svg onload=alert(1)>' }))).toBe('archive_bad_image');
    expect(await refusal(withPicture({ kind: 'image', file }))).toBe('archive_missing_entry');
  });

  it('never writes part of a randomly damaged archive and answers every damage with a typed reason', async () => {
    const library = await openTestLibrary();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat({ max: archive.length - 1 }), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 6 }),
        fc.option(fc.nat({ max: archive.length - 1 }), { nil: undefined }),
        async (flips, cut) => {
          const damaged = Buffer.from(archive.subarray(0, cut ?? archive.length));
          for (const { at, value } of flips) if (at < damaged.length) damaged[at] = value;
          await importsWholeOrNothing(library, damaged);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it('never writes part of an archive whose JSON was randomly changed', async () => {
    const library = await openTestLibrary();
    const files = ['study.json', 'participants.json', 'findings.json', 'board.json', 'personas.json', 'journey.json', 'sessions.json', 'guide.json'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...files),
        fc.nat(),
        fc.string({ maxLength: 20 }),
        fc.oneof(fc.anything({ withObjectString: true, withNullPrototype: true }), fc.constant('__proto__'), fc.uuid()),
        async (file, pick, field, value) => {
          const changed = editJson(archive, file, (json) => {
            const lists = Object.keys(json);
            const list = json[lists[pick % lists.length]!];
            const rows = (Array.isArray(list) ? list : [list]) as Array<Record<string, unknown>>;
            const row = rows[pick % Math.max(1, rows.length)];
            if (!row) return;
            const keys = Object.keys(row);
            row[pick % 3 === 0 ? field : keys[pick % keys.length]!] = value;
          });
          await importsWholeOrNothing(library, changed);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});
