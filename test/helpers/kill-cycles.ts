// Kill cycles: a writer process (test/fixtures/kill-writer.ts) opens a library the
// app's way and writes through the contract; the parent kills it with SIGKILL at a
// random moment (mostly mid-transaction, sometimes while it is still opening), then
// reopens the library the app's way and checks it: integrity_check, the search index's
// own check, and every write the writer acknowledged before it died. The same approach
// as the note-saving crash test, many more times. Used by an integration test (a few
// cycles) and the benchmark (hundreds). No test runner here.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { openLibrary, type Library } from '../../electron/core/library.js';
import { findNote, noteUpdates } from '../../electron/core/db/repos/note-log.js';
import { HeadlessNote } from '../../electron/core/notes/headless-note.js';
import { notePlainText } from '../../shared/notes.js';

/** The text of a note's document rebuilt from its update log alone. */
function documentTextOf(log: Uint8Array[]): string {
  const note = new HeadlessNote();
  try {
    note.apply(log);
    return notePlainText(note.content());
  } finally {
    note.destroy();
  }
}

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const RESOURCES_DIR = path.join(REPO_ROOT, 'resources');

export interface KillCycleReport {
  /** Writer processes killed with SIGKILL. */
  cycles: number;
  /** Of those, killed while writing (after the library had opened). */
  killedWhileWriting: number;
  /** Writes the writer acknowledged, over all cycles. */
  acknowledged: number;
  /** Of those, words typed into notes by an editor (note.sync). */
  typedAcknowledged: number;
  /** Acknowledged writes missing after reopening. Must be 0. */
  lost: number;
  /** Reopens where the library failed quick_check (it opens read-only then), integrity_check or the search index's check. Must be 0. */
  integrityFailures: number;
}

/** A small seeded generator (mulberry32), so a run's kill moments can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The writer as one CommonJS file: it starts in a fraction of the time tsx takes, so hundreds of cycles stay quick. */
async function bundleWriter(dir: string): Promise<string> {
  const outfile = path.join(dir, 'kill-writer.cjs');
  await build({
    entryPoints: [path.join(REPO_ROOT, 'test', 'fixtures', 'kill-writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

interface Target {
  sessionId: string;
  questionId: string;
}

/** A study with a participant, a guide and a session to write into. */
async function prepare(dataDir: string): Promise<Target> {
  const library = await openLibrary({ dataDir, resourcesDir: RESOURCES_DIR, appVersion: 'kill-cycles', seedSample: false });
  try {
    const value = async <T>(name: Parameters<Library['dispatch']>[0], input: unknown): Promise<T> => {
      const result = await library.dispatch(name, input);
      if (!result.ok) throw new Error(`${String(name)}: ${result.error.message}`);
      return result.value as T;
    };
    const study = await value<{ id: string }>('study.create', { name: 'Kill cycles' });
    const guide = await value<{ version: { id: string }; sections: Array<{ questions: Array<{ id: string }> }> }>('guide.create', {
      studyId: study.id,
      source: { kind: 'template', language: 'en' },
    });
    const participant = await value<{ id: string }>('participant.create', { studyId: study.id, fields: { code: 'P01' } });
    const session = await value<{ id: string }>('session.create', { studyId: study.id, participantId: participant.id, guideVersionId: guide.version.id, interviewer: '' });
    return { sessionId: session.id, questionId: guide.sections[0]!.questions[0]!.id };
  } finally {
    library.close();
  }
}

interface CycleOutcome {
  findings: string[];
  /** Words typed into the other notes (note.sync) and acknowledged. */
  typed: string[];
  /** The last note write acknowledged in this cycle, if any. */
  lastNote: number | null;
  opened: boolean;
}

/** Runs the writer once and kills it `delayMs` after it opened the library (or after spawning, when `early`). */
function runOnce(writer: string, args: string[], delayMs: number, early: boolean): Promise<CycleOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_PATH: path.join(REPO_ROOT, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const outcome: CycleOutcome = { findings: [], typed: [], lastNote: null, opened: false };
    let errors = '';
    const kill = () => setTimeout(() => child.kill('SIGKILL'), delayMs);
    if (early) kill();
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const [tag, kind, n, id] = line.split(' ');
      if (tag === 'READY') {
        outcome.opened = true;
        if (!early) kill();
      } else if (tag === 'ACK' && kind === 'F' && id) outcome.findings.push(id);
      else if (tag === 'ACK' && kind === 'N') outcome.lastNote = Number(n);
      else if (tag === 'ACK' && kind === 'T' && n) outcome.typed.push(n);
    });
    // 'close' waits for stdout to drain: every ACK the child wrote before dying is read.
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve(outcome);
      else reject(new Error(`the writer stopped on its own (${String(code)}): ${errors}`));
    });
  });
}

