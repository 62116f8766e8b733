// Pure pieces of the persona and journey-map documents: real-name redaction,
// footnote numbering, avatar checks, segments, the emotion curve and initials.
import { describe, expect, it } from 'vitest';
import { base64Bytes, parseAvatar, sniffImageType } from '../../shared/avatar.js';
import { FootnoteNumbering, nameRedactor } from '../../shared/export/document.js';
import { initials } from '../../shared/avatar.js';
import { journeyDocumentHtml, journeyPaper } from '../../shared/export/journey-html.js';
import { inSegment } from '../../shared/segment.js';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const b64 = (bytes: number[]) => Buffer.from(bytes).toString('base64');

describe('real-name redaction', () => {
  it('replaces every real name by the code, longest first and regardless of case', () => {
    const redact = nameRedactor([
      { realName: 'Wang Li', code: 'P01' },
      { realName: 'Wang Lina', code: 'P02' },
      { realName: '陈佳', code: 'P03' },
      { realName: ' ', code: 'P04' },
      { realName: '王', code: 'P05' },
    ]);
    expect(redact('wang li met Wang Lina and 陈佳; 王先生 stayed')).toBe('P01 met P02 and P03; 王先生 stayed');
    expect(redact('a (b) [c] *d*')).toBe('a (b) [c] *d*');
  });

  it('leaves text alone when no participant has a name on file', () => {
    expect(nameRedactor([{ realName: '', code: 'P01' }])('Wang Li')).toBe('Wang Li');
  });
});

describe('footnote numbering', () => {
  it('numbers findings in citation order and reuses the number of a finding cited again', () => {
    const notes = new FootnoteNumbering(true);
    expect(notes.cite([{ findingId: 'a', participant: 'P01', text: 'A' }, { findingId: 'b', participant: 'P02', text: 'B' }])).toEqual([1, 2]);
    expect(notes.cite([{ findingId: 'b', participant: 'P02', text: 'B' }, { findingId: 'c', participant: 'P01', text: 'C' }])).toEqual([2, 3]);
    expect(notes.notes.map((n) => n.text)).toEqual(['A', 'B', 'C']);
  });

  it('numbers nothing when footnotes are off', () => {
    const notes = new FootnoteNumbering(false);
    expect(notes.cite([{ findingId: 'a', participant: 'P01', text: 'A' }])).toEqual([]);
    expect(notes.notes).toEqual([]);
  });
});

describe('avatars', () => {
  it('knows PNG, JPEG and WebP by their first bytes', () => {
    expect(sniffImageType(PNG)).toBe('image/png');
    expect(sniffImageType(b64([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffImageType(b64([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50]))).toBe('image/webp');
    expect(sniffImageType(b64([0x3c, 0x73, 0x76, 0x67]))).toBeNull(); // "<svg"
  });

  it('accepts generated palettes and small real images, and says why it refuses others', () => {
    expect(parseAvatar('')).toEqual({ kind: 'none' });
    expect(parseAvatar('generated:blue')).toEqual({ kind: 'generated', palette: 'blue' });
    expect(parseAvatar('generated:gold')).toBe('unknown_palette');
    expect(parseAvatar(`data:image/png;base64,${PNG}`)).toMatchObject({ kind: 'image', mimeType: 'image/png' });
    expect(parseAvatar(`data:image/jpeg;base64,${PNG}`)).toBe('not_an_image');
    expect(parseAvatar(`data:image/png,${PNG}`)).toBe('not_a_data_url');
    expect(parseAvatar(`data:image/png;base64,${PNG}"><script>`)).toBe('not_a_data_url');
    expect(parseAvatar(`data:image/png;base64,${PNG.slice(0, 12)}${'A'.repeat(700_000)}`)).toBe('too_large');
    expect(base64Bytes('AAAA')).toBe(3);
    expect(base64Bytes('AA==')).toBe(1);
  });
});

describe('segments', () => {
  const p = { source: 'own' as const, attributes: { demographic: { 'age band': '35-44', city: 'Shanghai' } } };
  it('matches every condition, any of a condition\'s values, and the sources when given', () => {
    expect(inSegment(p, { attributes: [] })).toBe(true);
    expect(inSegment(p, { attributes: [{ dimension: 'demographic', name: 'age band', values: ['25-34', '35-44'] }] })).toBe(true);
    expect(inSegment(p, { attributes: [{ dimension: 'demographic', name: 'age band', values: ['35-44'] }, { dimension: 'demographic', name: 'city', values: ['Chengdu'] }] })).toBe(false);
    expect(inSegment(p, { attributes: [{ dimension: 'geographic', name: 'city', values: ['Shanghai'] }] })).toBe(false);
    expect(inSegment(p, { sources: ['competitor'], attributes: [] })).toBe(false);
  });
});

describe('journey-map visual', () => {
  const doc = (scores: Array<number | null>) =>
    journeyDocumentHtml({
      language: 'en',
      studyName: 'S',
      title: 'T',
      personaName: null,
      stages: scores.map((emotion, i) => ({ name: `Stage ${i + 1}`, emotion })),
      lanes: [{ lane: 'feeling', cells: scores.map(() => []) }],
      notes: [],
    });

  it('draws the emotion curve so neighbouring cells meet at the average of their scores', () => {
    const html = doc([2, -2, null, 1]);
    // Stage 1 ends and stage 2 starts at the midpoint (score 0, y = 50); stage 3 has no score, so no line reaches it.
    expect(html).toContain('<line x1="50" y1="8" x2="100" y2="50"');
    expect(html).toContain('<line x1="0" y1="50" x2="50" y2="92"');
    expect(html.match(/stroke="#2f5d8a"/g)).toHaveLength(2);
    expect(html).toContain('<span class="score">+2</span>');
    expect(html).toContain('<span class="score none">–</span>');
  });

  it('prints on larger landscape paper past six stages', () => {
    expect(journeyPaper(6)).toBe('A4');
    expect(journeyPaper(8)).toBe('A3');
    expect(journeyPaper(12)).toBe('A2');
    expect(doc([0, 0, 0, 0, 0, 0, 0])).toContain('@page { size: A3 landscape;');
  });
});

describe('generated avatars', () => {
  it('show the first character of a Chinese name or the initials of two words', () => {
    expect(initials('谨慎的家庭换车者')).toBe('谨');
    expect(initials('The cautious family upgrader')).toBe('CF');
    expect(initials('  ')).toBe('');
  });
});
