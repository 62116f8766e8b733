// Damaged and foreign library files: each opens in a problem state the user can act on
// (restore a snapshot, read it read-only, export what can be read, quit), never a
// crash, and the file itself is never written to.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations/index.js';
import { openLibrary } from '../../electron/core/library.js';
import { call } from '../helpers/call.js';
import { openTestLibrary, RESOURCES_DIR, totalChanges } from '../helpers/library.js';
import { closedLibrary, overwritePages, rootPage, sha256 } from '../helpers/library-files.js';
import { post, startTestServer } from '../helpers/server.js';
import { tempDir } from '../helpers/temp.js';

function exported(result: { fileName: string; base64: string }) {
  return JSON.parse(Buffer.from(result.base64, 'base64').toString('utf8')) as {
    format: string;
    tables: Record<string, { rows: Array<Record<string, unknown>>; complete: boolean }>;
  };
}

/** A library whose index page is garbage: the header is fine, quick_check is not. */
async function damagedLibrary() {
  const made = await closedLibrary('Dealer visits');
  overwritePages(made.file, [rootPage(made.file, 'journey_item_map')]);
  return { ...made, damagedSha: sha256(made.file) };
}

async function notADatabase() {
  const dataDir = tempDir();
  const file = path.join(dataDir, 'fieldwork.sqlite');
  fs.writeFileSync(file, 'Shopping list: milk, eggs, a new car\n'.repeat(300));
  return { dataDir, file, before: sha256(file) };
}

describe('a damaged library', () => {
  it('opens read-only with the problem named, offers the ways out, and writes nothing to it', async () => {
    const { dataDir, file, damagedSha } = await damagedLibrary();
    const library = await openTestLibrary({ dataDir, seedSample: true });
    const status = await call(library, 'library.status', {});
    expect(status).toMatchObject({
      state: 'read_only',
      problem: { kind: 'damaged' },
      acknowledged: false,
      can: { restore: true, openReadOnly: true, exportReadable: true, snapshot: false },
    });
    expect(status.problem!.message).toMatch(/integrity check/);

    expect(await call(library, 'library.openReadOnly', {})).toMatchObject({ state: 'read_only', acknowledged: true });
    expect((await call(library, 'study.list', {})).map((s) => s.name)).toContain('Dealer visits');
    expect(await library.dispatch('study.create', { name: 'Not written' })).toMatchObject({ ok: false, error: { code: 'read_only' } });
    expect(await library.dispatch('snapshot.create', {})).toMatchObject({ ok: false, error: { code: 'read_only' } });
    expect(totalChanges(library)).toBe(0);
    library.close();
    expect(sha256(file)).toBe(damagedSha);
  });

  it('exports every table that can still be read', async () => {
    const { dataDir } = await damagedLibrary();
    const library = await openTestLibrary({ dataDir });
    const file = await call(library, 'library.exportReadable', {});
    expect(file).toMatchObject({ mimeType: 'application/json' });
    expect(file.fileName).toMatch(/^fieldwork-readable-\d{4}-\d{2}-\d{2}\.json$/);
    const dump = exported(file);
    expect(dump.format).toBe('fieldwork-readable-export');
    expect(dump.tables.study!.rows.map((r) => r.name)).toEqual(expect.arrayContaining(['Dealer visits', 'New-car buyer journey']));
    expect(dump.tables.participant!.rows).toHaveLength(8);
    // The full-text index is no table of rows: neither it nor its shadow tables are dumped.
    expect(Object.keys(dump.tables).filter((t) => t.startsWith('search_text'))).toEqual([]);
  });

  it('restores a snapshot by moving the damaged file aside, never writing to it', async () => {
    const dataDir = tempDir();
    const first = await openTestLibrary({ dataDir, seedSample: true });
    const taken = await call(first, 'snapshot.create', {});
    await call(first, 'study.create', { name: 'After the snapshot' });
    const file = first.file;
    first.close();
    overwritePages(file, [rootPage(file, 'journey_item_map')]);
    const damagedSha = sha256(file);

    const library = await openTestLibrary({ dataDir });
    expect((await call(library, 'snapshot.list', {})).map((s) => s.id)).toEqual([taken.id]);
    const outcome = await call(library, 'snapshot.restore', { id: taken.id });
    expect(outcome.safetySnapshot).toBeNull();
    expect(outcome.setAsideFile).toMatch(/fieldwork-set-aside-\d{8}T\d{6}Z\.sqlite$/);
    expect(sha256(outcome.setAsideFile!)).toBe(damagedSha);

    expect(await call(library, 'library.status', {})).toMatchObject({ state: 'ok', problem: null, setAsideFile: outcome.setAsideFile });
    expect((await call(library, 'study.list', {})).map((s) => s.name)).toEqual(['New-car buyer journey']);
    await call(library, 'study.create', { name: 'Written after the restore' });
    expect(library.context.db.pragma('quick_check', { simple: true })).toBe('ok');
  });
});

