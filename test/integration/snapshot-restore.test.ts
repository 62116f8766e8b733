// Restoring a snapshot into a library that is open and in use: the current state is
// snapshotted first, the content is replaced all at once through the online backup,
// every window hears of it, and the library keeps working on the same connection.
import fs from 'node:fs';
import path from 'node:path';
import type { Change } from '../../shared/api/changes.js';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.js';
import { LATEST_SCHEMA_VERSION, migrations } from '../../electron/core/db/migrations/index.js';
import { SnapshotStore } from '../../electron/core/snapshots/store.js';
import { call } from '../helpers/call.js';
import { openTestLibrary } from '../helpers/library.js';
import { overwritePages, sha256 } from '../helpers/library-files.js';
import { tempDir } from '../helpers/temp.js';

describe('restoring a snapshot', () => {
  it('brings back a study deleted for good, after snapshotting the state without it', async () => {
    const library = await openTestLibrary({ seedSample: true });
    const study = await call(library, 'study.create', { name: 'Dealer visits 2026' });
    await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P01' } });
    const taken = await call(library, 'snapshot.create', {});
    await call(library, 'study.delete', { id: study.id });
    await call(library, 'study.purge', { id: study.id });
    const heard: Array<[string, unknown]> = [];
    library.events.subscribe((name, payload) => heard.push([name, payload]));

    const outcome = await call(library, 'snapshot.restore', { id: taken.id });

    expect(outcome.restored.id).toBe(taken.id);
    expect(outcome.setAsideFile).toBeNull();
    expect(outcome.safetySnapshot).toMatchObject({ reason: 'restore', verified: true });
    expect(outcome.safetySnapshot!.summary!.studyNames.map((s) => s.name)).not.toContain('Dealer visits 2026');
    expect((await call(library, 'study.list', {})).map((s) => s.name)).toContain('Dealer visits 2026');
    expect((await call(library, 'participant.list', { studyId: study.id })).map((p) => p.code)).toEqual(['P01']);
    // The restore's change names every study, the restored one included, with every kind of record.
    const restored = heard
      .filter(([name, change]) => name === 'library.changed' && (change as Change).operation === 'snapshot.restore')
      .flatMap(([, change]) => (change as Change).studies);
    expect(restored.find((s) => s.studyId === study.id)?.kinds).toEqual(expect.arrayContaining(['study', 'finding', 'snapshot']));
    // The safety snapshot is listed, so the restore itself can be undone.
    expect((await call(library, 'snapshot.list', {})).map((s) => s.id)).toContain(outcome.safetySnapshot!.id);
  });

  it('keeps working on the restored content: writes, search and integrity', async () => {
    const library = await openTestLibrary({ seedSample: true });
    const taken = await call(library, 'snapshot.create', {});
    await call(library, 'study.create', { name: 'Written after the snapshot' });
    await call(library, 'snapshot.restore', { id: taken.id });

    const names = (await call(library, 'study.list', {})).map((s) => s.name);
    expect(names).not.toContain('Written after the snapshot');
    const created = await call(library, 'study.create', { name: '售后回访 after-sales' });
    // The search index's triggers still run on the restored tables.
    await call(library, 'tag.create', { studyId: created.id, fields: { name: '售后服务' } });
    const found = await call(library, 'search.query', { studyId: created.id, text: '售后' });
    expect(found.hits.map((h) => h.kind)).toEqual(['tag']);
    expect(library.context.db.pragma('quick_check', { simple: true })).toBe('ok');
    expect(library.context.db.pragma('journal_mode', { simple: true })).toBe('wal');
    library.close();
    // The restore is on disk, not only in this connection's view.
    const reopened = await openTestLibrary({ dataDir: path.dirname(library.file) });
    expect((await call(reopened, 'study.list', {})).map((s) => s.name).sort()).toEqual(['New-car buyer journey', '售后回访 after-sales'].sort());
  });

  it('restores a snapshot taken before a schema update and brings it to the current schema', async () => {
    const library = await openTestLibrary();
    // A snapshot of a schema-1 library, as the pre-migration snapshot of an old file would be.
    const oldDir = tempDir();
    const old = await openDatabase(path.join(oldDir, 'fieldwork.sqlite'), { migrations: migrations.slice(0, 1), beforeMigration: null });
    old.db.prepare("INSERT INTO study (id, name, created_at, updated_at) VALUES ('0190b5a2-7c1e-7000-8000-000000000001', 'From schema 1', 'x', 'x')").run();
    const store = new SnapshotStore({ dir: path.join(path.dirname(library.file), 'snapshots'), libraryFile: library.file, appVersion: 'old' });
    const snapshot = await store.take(old.db, 'migration');
    old.db.close();

    await call(library, 'snapshot.restore', { id: snapshot.id });
    expect(library.context.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect((await call(library, 'study.list', {})).map((s) => s.name)).toEqual(['From schema 1']);
  });

  it('refuses a snapshot damaged since it was taken and leaves the library untouched', async () => {
    const library = await openTestLibrary({ seedSample: true });
    const taken = await call(library, 'snapshot.create', {});
    const snapshotFile = path.join(path.dirname(library.file), 'snapshots', `${taken.id}.sqlite`);
    overwritePages(snapshotFile, [1]);
    library.context.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = sha256(library.file);

    const result = await library.dispatch('snapshot.restore', { id: taken.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'snapshots.snapshot_damaged' } });
    expect(sha256(library.file)).toBe(before);
    expect((await call(library, 'snapshot.list', {})).map((s) => s.reason)).toEqual(['manual']);
  });

  it('lets nothing else run while a restore replaces the library', async () => {
    const library = await openTestLibrary({ seedSample: true });
    const taken = await call(library, 'snapshot.create', {});
    const restoring = library.dispatch('snapshot.restore', { id: taken.id });
    const creating = library.dispatch('study.create', { name: 'Asked for during the restore' });
    const [restored, created] = await Promise.all([restoring, creating]);
    expect(restored.ok && created.ok).toBe(true);
    // The study created while the restore was under way was written after it, so it is there.
    expect((await call(library, 'study.list', {})).map((s) => s.name)).toContain('Asked for during the restore');
  });

  it('answers not found for a snapshot that does not exist', async () => {
    const library = await openTestLibrary();
    const result = await library.dispatch('snapshot.restore', { id: '20260101T000000000Z-manual-abcdef' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(fs.existsSync(path.join(path.dirname(library.file), 'snapshots'))).toBe(false);
  });
});
