// Export file names come from names people typed (study, persona, guide titles). Any
// of them must give a name that saves as one file in the chosen folder on Windows,
// macOS and Linux: never a path, a device, a hidden file or a name too long to write.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportedFile, safeFileName } from '../../electron/core/export/exported-file.js';
import { fileNameProblem } from '../helpers/file-names.js';

describe('safeFileName', () => {
  it('turns a path into one plain name', () => {
    expect(safeFileName('../../etc/passwd', 'x')).toBe('etc passwd');
    expect(safeFileName('..\\..\\Windows\\System32\\config', 'x')).toBe('Windows System32 config');
    expect(safeFileName('a/b\\c', 'x')).toBe('a b c');
    expect(safeFileName('/', 'x')).toBe('x');
    expect(safeFileName('..', 'x')).toBe('x');
    expect(safeFileName('C:\\x', 'x')).toBe('C x');
  });

  it('never gives a Windows device name, with or without an extension', () => {
    for (const name of ['CON', 'con', 'NUL', 'aux', 'COM1', 'lpt9', 'PRN.txt', 'nul.tar']) {
      expect(fileNameProblem(`${safeFileName(name, 'x')}.md`), name).toBeNull();
    }
    expect(safeFileName('CON', 'x')).toBe('_CON');
    expect(safeFileName('Conference notes', 'x')).toBe('Conference notes');
  });

  it('drops control and bidi characters, leading dots and trailing dots or spaces', () => {
    expect(safeFileName('a\u0000b\u0007c\u007fd\u009fe', 'x')).toBe('a b c d e');
    expect(safeFileName('report\u202Efdp.exe', 'x')).toBe('report fdp.exe');
    expect(safeFileName('.hidden', 'x')).toBe('hidden');
    expect(safeFileName('trailing. . ', 'x')).toBe('trailing');
    expect(safeFileName('\uD800lone', 'x')).toBe('lone');
  });

  it('keeps Chinese and cuts long names to whole characters within 120 characters and 200 bytes', () => {
    expect(safeFileName('访谈提纲：价格“太贵”', 'x')).toBe('访谈提纲：价格“太贵”');
    const latin = safeFileName('a'.repeat(300), 'x');
    expect(latin).toHaveLength(120);
    const chinese = safeFileName('价'.repeat(300), 'x');
    expect(Buffer.byteLength(chinese)).toBeLessThanOrEqual(200);
    expect(chinese).toBe('价'.repeat(66));
    const emoji = safeFileName('👩‍👩‍👧'.repeat(100), 'x');
    expect(emoji).not.toMatch(/[\uD800-\uDBFF]$/); // never half a surrogate pair
  });

  it('gives a safe file name for any text at all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.constantFrom('md', 'pdf', 'docx'), (name, extension) => {
        const base = safeFileName(name, 'export');
        expect(fileNameProblem(`${base}.${extension}`)).toBeNull();
        expect(safeFileName(base, 'export')).toBe(base);
      }),
      { seed: 8, numRuns: 500 },
    );
  });

  it('names the exported file with its format\'s extension', () => {
    expect(exportedFile(safeFileName('CON', 'x'), 'markdown', '# x').fileName).toBe('_CON.md');
  });
});
