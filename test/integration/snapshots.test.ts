// Snapshots on real library files: written with the online backup and verified, on a
// schedule only when something changed, before every destructive change and before a
// schema update, each described by a sidecar that says what it holds.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.js';
import { migrations } from '../../electron/core/db/migrations/index.js';
import { createFinding } from '../../electron/core/db/repos/findings.js';
import { SnapshotStore, SnapshotVerificationError } from '../../electron/core/snapshots/store.js';
import { call } from '../helpers/call.js';
import { openTestLibrary } from '../helpers/library.js';
import { closedLibrary, overwritePages, rootPage } from '../helpers/library-files.js';
import { tempDir } from '../helpers/temp.js';

const reasons = async (library: Awaited<ReturnType<typeof openTestLibrary>>) => (await call(library, 'snapshot.list', {})).map((s) => s.reason);

describe('snapshots', () => {
  it('writes a snapshot with the online backup, checks it and describes it in a sidecar', async () => {
    const library = await openTestLibrary({ seedSample: true });
    await call(library, 'study.create', { name: '首次购车 first-time buyers' });
    const snapshot = await call(library, 'snapshot.create', {});

    expect(snapshot).toMatchObject({ reason: 'manual', verified: true, restorable: true, appVersion: '0.0.0-test' });
    expect(snapshot.summary).toMatchObject({ studies: 2, inTrash: 0, participants: 8 });
    expect(snapshot.summary!.sessions).toBeGreaterThan(0);
    expect(snapshot.summary!.findings).toBeGreaterThan(0);
    expect(snapshot.summary!.studyNames.map((s) => s.name)).toContain('首次购车 first-time buyers');

    const dir = path.join(path.dirname(library.file), 'snapshots');
    const file = path.join(dir, `${snapshot.id}.sqlite`);
    expect(fs.statSync(file).size).toBe(snapshot.size);
    const sidecar = JSON.parse(fs.readFileSync(path.join(dir, `${snapshot.id}.json`), 'utf8')) as Record<string, unknown>;
    expect(sidecar).toMatchObject({ format: 'fieldwork-snapshot', id: snapshot.id, reason: 'manual', verified: true, schemaVersion: snapshot.schemaVersion });
    // A self-contained file: no WAL to go with it, sound, and holding the new study.
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) AS n FROM study').get()).toEqual({ n: 2 });
    db.close();
    expect(fs.readdirSync(dir).sort()).toEqual([`${snapshot.id}.json`, `${snapshot.id}.sqlite`]);
    expect(await call(library, 'snapshot.list', {})).toEqual([snapshot]);
  });

  it('deletes a snapshot that fails its check after writing, and says why', async () => {
    // A backup copies pages as they are, so a library with a damaged index gives a damaged copy.
    const { file } = await closedLibrary();
    overwritePages(file, [rootPage(file, 'journey_item_map')]);
    const source = new Database(file, { readonly: true });
    const dir = path.join(tempDir(), 'snapshots');
    const store = new SnapshotStore({ dir, libraryFile: file, appVersion: 'test' });
    try {
      await expect(store.take(source, 'manual')).rejects.toBeInstanceOf(SnapshotVerificationError);
    } finally {
      source.close();
    }
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(store.list()).toEqual([]);
  });

  it('takes a scheduled snapshot only when the library changed since the last snapshot', async () => {
    const library = await openTestLibrary();
    expect(await library.host.scheduledSnapshot()).toBe(false);
    const study = await call(library, 'study.create', { name: 'Changed' });
    expect(await library.host.scheduledSnapshot()).toBe(true);
    expect(await library.host.scheduledSnapshot()).toBe(false);
    // A snapshot of any kind counts: after "Take a snapshot now" nothing is left to schedule.
    await call(library, 'study.rename', { id: study.id, name: 'Changed again' });
    await call(library, 'snapshot.create', {});
    expect(await library.host.scheduledSnapshot()).toBe(false);
    expect(await reasons(library)).toEqual(['manual', 'scheduled']);
  });

  it('counts a change made by another connection to the same library', async () => {
    const library = await openTestLibrary();
    const other = new Database(library.file);
    other.prepare("INSERT INTO app_setting (key, value) VALUES ('touched', 'yes')").run();
    other.close();
    expect(await library.host.scheduledSnapshot()).toBe(true);
  });

  it('takes the first scheduled snapshot after reopening a library changed since its newest snapshot', async () => {
    const dataDir = tempDir();
    const first = await openTestLibrary({ dataDir });
    await call(first, 'snapshot.create', {});
    await call(first, 'study.create', { name: 'Written after the snapshot' });
    first.close();
    const second = await openTestLibrary({ dataDir });
    expect(await second.host.scheduledSnapshot()).toBe(true);
    second.close();
    const third = await openTestLibrary({ dataDir });
    expect(await third.host.scheduledSnapshot()).toBe(false);
  });

  it('snapshots the library before a study is deleted for good, and that snapshot still holds it', async () => {
    const library = await openTestLibrary();
    const study = await call(library, 'study.create', { name: 'About to go' });
    await call(library, 'study.delete', { id: study.id });
    expect(await reasons(library)).toEqual([]);
    await call(library, 'study.purge', { id: study.id });
    const [before] = await call(library, 'snapshot.list', {});
    expect(before).toMatchObject({ reason: 'purge', summary: { studies: 1, inTrash: 1, studyNames: [{ name: 'About to go', inTrash: true }] } });
  });

  it('snapshots the library before merging tags and before importing participants', async () => {
    const library = await openTestLibrary();
    const study = await call(library, 'study.create', { name: 'Codebook' });
    const source = await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Price' } });
    const target = await call(library, 'tag.create', { studyId: study.id, fields: { name: 'Pricing' } });
    createFinding(library.context.db, study.id, { text: 'Hidden fees', type: 'pain_point', stageId: null, tagIds: [source.id] });
    await call(library, 'tag.merge', { sourceId: source.id, targetId: target.id });
    expect(await reasons(library)).toEqual(['tag-merge']);

    const csv = Buffer.from('code,source\nP01,own\nP02,competitor\n').toString('base64');
    const preview = await call(library, 'participant.importPreview', { studyId: study.id, fileBase64: csv });
    expect(await reasons(library)).toEqual(['tag-merge']);
    await call(library, 'participant.importCommit', { studyId: study.id, fileBase64: csv, mapping: preview.mapping });
    const [imported] = await call(library, 'snapshot.list', {});
    expect(imported).toMatchObject({ reason: 'import', summary: { participants: 0 } });
  });

  it('refuses a destructive change when its safety snapshot cannot be written, and changes nothing', async () => {
    const library = await openTestLibrary();
    const study = await call(library, 'study.create', { name: 'Protected' });
    await call(library, 'study.delete', { id: study.id });
    // Something that is not a folder where the snapshots go: the snapshot cannot be written.
    fs.writeFileSync(path.join(path.dirname(library.file), 'snapshots'), 'in the way');
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await library.dispatch('study.purge', { id: study.id });
    quiet.mockRestore();
    expect(result).toMatchObject({ ok: false, error: { code: 'storage', reason: 'snapshots.snapshot_failed' } });
    expect((await call(library, 'study.list', { trash: true })).map((s) => s.id)).toEqual([study.id]);
  });

  it('snapshots a library before updating its schema, into the same folder as every other snapshot', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'fieldwork.sqlite');
    const v1 = await openDatabase(file, { migrations: migrations.slice(0, 1) });
    v1.db.prepare("INSERT INTO study (id, name, created_at, updated_at) VALUES ('s1', 'From schema 1', 'x', 'x')").run();
    v1.db.close();

    const library = await openTestLibrary({ dataDir });
    const [snapshot] = await call(library, 'snapshot.list', {});
    expect(snapshot).toMatchObject({ reason: 'migration', schemaVersion: 1, verified: true, summary: { studies: 1, studyNames: [{ name: 'From schema 1' }] } });
    expect(library.backupFile).toBe(path.join(dataDir, 'snapshots', `${snapshot!.id}.sqlite`));
    expect(fs.existsSync(path.join(dataDir, 'backups'))).toBe(false);
  });

  it('deletes a snapshot, and its files with it', async () => {
    const library = await openTestLibrary();
    const snapshot = await call(library, 'snapshot.create', {});
    expect(await call(library, 'snapshot.delete', { id: snapshot.id })).toEqual({ id: snapshot.id });
    expect(await call(library, 'snapshot.list', {})).toEqual([]);
    expect(fs.readdirSync(path.join(path.dirname(library.file), 'snapshots'))).toEqual([]);
    expect((await library.dispatch('snapshot.delete', { id: snapshot.id })).ok).toBe(false);
    expect((await library.dispatch('snapshot.delete', { id: '../fieldwork' })).ok).toBe(false);
  });

  it('cleans up a snapshot left half-written by a crash, and never lists it', async () => {
    const dataDir = tempDir();
    const dir = path.join(dataDir, 'snapshots');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, '20260101T000000000Z-scheduled-abcdef.sqlite.partial'), 'half');
    fs.writeFileSync(path.join(dir, '20260101T000000000Z-manual-abcdef.sqlite'), 'no sidecar');
    const library = await openTestLibrary({ dataDir });
    expect(await call(library, 'snapshot.list', {})).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
