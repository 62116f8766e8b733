// Hostile inputs shaped like an operation's zod input schema: the right keys and
// mostly the right types, so they get past parsing and reach the handlers, but with
// hostile strings, real and made-up ids, edge numbers, pollution keys and the odd
// value of the wrong type. Walks zod 4's schema definitions (`_zod.def`).
import fc from 'fast-check';
import type { z } from 'zod';
import { deepNesting, hostileNumber, hostileString, hugeString, ownObject, POLLUTION_KEYS, pollutedObject, randomValue, wrongType } from './hostile-values.js';

export interface ShapeOptions {
  /** Ids of rows that exist for a field name (`studyId`, `findingIds`, `id`...), so inputs reach the code behind "not found". */
  ids: (field: string | null) => readonly string[];
  /** Adds `__proto__` / `constructor` / `prototype` keys to every object. */
  polluted?: boolean;
  /** Puts huge strings (300 kB to 2 MB) in every text field. */
  huge?: boolean;
  /** Text for every free-text and pattern field instead of the usual hostile strings (e.g. paths). */
  text?: fc.Arbitrary<string>;
}

interface Def {
  type: string;
  [key: string]: unknown;
}
type Schema = z.ZodType;

const defOf = (schema: Schema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def) =>
  ((def.checks as Array<{ _zod: { def: Record<string, unknown> } }> | undefined) ?? []).map((check) => check._zod.def);

const MAX_DEPTH = 8;
/** Strings exactly at and just past a limit, built once per limit. */
const boundaryStrings = new Map<number, string[]>();
function atLimit(max: number): string[] {
  let strings = boundaryStrings.get(max);
  if (!strings) {
    strings = max > 200_000 ? [] : ['x'.repeat(max), 'x'.repeat(max + 1), '汉'.repeat(max + 1)];
    boundaryStrings.set(max, strings);
  }
  return strings;
}

/** Mostly the shaped value, now and then something of the wrong type in its place. */
const orWrong = (arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 14, arbitrary }, { weight: 1, arbitrary: wrongType });

function stringArbitrary(def: Def, options: ShapeOptions, field: string | null): fc.Arbitrary<unknown> {
  const checks = checksOf(def);
  const format = checks.find((c) => c.check === 'string_format');
  if (format?.format === 'uuid' || format?.format === 'guid') {
    const ids = options.ids(field);
    const real = ids.length > 0 ? [{ weight: 6, arbitrary: fc.constantFrom(...ids) }] : [];
    return fc.oneof(...real, { weight: 1, arbitrary: fc.uuid() }, { weight: 1, arbitrary: hostileString });
  }
  if (format?.format === 'regex' && format.pattern instanceof RegExp) {
    return fc.oneof({ weight: 4, arbitrary: fc.stringMatching(format.pattern) }, { weight: 1, arbitrary: options.text ?? hostileString });
  }
  if (options.huge) return hugeString;
  if (options.text) return options.text;
  const max = checks.find((c) => c.check === 'max_length')?.maximum;
  const limits = typeof max === 'number' ? atLimit(max) : [];
  return fc.oneof(
    { weight: 6, arbitrary: hostileString },
    { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
    ...(limits.length > 0 ? [{ weight: 1, arbitrary: fc.constantFrom(...limits) }] : []),
  );
}

function numberArbitrary(schema: Schema): fc.Arbitrary<unknown> {
  const { minValue, maxValue, isInt } = schema as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
  const min = Math.max(minValue ?? -(2 ** 31), -(2 ** 31));
  const max = Math.min(maxValue ?? 2 ** 31, 2 ** 31);
  const inRange = isInt ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true });
  return fc.oneof({ weight: 5, arbitrary: inRange }, { weight: 1, arbitrary: hostileNumber });
}

/** Object keys for records: pollution keys and hostile strings. */
const recordKey = fc.oneof(fc.constantFrom(...POLLUTION_KEYS), hostileString);

function withPollution(arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(arbitrary, fc.subarray([...POLLUTION_KEYS], { minLength: 1 }), pollutedObject).map(([value, keys, payload]) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? ownObject([...Object.entries(value as Record<string, unknown>), ...keys.map((key) => [key, payload] as const)])
      : value,
  );
}

