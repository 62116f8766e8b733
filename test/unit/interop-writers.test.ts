// The small writers behind data exports: XML that a real parser reads back to exactly
// the text written (markup, quotes, line ends, characters XML cannot hold), and CSV
// that a spreadsheet opens as text, never as a formula.
import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv } from '../../shared/interop/csv.js';
import { codePointLength } from '../../shared/interop/refi-qda.js';
import { el, serializeXml, xmlSafeText } from '../../shared/interop/xml.js';

function roundTrip(text: string, attribute: string) {
  const xml = serializeXml(el('root', { value: attribute }, [el('text', {}, [text])]));
  const doc = new DOMParser({
    // A warning about U+FFFD is expected here: it is what unrepresentable characters become.
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(xml, 'text/xml');
  return { xml, text: doc.getElementsByTagName('text')[0]!.textContent, attribute: doc.documentElement!.getAttribute('value') };
}

describe('XML writer', () => {
  it('reads back exactly the text and attribute written, markup and line ends included', () => {
    const hostile = '</text><evil attr="x">&amp;\'"\r\n\t]]>价格😡';
    const read = roundTrip(hostile, hostile);
    expect(read.text).toBe(hostile);
    expect(read.attribute).toBe(hostile);
    expect(read.xml).not.toContain('<evil');
  });

  it('replaces characters XML cannot hold one for one, so offsets stay valid', () => {
    const text = 'a\u0000b\u0008c\uD800d\uFFFEe😀';
    expect(xmlSafeText(text)).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe😀');
    expect(codePointLength(xmlSafeText(text))).toBe(codePointLength(text));
    expect(roundTrip(text, text).text).toBe(xmlSafeText(text));
  });

  it('round-trips any string once cleaned', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const read = roundTrip(s, s);
        return read.text === xmlSafeText(s) && read.attribute === xmlSafeText(s);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses element and attribute names that are not XML names', () => {
    expect(() => serializeXml(el('a b'))).toThrow();
    expect(() => serializeXml(el('a', { 'x="1"': 'y' }))).toThrow();
  });
});

describe('CSV writer', () => {
  it('prefixes cells that would start a formula and leaves the rest alone', () => {
    for (const cell of ['=1+1', '+86 138', '-5', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    for (const cell of ['价格', 'a=b', '', ' =x']) expect(neutraliseFormula(cell)).toBe(cell);
  });

  it('writes a BOM, quotes what RFC 4180 needs quoted, and parses back to the same cells', () => {
    const rows = [['a,b', 'say "hi"', 'two\nlines', '价格😡', '=cmd']];
    const csv = toCsv(['h1', 'h2', 'h3', 'h4', 'h5'], rows);
    expect(csv.startsWith('\uFEFFh1,h2,h3,h4,h5\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.data[1]).toEqual(['a,b', 'say "hi"', 'two\nlines', '价格😡', "'=cmd"]);
  });
});
