// Each operation's policy is declared beside its schemas in the contract; what the host
// and the clients do (which queries go stale, what runs in the problem state, what
// snapshots first, what runs alone, what awaits) follows from it.
import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES, operations, policyOf, type OperationName } from '../../shared/api/contract.js';
import { ENTITY_KINDS } from '../../shared/api/policy.js';

const where = (test: (name: OperationName) => boolean) => OPERATION_NAMES.filter(test).sort();

describe('operation policies in the contract', () => {
  it('declares every operation a read, a write or a control, with known kinds of records', () => {
    for (const name of OPERATION_NAMES) {
      const policy = policyOf(name);
      expect(['read', 'write', 'control'], name).toContain(policy.kind);
      const kinds = policy.kind === 'read' ? policy.reads : policy.kind === 'write' ? policy.changes : [];
      for (const kind of kinds) expect(ENTITY_KINDS, name).toContain(kind);
      if (policy.kind === 'write') expect(policy.changes.length, `${name} changes something`).toBeGreaterThan(0);
    }
  });

  it('has every read of a study declare what it reads, so a change in that study can make it stale', () => {
    for (const name of OPERATION_NAMES) {
      const policy = policyOf(name);
      const shape = (operations[name].input as { shape?: Record<string, unknown> }).shape ?? {};
      if (policy.kind === 'read' && 'studyId' in shape) expect(policy.reads.length, name).toBeGreaterThan(0);
    }
  });

  it('answers only the problem screen\'s own operations when the library could not be opened', () => {
    expect(where((n) => policyOf(n).problem === true)).toEqual(
      ['app.info', 'library.exportReadable', 'library.openReadOnly', 'library.quit', 'library.status', 'snapshot.list', 'snapshot.restore'].sort(),
    );
  });

  it('runs a restore alone, and snapshots before a purge, a tag merge and a participant import', () => {
    expect(where((n) => { const p = policyOf(n); return p.kind === 'write' && p.exclusive === true; })).toEqual(['snapshot.restore']);
    const first = Object.fromEntries(OPERATION_NAMES.flatMap((n) => { const p = policyOf(n); return p.kind === 'write' && p.snapshotFirst ? [[n, p.snapshotFirst]] : []; }));
    expect(first).toEqual({ 'study.purge': 'purge', 'tag.merge': 'tag-merge', 'participant.importCommit': 'import' });
  });

  it('keeps every export and file-reading operation off the transaction path (it awaits)', () => {
    for (const name of OPERATION_NAMES) {
      const output = operations[name].output as { shape?: Record<string, unknown> };
      const makesAFile = output.shape !== undefined && 'fileName' in output.shape && 'base64' in output.shape;
      if (makesAFile) expect(policyOf(name).runs, name).toBe('async');
    }
  });
});
