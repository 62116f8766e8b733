// Personal data in the contract: what identifies a participant as a person (their real
// name and how to reach them), as opposed to the code the research works with. The
// schemas of the fields that hold it are registered here, so the places that must keep
// it out (the search index, documents, exports for other tools, archives without
// personal data) and the tests can find every such field from the contract itself.
import { z } from 'zod';

export type PersonalKind = 'name' | 'contact';

/** Every schema that holds personal data, with what it holds. */
export const personalData = z.registry<{ kind: PersonalKind }>();

/** Marks a field's schema (its own instance: never a shared one like ShortText) as personal data. */
export function personal<T extends z.ZodType>(schema: T, kind: PersonalKind): T {
  personalData.add(schema, { kind });
  return schema;
}

interface Wrapper {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
}

/** Whether a field holds personal data: its schema, or one it wraps (optional, nullable, a pipe), is marked. */
export function isPersonal(schema: z.ZodType): boolean {
  let current: z.ZodType | undefined = schema;
  while (current) {
    if (personalData.has(current)) return true;
    const def: Wrapper = (current as unknown as { _zod: { def: Wrapper } })._zod.def;
    current = def.innerType ?? def.in;
  }
  return false;
}
