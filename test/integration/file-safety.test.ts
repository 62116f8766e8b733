// Files in and out of the library. Every export (found from the contract, so later
// exports are covered too) names its file safely whatever the study, persona, guide
// or journey map is called; and no operation reads or writes outside the library's
// folder, whatever paths are typed into any of its text or file-name fields.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES, operations } from '../../shared/api/contract.js';
import { call } from '../helpers/call.js';
import { EXPORT_OPERATIONS, exportInputs } from '../helpers/export-operations.js';
import { fileNameProblem } from '../helpers/file-names.js';
import { idPool } from '../helpers/fuzz/id-pool.js';
import { shapedInput } from '../helpers/fuzz/schema-arbitrary.js';
import { openTestLibrary } from '../helpers/library.js';
import { tempDir } from '../helpers/temp.js';

/** The sample study, with stand-in PDF and PNG renderers: file names do not depend on the rendering. */
const sampleLibrary = (dataDir?: string) => openTestLibrary({ dataDir, seedSample: true, stubRenderers: true });

const HOSTILE_NAMES = ['../../etc/passwd', 'CON', 'a/b\\c', 'x\u0001y\u202Egnp.exe', '访'.repeat(200), '. .', 'C:\\Windows\\win.ini'];

describe('export file names', () => {
  it('are found for every export in the contract', () => {
    expect(EXPORT_OPERATIONS).toEqual(expect.arrayContaining(['guide.export', 'persona.export', 'persona.exportAll', 'journey.export', 'analysis.export']));
  });

  it('are safe on every platform whatever the study, persona, guide and journey map are called', async () => {
    const library = await sampleLibrary();
    const ids = idPool(library);
    const [study] = await call(library, 'study.list', {});
    const [persona] = await call(library, 'persona.list', { studyId: study!.id });
    const guide = await call(library, 'guide.get', { studyId: study!.id });
    const map = await call(library, 'journey.get', { studyId: study!.id });
    for (const name of HOSTILE_NAMES) {
      await call(library, 'study.rename', { id: study!.id, name });
      await call(library, 'persona.update', { id: persona!.id, fields: { name } });
      await call(library, 'guide.rename', { guideId: guide!.guideId, title: name });
      await call(library, 'journey.update', { mapId: map.id, title: name });
      for (const operation of EXPORT_OPERATIONS) {
        for (const input of exportInputs(operation, (field) => ids(operation)(field)[0]!)) {
          const file = await call(library, operation, input as never);
          expect(fileNameProblem((file as { fileName: string }).fileName), `${operation} ${JSON.stringify(input)} for "${name}"`).toBeNull();
        }
      }
    }
  }, 60_000);
});

/** Every file under `root` with its size and modification time, except under `except`. */
function tree(root: string, except: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (full === except) continue;
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(root, full), `${fs.statSync(full).size} ${fs.statSync(full).mtimeMs}`);
    }
  };
  walk(root);
  return files;
}

/** A result's text, with every base64 payload decoded, to search for what must not be in it. */
function resultText(value: unknown): string {
  const json = JSON.stringify(value) ?? '';
  const decoded = [...json.matchAll(/"base64":"([A-Za-z0-9+/=]*)"/g)].map((m) => Buffer.from(m[1]!, 'base64').toString('latin1'));
  return [json, ...decoded].join('\n');
}

describe('the library folder as the boundary', () => {
  it('no operation reads or writes outside it, whatever paths its fields are given', async () => {
    const root = tempDir();
    const secret = 'SENTINEL-7f3a-outside-the-library';
    fs.writeFileSync(path.join(root, 'sentinel.txt'), secret);
    fs.mkdirSync(path.join(root, 'other'));
    fs.writeFileSync(path.join(root, 'other', 'notes.md'), secret);
    const dataDir = path.join(root, 'library');
    const library = await sampleLibrary(dataDir);
    const before = tree(root, dataDir);
    const sentinel = path.join(root, 'sentinel.txt');
    const paths = fc.constantFrom(
      '../sentinel.txt',
      '../../sentinel.txt',
      sentinel,
      `file://${sentinel}`,
      '..\\sentinel.txt',
      '../other/',
      '../other/notes.md',
      `${path.join(dataDir, '..', 'other')}${path.sep}`,
      '....//sentinel.txt',
      '%2e%2e%2fsentinel.txt',
      'sentinel.txt\u0000.png',
      '/etc/passwd',
      '\\\\?\\C:\\Windows\\win.ini',
      '.',
      '..',
    );
    const ids = idPool(library);
    const leaks: string[] = [];
    for (const [index, name] of OPERATION_NAMES.entries()) {
      for (const input of fc.sample(shapedInput(operations[name].input, { ids: ids(name), text: paths }), { numRuns: 8, seed: index })) {
        const result = await library.dispatch(name, input);
        if (resultText(result).includes(secret)) leaks.push(name);
      }
    }
    expect(leaks).toEqual([]);
    expect(tree(root, dataDir)).toEqual(before);
    expect(fs.readFileSync(sentinel, 'utf8')).toBe(secret);
  }, 60_000);

  it('takes snapshot ids as names only: a path in their place is refused before any file is touched', async () => {
    const library = await sampleLibrary();
    for (const id of ['../fieldwork', '..\\fieldwork', '/etc/passwd', '20260101T000000000Z-manual-abcdef/../../x', '20260101T000000000Z-manual-abcdef.sqlite']) {
      for (const operation of ['snapshot.restore', 'snapshot.delete'] as const) {
        const result = await library.dispatch(operation, { id });
        expect(result, `${operation} ${id}`).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      }
    }
  });
});
