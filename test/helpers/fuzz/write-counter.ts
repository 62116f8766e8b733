// Counts committed row writes on a library connection, to prove that a failing call
// wrote nothing. total_changes() cannot: it also counts rows a rolled-back transaction
// touched. Temporary triggers on every table bump a counter in a temporary table,
// which is part of the same transaction, so a rollback takes the count back with it.
import type Database from 'better-sqlite3';

export interface WriteCounter {
  /** Rows inserted, updated or deleted by committed transactions since install. */
  read(): number;
}

export function installWriteCounter(db: Database.Database): WriteCounter {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS fuzz_writes (n INTEGER NOT NULL); DELETE FROM temp.fuzz_writes; INSERT INTO temp.fuzz_writes VALUES (0);');
  const tables = db.prepare("SELECT name, sql FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string; sql: string }>;
  const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
  // The full-text index is written by triggers on the ordinary tables, so those cover it.
  const ordinary = tables.filter((t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)));
  for (const { name } of ordinary) {
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      const trigger = `"fuzz_${name}_${event}"`;
      db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS ${trigger} AFTER ${event} ON main."${name}" BEGIN UPDATE temp.fuzz_writes SET n = n + 1; END;`);
    }
  }
  const read = db.prepare('SELECT n FROM temp.fuzz_writes').pluck();
  return { read: () => read.get() as number };
}
