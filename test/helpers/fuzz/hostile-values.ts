// The raw material of hostile input: strings that have broken other programs (SQL,
// FTS5 query syntax, paths, markup, Unicode edge cases), numbers at and past every
// edge, values of the wrong type, deep nesting, huge payloads, and objects whose own
// keys are `__proto__`, `constructor` or `prototype`. Plain fast-check arbitraries,
// no test runner, so the benchmark can use them too.
import fc from 'fast-check';

export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Strings long enough to pass any limit in the contract; built once and shared. */
const HUGE_STRINGS = [
  'x'.repeat(300_000),
  '价格太贵'.repeat(30_000),
  `${'a'.repeat(2_000_000)}"\u0000`,
  '\u0000'.repeat(150_000),
];

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\t\r\n',
  '\u0000',
  'a\u0000b',
  "'; DROP TABLE study; --",
  "' OR '1'='1",
  '" OR ""="',
  'Robert"); DELETE FROM finding; --',
  '%',
  '_',
  '\\',
  '%_\\%',
  // FTS5 query syntax
  '"',
  '"unterminated',
  'NEAR(a b, 1)',
  'a OR b AND NOT c',
  '*',
  '^abc',
  'col:term',
  '(((',
  '- -- +',
  '价格 OR "贵',
  // paths and names that mean something to a file system
  '../../etc/passwd',
  '..\\..\\Windows\\System32\\config',
  '/etc/shadow',
  'C:\\Windows\\win.ini',
  '\\\\server\\share\\x',
  'file:///etc/passwd',
  'CON',
  'nul.txt',
  'a/b\\c',
  '.',
  '..',
  '...',
  '~/.ssh/id_rsa',
  // markup and template injection
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  ']]><!--',
  '{{constructor.constructor("return process")()}}',
  '${process.exit(1)}',
  '#{7*7}',
  '**bold** [link](javascript:alert(1))',
  '=HYPERLINK("http://x","y")',
  '@SUM(1+1)',
  // names that are properties of every object
  ...POLLUTION_KEYS,
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  // Unicode
  '\uD800',
  '\uDFFF',
  'a\uDC00b',
  '\u202Egnp.exe',
  '\u200B\u200C\u200D\uFEFF',
  'e\u0301\u0301\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  '价格太贵了，销售一直催我',
  '價格太貴了',
  'Ｆｕｌｌｗｉｄｔｈ',
  '\u3000',
  // numbers and dates as text
  'NaN',
  '-0',
  '1e309',
  '0x7fffffff',
  '9999-99-99',
  '2026-02-30',
  'null',
  'undefined',
  '[object Object]',
  '{"__proto__":{"polluted":true}}',
];

/** Strings that are short but hostile, or random in any script. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 4 }) },
);

export const hugeString: fc.Arbitrary<string> = fc.constantFrom(...HUGE_STRINGS);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, -1, 0.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 53), 1e308, Number.MIN_VALUE),
  fc.double(),
  fc.integer(),
);

/** An object with the given own properties, `__proto__` included (plain assignment would set the prototype instead). */
export function ownObject(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const target: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

/** What a prototype-pollution payload looks like after JSON.parse: own `__proto__` keys at every level. */
const pollutionPayload: fc.Arbitrary<unknown> = fc.constantFrom(
  ...[
    '{"__proto__":{"polluted":true,"isAdmin":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"prototype":{"polluted":true}}',
    '{"a":{"__proto__":{"toString":"x"}},"b":[{"__proto__":{"length":1e9}}]}',
    '{"__proto__":{"__proto__":{"polluted":true}}}',
  ].map((json) => () => JSON.parse(json) as unknown),
).map((make) => make());

/** Objects with pollution keys mixed into ordinary ones, nested a few levels. */
export const pollutedObject: fc.Arbitrary<unknown> = fc.oneof(
  pollutionPayload,
  fc
    .array(fc.tuple(fc.constantFrom(...POLLUTION_KEYS, 'id', 'name', 'root'), fc.oneof(pollutionPayload, fc.anything({ maxDepth: 1 }))), { minLength: 1, maxLength: 4 })
    .map(ownObject),
);

/** Nesting thousands of levels deep: arrays, objects, or `__proto__` chains. */
export const deepNesting: fc.Arbitrary<unknown> = fc
  .tuple(fc.integer({ min: 100, max: 5_000 }), fc.constantFrom('array', 'object', 'proto'))
  .map(([depth, kind]) => {
    let value: unknown = 'bottom';
    for (let i = 0; i < depth; i++) {
      value = kind === 'array' ? [value] : kind === 'object' ? { children: [value], type: 'paragraph' } : ownObject([['__proto__', value]]);
    }
    return value;
  });

/** Anything at all, as structured clone or JSON would carry it. */
export const randomValue: fc.Arbitrary<unknown> = fc.anything({
  maxDepth: 4,
  maxKeys: 6,
  withNullPrototype: true,
  withObjectString: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withBigInt: true,
  withSparseArray: true,
  key: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom(...POLLUTION_KEYS)),
  values: [hostileString, hostileNumber, fc.boolean(), fc.constant(null), fc.constant(undefined)],
});

/** A value of some type, very likely the wrong one for where it is put. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, true, false, [], {}, '', 0),
  hostileNumber,
  hostileString,
  pollutedObject,
  fc.anything({ maxDepth: 1 }),
);