/** Problems found on reopening: integrity and the acknowledged writes. */
async function reopenAndCheck(dataDir: string, target: Target, acked: ReadonlySet<string>, typed: ReadonlySet<string>, lastNote: { cycle: number; write: number } | null) {
  const library = await openLibrary({ dataDir, resourcesDir: RESOURCES_DIR, appVersion: 'kill-cycles', seedSample: false });
  try {
    const db = library.context.db;
    let integrity = library.context.readOnly ? 1 : 0; // the open path found quick_check failing
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') integrity++;
    try {
      db.prepare("INSERT INTO search_text (search_text, rank) VALUES ('integrity-check', 1)").run();
    } catch {
      integrity++;
    }
    const stored = new Set(db.prepare('SELECT id FROM finding WHERE session_id = ?').pluck().all(target.sessionId) as string[]);
    let lost = [...acked].filter((id) => !stored.has(id)).length;
    if (lastNote) {
      const text = db.prepare('SELECT plain_text FROM note WHERE session_id = ? AND question_id = ?').pluck().get(target.sessionId, target.questionId) as string | undefined;
      const marker = /cycle (\d+) write (\d+)$/.exec(text ?? '');
      const cycle = Number(marker?.[1] ?? -1);
      const write = Number(marker?.[2] ?? -1);
      // A write may have committed after its ACK was lost with the process: later is fine, earlier is a loss.
      if (cycle < lastNote.cycle || (cycle === lastNote.cycle && write < lastNote.write)) lost++;
    }
    // Typed words: in the stored note and in the note's document as its next editor gets it.
    const other = findNote(db, target.sessionId, null);
    const storedText = other ? (db.prepare('SELECT plain_text FROM note WHERE id = ?').pluck().get(other.id) as string) : '';
    const documentText = other ? documentTextOf(noteUpdates(db, other.id)) : '';
    const inBoth = (marker: string) => storedText.split(/\s+/).includes(marker) && documentText.split(/\s+/).includes(marker);
    lost += [...typed].filter((marker) => !inBoth(marker)).length;
    return { integrity, lost };
  } finally {
    library.close();
  }
}

export async function runKillCycles(options: { cycles: number; seed: number; maxDelayMs?: number }): Promise<KillCycleReport> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldwork-kill-'));
  const next = random(options.seed);
  const maxDelayMs = options.maxDelayMs ?? 120;
  const report: KillCycleReport = { cycles: 0, killedWhileWriting: 0, acknowledged: 0, typedAcknowledged: 0, lost: 0, integrityFailures: 0 };
  try {
    const writer = await bundleWriter(root);
    const dataDir = path.join(root, 'library');
    const target = await prepare(dataDir);
    const acked = new Set<string>();
    const typed = new Set<string>();
    let lastNote: { cycle: number; write: number } | null = null;
    for (let cycle = 1; cycle <= options.cycles; cycle++) {
      // One kill in ten lands from the start, often while the library is still opening.
      const early = next() < 0.1;
      const delay = Math.floor(next() * (early ? 250 : maxDelayMs));
      const args = [dataDir, RESOURCES_DIR, target.sessionId, target.questionId, String(cycle)];
      const outcome = await runOnce(writer, args, delay, early);
      report.cycles++;
      if (outcome.opened) report.killedWhileWriting++;
      for (const id of outcome.findings) acked.add(id);
      for (const marker of outcome.typed) typed.add(marker);
      report.typedAcknowledged += outcome.typed.length;
      if (outcome.lastNote !== null) lastNote = { cycle, write: outcome.lastNote };
      report.acknowledged += outcome.findings.length + outcome.typed.length + (outcome.lastNote === null ? 0 : 1);
      const found = await reopenAndCheck(dataDir, target, acked, typed, lastNote);
      report.integrityFailures += found.integrity;
      report.lost += found.lost;
    }
    return report;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
