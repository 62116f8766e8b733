// Never lose a word: the note-saving core runs in a child process that is killed
// with SIGKILL mid-stream, again and again. Every save the core acknowledged must be
// in the database afterwards, and the database must pass integrity_check.
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openTestLibrary, REPO_ROOT } from '../helpers/library.js';
import { call } from '../helpers/call.js';
import { tempDir } from '../helpers/temp.js';

const WRITER = path.join(REPO_ROOT, 'test', 'fixtures', 'note-writer.ts');
const RUNS = 12;

/** Runs the writer until it has acknowledged `atLeast` saves, then kills it; returns the last ACK seen. */
function writeThenKill(args: string[], atLeast: number): Promise<number> {
  return new Promise((resolve, reject) => {
    // tsx as a loader inside this one process, so SIGKILL hits the process that writes.
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let lastAck = 0;
    let buffered = '';
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^ACK (\d+)$/.exec(line);
        if (match) lastAck = Number(match[1]);
      }
      if (lastAck >= atLeast && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(lastAck);
      else reject(new Error(`writer exited on its own (${String(_code)}): ${errors}`));
    });
  });
}

describe('crash safety of note saving', () => {
  it('keeps every acknowledged write through repeated SIGKILLs, and the database stays sound', async () => {
    const dataDir = tempDir();
    const library = await openTestLibrary({ dataDir });
    const study = await call(library, 'study.create', { name: 'Crash' });
    const guide = await call(library, 'guide.create', { studyId: study.id, source: { kind: 'template', language: 'en' } });
    const participant = await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P01' } });
    const session = await call(library, 'session.create', { studyId: study.id, participantId: participant.id, guideVersionId: guide.version.id, interviewer: '' });
    const questionId = guide.sections[0]!.questions[0]!.id;
    library.close();

    for (let run = 1; run <= RUNS; run++) {
      // Kill at a different point each run, from just after startup to well into the stream.
      const acked = await writeThenKill([dataDir, session.id, questionId, String(run)], 1 + ((run * 37) % 120));
      const db = new Database(path.join(dataDir, 'fieldwork.sqlite'));
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const row = db.prepare('SELECT plain_text FROM note WHERE session_id = ? AND question_id = ?').get(session.id, questionId) as
          | { plain_text: string }
          | undefined;
        const marker = /run (\d+) write (\d+)$/.exec(row?.plain_text ?? '');
        expect(marker, `run ${run}`).not.toBeNull();
        expect(Number(marker![1])).toBe(run);
        // The last committed write is the last acknowledged one, or one that committed before its ACK was read.
        expect(Number(marker![2])).toBeGreaterThanOrEqual(acked);
      } finally {
        db.close();
      }
    }
  }, 300_000);
});