describe('a library that cannot be read at all', () => {
  it('answers only the problem operations, and leaves a file that is not a database as it was', async () => {
    const { dataDir, file, before } = await notADatabase();
    const library = await openTestLibrary({ dataDir, seedSample: true });
    expect(await call(library, 'library.status', {})).toMatchObject({
      state: 'unavailable',
      problem: { kind: 'not_a_database' },
      can: { restore: true, openReadOnly: false, exportReadable: false, snapshot: false },
    });
    expect(await library.dispatch('study.list', {})).toMatchObject({ ok: false, error: { code: 'storage', reason: 'snapshots.library_unavailable' } });
    expect(await library.dispatch('study.create', { name: 'x' })).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(await library.dispatch('library.openReadOnly', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await library.dispatch('library.exportReadable', {})).toMatchObject({ ok: false, error: { reason: 'snapshots.nothing_readable' } });
    expect(await call(library, 'snapshot.list', {})).toEqual([]);
    expect(await call(library, 'app.info', {})).toMatchObject({ readOnly: true });
    library.close();
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(dataDir)).toEqual(['fieldwork.sqlite']);
  });

  it('calls a library file cut short damaged, not another kind of file, and writes nothing to it', async () => {
    const { dataDir, file } = await closedLibrary('Dealer visits');
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2)); // a copy that stopped half-way
    const truncated = sha256(file);
    const library = await openTestLibrary({ dataDir, seedSample: true });
    const status = await call(library, 'library.status', {});
    expect(status).toMatchObject({ problem: { kind: 'damaged' }, can: { restore: true, snapshot: false } });
    expect(status.problem!.message).toMatch(/cut short/);
    expect(await library.dispatch('study.create', { name: 'Not written' })).toMatchObject({ ok: false });
    library.close();
    expect(sha256(file)).toBe(truncated);
  });

  it('calls a library file cut short inside its header damaged too', async () => {
    const { dataDir, file } = await closedLibrary();
    fs.truncateSync(file, 60);
    const library = await openTestLibrary({ dataDir });
    expect(await call(library, 'library.status', {})).toMatchObject({ problem: { kind: 'damaged' } });
    library.close();
    expect(fs.statSync(file).size).toBe(60);
  });

  it('treats garbage over the first pages of a library as unreadable, and restores a snapshot beside it', async () => {
    const dataDir = tempDir();
    const first = await openTestLibrary({ dataDir, seedSample: true });
    const taken = await call(first, 'snapshot.create', {});
    const file = first.file;
    first.close();
    overwritePages(file, [1, 2, 3]);
    const garbled = sha256(file);

    const library = await openTestLibrary({ dataDir });
    expect(await call(library, 'library.status', {})).toMatchObject({ state: 'unavailable', problem: { kind: 'not_a_database' } });
    const outcome = await call(library, 'snapshot.restore', { id: taken.id });
    expect(sha256(outcome.setAsideFile!)).toBe(garbled);
    expect((await call(library, 'study.list', {})).map((s) => s.name)).toEqual(['New-car buyer journey']);
  });

  it('refuses another program’s SQLite database, leaves it untouched, and still exports its tables', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'fieldwork.sqlite');
    const foreign = new Database(file);
    foreign.exec("CREATE TABLE contacts (name TEXT, phone TEXT); INSERT INTO contacts VALUES ('Ann', '123');");
    foreign.close();
    const before = sha256(file);

    const library = await openTestLibrary({ dataDir, seedSample: true });
    expect(await call(library, 'library.status', {})).toMatchObject({ state: 'unavailable', problem: { kind: 'foreign_database' }, can: { exportReadable: true } });
    expect(exported(await call(library, 'library.exportReadable', {})).tables.contacts!.rows).toEqual([{ name: 'Ann', phone: '123' }]);
    library.close();
    expect(sha256(file)).toBe(before);
  });
});

describe('a library written by a newer Fieldwork', () => {
  it('is opened read-only, never migrated, snapshotted or written', async () => {
    const { dataDir, file } = await closedLibrary();
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const before = sha256(file);

    const library = await openTestLibrary({ dataDir });
    const status = await call(library, 'library.status', {});
    expect(status).toMatchObject({ state: 'read_only', problem: { kind: 'newer_schema' }, can: { openReadOnly: true, snapshot: false } });
    expect(status.problem!.message).toMatch(/newer version of Fieldwork/);
    expect(await library.dispatch('study.create', { name: 'x' })).toMatchObject({ ok: false, error: { code: 'read_only' } });
    library.close();
    expect(sha256(file)).toBe(before);
    expect(fs.existsSync(path.join(dataDir, 'snapshots'))).toBe(false);
  });
});

describe('the ways out in the app', () => {
  it('starts browser mode for a library that cannot be opened and serves only the problem operations', async () => {
    const { dataDir } = await notADatabase();
    const library = await openTestLibrary({ dataDir });
    const { server } = await startTestServer({ library });
    expect((await fetch(server.url)).status).toBe(200);
    const status = await post(server, 'library.status', {});
    expect(status).toMatchObject({ status: 200, body: { ok: true, value: { state: 'unavailable' } } });
    expect(await post(server, 'study.list', {})).toMatchObject({ status: 507, body: { ok: false, error: { code: 'storage' } } });
  });

  it('quits when asked, where the host can stop itself', async () => {
    let quit!: () => void;
    const quitting = new Promise<void>((resolve) => (quit = resolve));
    const library = await openLibrary({ dataDir: tempDir(), resourcesDir: RESOURCES_DIR, appVersion: 'test', seedSample: false, onQuit: quit });
    expect(await call(library, 'library.quit', {})).toEqual({ stopping: true });
    await quitting;
    library.close();
    const withoutHost = await openTestLibrary();
    expect(await call(withoutHost, 'library.quit', {})).toEqual({ stopping: false });
  });
});
