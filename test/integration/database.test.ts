// The SQLite core on real files: pragmas, migrations, refusal of newer schemas,
// backups before migrating, and the read-only path for damaged files.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.js';
import { LibraryOpenError } from '../../electron/core/db/errors.js';
import { LATEST_SCHEMA_VERSION, migrations } from '../../electron/core/db/migrations/index.js';
import { openTestLibrary, totalChanges } from '../helpers/library.js';
import { tempDir } from '../helpers/temp.js';

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('opening a library', () => {
  it('creates the latest schema with durable pragmas in an empty folder', async () => {
    const file = path.join(tempDir(), 'lib', 'fieldwork.sqlite');
    const { db, readOnly, backupFile } = await openDatabase(file);
    expect(readOnly).toBe(false);
    expect(backupFile).toBeNull();
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map(
      (t) => t.name,
    );
    for (const table of [
      'study', 'journey_stage', 'touchpoint', 'influencer', 'participant', 'tag', 'guide', 'guide_version',
      'guide_section', 'guide_question', 'session', 'note', 'finding', 'finding_tag', 'affinity_group', 'theme',
      'causal_link', 'persona', 'persona_item', 'journey_map', 'journey_item', 'journey_emotion',
    ]) {
      expect(tables).toContain(table);
    }
    db.close();
  });

  it('refuses a library written by a newer version and leaves the file untouched', async () => {
    const file = path.join(tempDir(), 'fieldwork.sqlite');
    const first = await openDatabase(file);
    first.db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    first.db.pragma('wal_checkpoint(TRUNCATE)');
    first.db.close();
    const before = sha(file);
    const attempt = openDatabase(file);
    await expect(attempt).rejects.toBeInstanceOf(LibraryOpenError);
    await expect(openDatabase(file)).rejects.toThrow(/newer version of Fieldwork/);
    expect(sha(file)).toBe(before);
  });

  it('backs up an existing library before migrating it, and the backup holds the old data', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'fieldwork.sqlite');
    const v1 = await openDatabase(file, { migrations: migrations.slice(0, 1) });
    v1.db
      .prepare("INSERT INTO study (id, name, created_at, updated_at) VALUES ('s1', 'Before the update', 'x', 'x')")
      .run();
    v1.db.close();

    const probe = { version: 2, sql: 'ALTER TABLE study ADD COLUMN probe TEXT' };
    const v2 = await openDatabase(file, { migrations: [...migrations.slice(0, 1), probe] });
    expect(v2.db.pragma('user_version', { simple: true })).toBe(2);
    expect(v2.backupFile).not.toBeNull();
    v2.db.close();

    const backup = new Database(v2.backupFile!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT name FROM study').get()).toEqual({ name: 'Before the update' });
    backup.close();
  });

  it('rolls back a failing migration and keeps the library at the previous version with its data', async () => {
    const file = path.join(tempDir(), 'fieldwork.sqlite');
    const v1 = await openDatabase(file, { migrations: migrations.slice(0, 1) });
    v1.db.prepare("INSERT INTO study (id, name, created_at, updated_at) VALUES ('s1', 'Kept', 'x', 'x')").run();
    v1.db.close();

    const broken = { version: 2, sql: 'ALTER TABLE study ADD COLUMN fine TEXT; THIS IS NOT SQL;' };
    await expect(openDatabase(file, { migrations: [...migrations.slice(0, 1), broken] })).rejects.toThrow(
      /left at schema 1/,
    );
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare('SELECT name FROM study').get()).toEqual({ name: 'Kept' });
    const columns = (db.prepare('PRAGMA table_info(study)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).not.toContain('fine');
    db.close();
  });

  it('refuses a file that is not a database, with a clear message, and leaves it untouched', async () => {
    const file = path.join(tempDir(), 'fieldwork.sqlite');
    fs.writeFileSync(file, 'this is a shopping list, not a database\n'.repeat(200));
    const before = sha(file);
    await expect(openDatabase(file)).rejects.toThrow(/not a Fieldwork database/);
    expect(sha(file)).toBe(before);
  });

  it('opens a library that fails its integrity check read-only and writes nothing to it', async () => {
    const dataDir = tempDir();
    const library = await openTestLibrary({ dataDir, seedSample: true });
    const file = library.file;
    library.close();

    // Damage an index page in the middle of the file: the header stays valid, so the
    // file opens, but quick_check finds the damage.
    const db = new Database(file, { readonly: true });
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const rootpage = (
      db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'journey_item_map'").get() as { rootpage: number }
    ).rootpage;
    db.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (rootpage - 1) * pageSize);
    fs.closeSync(fd);
    const before = sha(file);

    const damaged = await openTestLibrary({ dataDir, seedSample: true });
    expect(damaged.context.readOnly).toBe(true);
    const info = await damaged.dispatch('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { readOnly: true } });
    expect(JSON.stringify(info)).toMatch(/integrity check/);

    const listed = await damaged.dispatch('study.list', {});
    expect(listed.ok).toBe(true);
    const write = await damaged.dispatch('study.create', { name: 'Should not be written' });
    expect(write).toMatchObject({ ok: false, error: { code: 'read_only' } });
    expect(totalChanges(damaged)).toBe(0);
    damaged.close();
    expect(sha(file)).toBe(before);
  });
});
