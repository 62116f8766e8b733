// Sends hostile input to every operation of the contract through a transport (the
// IPC path or browser mode) and checks what must hold for every answer:
//   - the call answers (the process and server keep running) with a well-formed
//     result: a value matching the operation's output schema, or a typed error;
//   - an error is never `internal` and names no stack frame, SQL or file path;
//   - a failed call committed no row (see write-counter.ts);
//   - no built-in prototype gained or changed a property.
// Used by the integration tests (few cases, fixed seed) and the benchmark (10,000+).
import os from 'node:os';
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { isOperationName, OPERATION_NAMES, operations, type OperationName } from '../../../shared/api/contract.js';
import { ApiError } from '../../../shared/api/result.js';
import type { Library } from '../../../electron/core/library.js';
import { ensureLiveStudy, idPool } from './id-pool.js';
import { hostileInput } from './schema-arbitrary.js';
import type { Answer, Transport } from './transports.js';
import { installWriteCounter, type WriteCounter } from './write-counter.js';

const BUILT_INS = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype, Promise.prototype];

/** Every own property of the built-in prototypes, with its value or accessors. */
function prototypeSnapshot(): Map<string, unknown> {
  const snapshot = new Map<string, unknown>();
  BUILT_INS.forEach((proto, index) => {
    for (const key of Reflect.ownKeys(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, key)!;
      snapshot.set(`${index}.${String(key)}`, descriptor.get ?? descriptor.set ?? descriptor.value);
    }
  });
  return snapshot;
}

function pollutionOf(baseline: Map<string, unknown>): string | null {
  const now = prototypeSnapshot();
  for (const [key, value] of now) if (!baseline.has(key) || baseline.get(key) !== value) return `prototype changed: ${key}`;
  for (const key of baseline.keys()) if (!now.has(key)) return `prototype lost: ${key}`;
  return null;
}

