// Participants' real names and contacts are personal data, and the contract says so:
// every field that carries them, in any operation's input or output (later ones too),
// is marked, so what must keep them out can find them.
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES, operations, policyOf } from '../../shared/api/contract.js';
import { isPersonal } from '../../shared/api/personal.js';

/** Names a field holding a real name or a way to reach someone would have. */
const PERSONAL_FIELD = /^(realName|fullName|contact|email|phone|phoneNumber|address)$/i;

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  [key: string]: unknown;
}
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Every object field in a schema, as `path` and its schema, walking wrappers, arrays, unions and records. */
function fields(schema: z.ZodType, path: string, out: Array<{ path: string; schema: z.ZodType }>, seen = new Set<z.ZodType>()): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  const def = defOf(schema);
  const walk = (inner: unknown, at = path) => inner && fields(inner as z.ZodType, at, out, seen);
  if (def.type === 'object') {
    for (const [key, value] of Object.entries(def.shape ?? {})) {
      out.push({ path: `${path}.${key}`, schema: value });
      walk(value, `${path}.${key}`);
    }
  }
  for (const key of ['innerType', 'in', 'out', 'element', 'valueType']) walk(def[key]);
  for (const option of (def.options as z.ZodType[] | undefined) ?? []) walk(option);
  for (const item of (def.items as z.ZodType[] | undefined) ?? []) walk(item);
  if (def.type === 'lazy') walk((def.getter as () => z.ZodType)());
}

const everyField = OPERATION_NAMES.flatMap((name) => {
  const out: Array<{ path: string; schema: z.ZodType }> = [];
  fields(operations[name].input, `${name} input`, out);
  fields(operations[name].output, `${name} output`, out);
  return out;
});

describe('personal data in the contract', () => {
  it('marks every field carrying a real name or contact, in every operation', () => {
    const named = everyField.filter((f) => PERSONAL_FIELD.test(f.path.split('.').at(-1)!));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((f) => !isPersonal(f.schema)).map((f) => f.path)).toEqual([]);
  });

  it('marks a participant\'s real name and contact, both as stored and as typed', () => {
    const marked = new Set(everyField.filter((f) => isPersonal(f.schema)).map((f) => f.path));
    for (const path of ['participant.list output.realName', 'participant.list output.contact', 'participant.create input.fields.realName', 'participant.update input.fields.contact']) {
      expect(marked, path).toContain(path);
    }
  });

  it('marks nothing else: codes, names of studies and segment attributes are research data', () => {
    const marked = everyField.filter((f) => isPersonal(f.schema)).map((f) => f.path.split('.').at(-1)!);
    expect(new Set(marked)).toEqual(new Set(['realName', 'contact']));
  });

  it('answers teammates in a live team session with no personal field', () => {
    const theirs = OPERATION_NAMES.filter((name) => policyOf(name).team !== undefined);
    expect(theirs.length).toBeGreaterThan(0);
    const personalOutputs = theirs.flatMap((name) => {
      const out: Array<{ path: string; schema: z.ZodType }> = [];
      fields(operations[name].output, `${name} output`, out);
      return out.filter((f) => isPersonal(f.schema)).map((f) => f.path);
    });
    expect(personalOutputs).toEqual([]);
  });
});
