// Search recall on a fixture of Chinese and English notes, through the service layer:
// every Chinese substring of 1, 2, 3 and 4 characters finds exactly the paragraphs
// that contain it (no false positives, including for absent words), English matches
// by word prefix in any case, and mixed queries need all their parts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/call.js';
import { openTestLibrary } from '../helpers/library.js';
import { type Code, NOTE_PARAGRAPHS, paragraphKeyOf, searchStudy } from '../fixtures/search-study.js';

const PARAGRAPHS = (Object.keys(NOTE_PARAGRAPHS) as Code[]).flatMap((code) =>
  NOTE_PARAGRAPHS[code].map((text, i) => ({ key: paragraphKeyOf(code, i), text })),
);
const HAN_RUNS = PARAGRAPHS.flatMap((p) => p.text.match(/\p{Script=Han}+/gu) ?? []);
const WORDS = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

function substrings(length: number): string[] {
  const out = new Set<string>();
  for (const run of HAN_RUNS) for (let i = 0; i + length <= run.length; i++) out.add(run.slice(i, i + length));
  return [...out].sort();
}

/** What a search must return, worked out by brute force: Han parts as substrings, words as prefixes. */
function expectedKeys(query: string): string[] {
  const han = query.match(/\p{Script=Han}+/gu) ?? [];
  const words = query.replace(/\p{Script=Han}+/gu, ' ').split(/[^\p{L}\p{N}]+/u).filter(Boolean).map((w) => w.toLowerCase());
  return PARAGRAPHS.filter(
    (p) => han.every((h) => p.text.includes(h)) && words.every((w) => WORDS(p.text).some((x) => x.toLowerCase().startsWith(w))),
  )
    .map((p) => p.key)
    .sort();
}

async function setUp() {
  const library = await openTestLibrary();
  const fixture = await searchStudy(library);
  const found = async (text: string) => {
    const result = await call(library, 'search.query', { studyId: fixture.study.id, text, kinds: ['note'], limit: 200 });
    return result.hits.map((h) => (h.kind === 'note' ? (h.paragraphKey ?? '') : '')).sort();
  };
  return { library, fixture, found };
}

async function expectExact(found: (q: string) => Promise<string[]>, queries: readonly string[]): Promise<void> {
  for (const q of queries) expect(await found(q), q).toEqual(expectedKeys(q));
}

describe('search recall', () => {
  it('finds every 2-character Chinese word of the fixture exactly where it occurs', async () => {
    const { found } = await setUp();
    const words = substrings(2);
    expect(words.length).toBeGreaterThan(150);
    await expectExact(found, words);
  });

  it('finds no paragraph for 2-character words that are not in the fixture', async () => {
    const { found } = await setUp();
    const chars = [...new Set(HAN_RUNS.join(''))].sort();
    const absent: string[] = [];
    for (let i = 0; i < chars.length && absent.length < 300; i += 3) {
      for (let j = 1; j < chars.length && absent.length < 300; j += 7) {
        const word = chars[i]! + chars[j]!;
        if (!PARAGRAPHS.some((p) => p.text.includes(word))) absent.push(word);
      }
    }
    for (const word of absent) expect(await found(word), word).toEqual([]);
  });

  it('finds single characters and 3- and 4-character words exactly where they occur', async () => {
    const { found } = await setUp();
    await expectExact(found, [...new Set(HAN_RUNS.join(''))]);
    await expectExact(found, substrings(3));
    await expectExact(found, substrings(4));
  });

  it('does not match a Chinese phrase across punctuation', async () => {
    const { found } = await setUp();
    // "报价，销售" holds 报价 and 销售, but not 价销.
    expect(await found('价销')).toEqual([]);
    expect(await found('报价销售')).toEqual([]);
  });

  it('matches English words by prefix, in any case, never inside a word', async () => {
    const { found } = await setUp();
    const words = [...new Set(PARAGRAPHS.flatMap((p) => WORDS(p.text)).filter((w) => /^[A-Za-z]{3,}$/.test(w)))];
    await expectExact(found, words.flatMap((w) => [w.toUpperCase(), w.slice(0, 3).toLowerCase()]));
    expect(await found('pric')).toEqual(expectedKeys('pric'));
    expect(await found('pric')).toContain(paragraphKeyOf('P03', 0)); // "Pricing"
    expect(await found('rice')).toEqual([]); // not "price"
  });

  it('needs every part of a mixed Chinese-English query', async () => {
    const { found } = await setUp();
    expect(await found('iPhone 价格')).toEqual([paragraphKeyOf('P03', 5)]);
    expect(await found('IPHONE')).toEqual([paragraphKeyOf('P02', 4), paragraphKeyOf('P03', 5)]);
    expect(await found('finance 报价')).toEqual([]);
    await expectExact(found, ['waiting 价格', 'hidden fees', '销售 经理']);
    expect(await found('ｉＰｈｏｎｅ')).toEqual(await found('iphone')); // full-width Latin, as Chinese keyboards type it
  });

  it('finds any substring of 1 to 4 characters of an indexed Chinese paragraph (property)', async () => {
    const { found } = await setUp();
    const chinese = PARAGRAPHS.filter((p) => /\p{Script=Han}{4}/u.test(p.text));
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 4 }), async (pick, at, length) => {
        const paragraph = chinese[pick % chinese.length]!;
        const runs = paragraph.text.match(/\p{Script=Han}+/gu)!.filter((r) => r.length >= length);
        const run = runs[at % runs.length]!;
        const start = at % (run.length - length + 1);
        expect(await found(run.slice(start, start + length))).toContain(paragraph.key);
      }),
      { numRuns: 150 },
    );
  });
});
