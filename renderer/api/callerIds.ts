// The ids a write carries (see shared/api/changes.ts): the tab's actor id, kept in
// session storage so a reload keeps it and another tab gets its own, and a fresh
// mutation id per write, by which the tab knows its own changes when they come back
// on the change feed. Made from getRandomValues, which (unlike randomUUID) also works
// on a plain-HTTP page.
const ACTOR_KEY = 'fieldwork.actor';
let memoryActor: string | null = null;

export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** This tab's actor id. */
export function actorId(): string {
  if (memoryActor) return memoryActor;
  try {
    memoryActor = sessionStorage.getItem(ACTOR_KEY);
    if (!memoryActor) {
      memoryActor = randomId();
      sessionStorage.setItem(ACTOR_KEY, memoryActor);
    }
  } catch {
    // Session storage switched off: the id lasts as long as the page.
    memoryActor ??= randomId();
  }
  return memoryActor;
}

/** Mutation ids this tab sent, until their change has come back (kept bounded). */
const own = new Set<string>();
const OWN_KEPT = 500;

export function newMutationId(): string {
  const id = randomId();
  own.add(id);
  if (own.size > OWN_KEPT) own.delete(own.values().next().value as string);
  return id;
}

/** Whether a change with this mutation id was this tab's own. */
export function isOwnMutation(mutationId: string | null): boolean {
  return mutationId !== null && own.has(mutationId);
}
