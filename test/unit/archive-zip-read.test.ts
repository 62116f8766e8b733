// The zip reader's own rules, with small limits so each cap can be reached cheaply:
// entry names that could leave a folder, the total inflated size, the ratio, and the
// size an entry declares.
import { describe, expect, it } from 'vitest';
import { readZip, unsafeEntryName, type ZipLimits } from '../../electron/core/archive/zip-read.js';
import { ArchiveProblem } from '../../shared/archive/problems.js';
import { buildZip } from '../helpers/zip.js';

const LIMITS: ZipLimits = { entries: 10, entryBytes: 1000, totalBytes: 1500, ratio: 20, ratioFloorBytes: 100, entryNameLength: 50 };
const bytes = (n: number, fill = 0x61) => new Uint8Array(n).fill(fill);
/** Bytes that do not compress, so no ratio cap is reached by accident. */
const random = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7919) % 251);
const acceptAll = () => undefined;

function problem(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ArchiveProblem) return error.code;
    throw error;
  }
  return 'none';
}

describe('reading untrusted zip files', () => {
  it('accepts plain relative names and refuses every way out of a folder', () => {
    for (const name of ['manifest.json', 'images/0190.png', 'a/b/c.json', '数据.json']) expect({ name, why: unsafeEntryName(name) }).toEqual({ name, why: null });
    for (const name of ['', '../x', 'a/../../x', '..', './x', '/abs', '\\\\server\\share', 'a\\b', 'C:x', 'c:/x', 'a//b', 'a/', 'x\u0000.json', 'x\n.json', 'a'.repeat(201)]) {
      expect({ name, unsafe: unsafeEntryName(name) !== null }).toEqual({ name, unsafe: true });
    }
  });

  it('reads what it accepts, byte for byte', () => {
    const zip = buildZip([
      { name: 'a.json', data: random(300) },
      { name: 'b.png', data: bytes(50, 7), method: 0 },
    ]);
    const files = readZip(zip, LIMITS, acceptAll);
    expect([...files.keys()]).toEqual(['a.json', 'b.png']);
    expect(files.get('a.json')).toEqual(Buffer.from(random(300)));
    expect(files.get('b.png')).toEqual(Buffer.from(bytes(50, 7)));
  });

  it('caps the total inflated size, one entry, the ratio and the entry count from the directory alone', () => {
    expect(problem(() => readZip(buildZip([{ name: 'a', data: random(900) }, { name: 'b', data: random(900) }]), LIMITS, acceptAll))).toBe('zip_bomb');
    expect(problem(() => readZip(buildZip([{ name: 'a', data: random(1001) }]), LIMITS, acceptAll))).toBe('entry_too_large');
    expect(problem(() => readZip(buildZip([{ name: 'a', data: bytes(900) }]), LIMITS, acceptAll))).toBe('zip_bomb');
    const eleven = Array.from({ length: 11 }, (_, i) => ({ name: `f${i}`, data: bytes(1) }));
    expect(problem(() => readZip(buildZip(eleven), LIMITS, acceptAll))).toBe('too_many_entries');
  });

  it('stops inflating an entry at the size it declares', () => {
    expect(problem(() => readZip(buildZip([{ name: 'a', data: bytes(900), declaredSize: 10 }]), LIMITS, acceptAll))).toBe('zip_bomb');
    expect(problem(() => readZip(buildZip([{ name: 'a', data: bytes(50), declaredSize: 60 }]), LIMITS, acceptAll))).toBe('corrupt');
  });

  it('asks the caller about the names before inflating anything', () => {
    const seen: string[] = [];
    const refuse = (names: readonly string[]) => {
      seen.push(...names);
      throw new ArchiveProblem('unexpected_entry', 'no');
    };
    expect(problem(() => readZip(buildZip([{ name: 'a', data: bytes(10), crc: 1 }]), LIMITS, refuse))).toBe('unexpected_entry');
    expect(seen).toEqual(['a']);
  });
});