function objectArbitrary(def: Def, options: ShapeOptions, depth: number): fc.Arbitrary<unknown> {
  const shape = def.shape as Record<string, Schema>;
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  for (const [key, value] of Object.entries(shape)) {
    model[key] = shaped(value, options, depth + 1, key);
    if (defOf(value).type !== 'optional') required.push(key);
  }
  const base = fc.record(model, { requiredKeys: required });
  const loose = def.catchall !== undefined && defOf(def.catchall as Schema).type !== 'never';
  const object = loose
    ? fc.tuple(base, fc.array(fc.tuple(recordKey, randomValue), { maxLength: 3 })).map(([value, extra]) => ownObject([...Object.entries(value), ...extra]))
    : base;
  return options.polluted ? withPollution(object) : object;
}

/** `field` is the object key the value sits under (inherited by array items and wrappers), to pick ids. */
function shaped(schema: Schema, options: ShapeOptions, depth: number, field: string | null): fc.Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return fc.constant(null);
  const def = defOf(schema);
  const inner = (key: string) => shaped(def[key] as Schema, options, depth + 1, field);
  const each = (schemas: Schema[]) => schemas.map((item) => shaped(item, options, depth + 1, field));
  switch (def.type) {
    case 'string':
      return orWrong(stringArbitrary(def, options, field));
    case 'number':
      return orWrong(numberArbitrary(schema));
    case 'boolean':
      return orWrong(fc.boolean());
    case 'enum':
      return fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...Object.values(def.entries as Record<string, string>)) }, { weight: 1, arbitrary: hostileString });
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'object':
      return orWrong(objectArbitrary(def, options, depth));
    case 'array': {
      const checks = checksOf(def);
      const min = (checks.find((c) => c.check === 'min_length')?.minimum as number | undefined) ?? 0;
      const max = (checks.find((c) => c.check === 'max_length')?.maximum as number | undefined) ?? min + 4;
      return orWrong(fc.array(inner('element'), { minLength: min, maxLength: Math.min(max, min + 4) }));
    }
    case 'record': {
      const keyDef = defOf(def.keyType as Schema);
      const key = keyDef.type === 'enum' ? fc.oneof(fc.constantFrom(...Object.values(keyDef.entries as Record<string, string>)), recordKey) : recordKey;
      return orWrong(fc.array(fc.tuple(key, inner('valueType')), { maxLength: 4 }).map(ownObject));
    }
    case 'optional':
      return fc.option(inner('innerType'), { nil: undefined, freq: 4 });
    case 'nullable':
      return fc.option(inner('innerType'), { nil: null, freq: 4 });
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return inner('innerType');
    case 'pipe':
      return inner('in');
    case 'lazy':
      return shaped((def.getter as () => Schema)(), options, depth + 1, field);
    case 'union':
      return fc.oneof(...each(def.options as Schema[]));
    case 'tuple':
      return fc.tuple(...each(def.items as Schema[]));
    case 'null':
      return fc.constant(null);
    default:
      // unknown, any and whatever the contract adds later: anything at all, deep or polluted.
      return fc.oneof(randomValue, pollutedObject, deepNesting);
  }
}

/** Inputs shaped like `schema`, hostile in their contents. */
export function shapedInput(schema: Schema, options: ShapeOptions): fc.Arbitrary<unknown> {
  return shaped(schema, options, 0, null);
}

/** Every kind of hostile input for one operation: shaped, polluted, oversize, nested deep, or random. */
export function hostileInput(schema: Schema, ids: ShapeOptions['ids']): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: shapedInput(schema, { ids }) },
    { weight: 2, arbitrary: shapedInput(schema, { ids, polluted: true }) },
    { weight: 1, arbitrary: shapedInput(schema, { ids, huge: true }) },
    { weight: 2, arbitrary: randomValue },
    { weight: 1, arbitrary: pollutedObject },
    { weight: 1, arbitrary: deepNesting },
  );
}
