// Every operation in the contract that hands back a file (an ExportedFile: name, type,
// base64), found from the contract itself so exports added later are covered too, with
// the inputs to call each one for a study in every format it offers. Optional fields
// are left out, so each export runs with its defaults; a required yes/no about personal
// data is answered with the choice that leaves it out.
import type { z } from 'zod';
import { OPERATION_NAMES, operations, type OperationName } from '../../shared/api/contract.js';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  entries?: Record<string, string>;
  innerType?: z.ZodType;
}
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** An output schema is a file when it is an object of exactly fileName, mimeType and base64. */
function isFileSchema(schema: z.ZodType): boolean {
  const def = defOf(schema);
  return def.type === 'object' && Object.keys(def.shape ?? {}).sort().join() === 'base64,fileName,mimeType';
}

export const EXPORT_OPERATIONS: OperationName[] = OPERATION_NAMES.filter((name) => isFileSchema(operations[name].output));

/** Answers that keep personal data out: `hideRealNames: true`, `includePersonalData: false`. */
const privateChoice = (key: string) => /^(hide|exclude|redact|omit)/i.test(key);

/**
 * The inputs to call `name` with, one per value of each enum field (the formats), ids
 * chosen by `idFor(field)`. Throws for a required field it cannot fill, so a new export
 * with an unusual input is noticed rather than skipped.
 */
export function exportInputs(name: OperationName, idFor: (field: string) => string): Array<Record<string, unknown>> {
  const shape = defOf(operations[name].input).shape ?? {};
  let inputs: Array<Record<string, unknown>> = [{}];
  for (const [key, schema] of Object.entries(shape)) {
    const def = defOf(schema);
    if (def.type === 'optional' || def.type === 'default') continue;
    const formats = def.type === 'enum' ? Object.values(def.entries ?? {}) : null;
    if (formats) {
      inputs = inputs.flatMap((input) => formats.map((format) => ({ ...input, [key]: format })));
    } else if (def.type === 'boolean') {
      inputs = inputs.map((input) => ({ ...input, [key]: privateChoice(key) }));
    } else if (def.type === 'string') {
      inputs = inputs.map((input) => ({ ...input, [key]: idFor(key) }));
    } else {
      throw new Error(`${name}: no value for its required field "${key}" (${def.type}); teach exportInputs about it`);
    }
  }
  return inputs;
}