/** Stack frames, SQL and file paths: none may reach a caller. */
function leakPatterns(): RegExp[] {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [
    /\n\s*at\s|\bat\s+\S+\s+\(|\.(?:ts|js|mjs|cjs):\d+/,
    /SQLITE_|sqlite3?\b|no such (?:table|column)|constraint failed|syntax error|\bSELECT\b[^.]*\bFROM\b|\bINSERT INTO\b|\bDELETE FROM\b/i,
    new RegExp(`${escape(os.tmpdir())}|node_modules|${escape(process.cwd())}|/home/|/Users/|[A-Z]:\\\\`),
  ];
}

export interface FuzzFailure {
  operation: string;
  transport: Transport['kind'];
  problem: string;
  input: string;
}

const preview = (input: unknown) => {
  try {
    return (JSON.stringify(input, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(input)).slice(0, 300);
  } catch {
    return `(a ${typeof input} too deep to print)`;
  }
};

/** Checks the invariants of one call; returns what went wrong, or null. */
export class ContractChecker {
  private db: Database.Database | null = null;
  private counter: WriteCounter | null = null;
  private readonly baseline = prototypeSnapshot();
  private readonly leaks = leakPatterns();
  /** How the calls ended: `ok` or the error code; shows how many inputs reached the handlers. */
  readonly outcomes: Record<string, number> = {};

  constructor(
    private readonly library: Library,
    readonly transport: Transport,
  ) {}

  /** The write counter of the library's current connection (restoring a snapshot opens a new one). */
  private get writes(): WriteCounter {
    if (this.library.context.db !== this.db || !this.counter) {
      this.db = this.library.context.db;
      this.counter = installWriteCounter(this.db);
    }
    return this.counter;
  }

  async check(name: string, input: unknown): Promise<string | null> {
    const writes = this.writes;
    const before = writes.read();
    let answer: Answer;
    try {
      answer = await this.transport.call(name, input);
    } catch (error) {
      return `the call did not answer: ${error instanceof Error ? error.message : String(error)}`;
    }
    const problem = this.problemWith(name, answer) ?? pollutionOf(this.baseline);
    if (problem) return problem;
    const result = answer.body as { ok: boolean; error?: { code: string } };
    const outcome = result.ok ? 'ok' : (result.error?.code ?? '?');
    this.outcomes[outcome] = (this.outcomes[outcome] ?? 0) + 1;
    const failed = !result.ok;
    // A call that swapped the connection (a snapshot restored) replaced everything; there is nothing to compare.
    const sameConnection = this.library.context.db === this.db;
    if (failed && sameConnection && writes.read() !== before) return `a failed call committed ${writes.read() - before} row writes`;
    return null;
  }

  private problemWith(name: string, { body, status }: Answer): string | null {
    if (body === null || typeof body !== 'object' || typeof (body as { ok?: unknown }).ok !== 'boolean') return `not a result envelope: ${preview(body)}`;
    const result = body as { ok: boolean; value?: unknown; error?: unknown };
    if (result.ok) {
      if (status !== undefined && status !== 200) return `success with HTTP ${status}`;
      if (!isOperationName(name)) return 'an unknown operation succeeded';
      const output = operations[name].output.safeParse(result.value);
      return output.success ? null : `value does not match the output schema: ${output.error.issues[0]?.message ?? ''} at ${output.error.issues[0]?.path.join('.') ?? ''}`;
    }
    const error = ApiError.safeParse(result.error);
    if (!error.success) return `untyped error: ${preview(result.error)}`;
    if (status !== undefined && status < 400) return `error with HTTP ${status}`;
    if (error.data.code === 'internal') return `internal error: ${error.data.message}`;
    // The issues of invalid_input describe the caller's own input (and echo its keys); only
    // the message is the app's. Quoted text in a message is a name the caller gave.
    const text = error.data.message.replace(/"[^"]*"/g, '""');
    return this.leaks.some((pattern) => pattern.test(text)) ? `error text leaks internals: ${text.slice(0, 300)}` : null;
  }
}

/** Operation names a caller might try that are not operations. */
export const hostileOperationName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', '.', 'study', 'study.', '../app.info'),
  fc.constantFrom(...OPERATION_NAMES).chain((name) => fc.constantFrom(`${name} `, name.toUpperCase(), `${name}\u0000`, `${name}.x`, `x.${name}`)),
  fc.string({ maxLength: 30 }),
);

export interface FuzzReport {
  /** Inputs sent, shrinking included. */
  cases: number;
  operations: number;
  outcomes: Record<string, number>;
  failures: FuzzFailure[];
}

/**
 * A property per operation (and one for names outside the contract): `runsPerOperation`
 * hostile inputs each, checked by fast-check with a fixed seed. A broken invariant is
 * shrunk to a small counterexample and recorded, and the run goes on with the next
 * operation, so the report is complete.
 */
export async function fuzzContract(options: { library: Library; transport: Transport; runsPerOperation: number; seed: number }): Promise<FuzzReport> {
  const checker = new ContractChecker(options.library, options.transport);
  const failures: FuzzFailure[] = [];
  let cases = 0;
  const run = async (operation: string, name: fc.Arbitrary<string>, input: fc.Arbitrary<unknown>, seed: number) => {
    const property = fc.asyncProperty(name, input, async (n, i) => {
      cases++;
      const problem = await checker.check(n, i);
      if (problem) throw new Error(problem);
    });
    const details = await fc.check(property, { numRuns: options.runsPerOperation, seed });
    if (details.failed) {
      const [n, i] = details.counterexample ?? [operation, undefined];
      const problem = details.errorInstance instanceof Error ? details.errorInstance.message : 'failed';
      failures.push({ operation: n, transport: options.transport.kind, problem, input: preview(i) });
    }
  };
  for (const [index, name] of OPERATION_NAMES.entries()) {
    // Earlier operations may have deleted the study: each operation meets a full one.
    ensureLiveStudy(options.library);
    const ids = idPool(options.library)(name);
    await run(name, fc.constant(name), hostileInput(operations[name as OperationName].input, ids), options.seed + index);
  }
  await run('(not an operation)', hostileOperationName, fc.constant({}), options.seed);
  const alive = await checker.check('app.info', {});
  if (alive) failures.push({ operation: 'app.info', transport: options.transport.kind, problem: `no longer answering: ${alive}`, input: '{}' });
  return { cases, operations: OPERATION_NAMES.length, outcomes: checker.outcomes, failures };
}
