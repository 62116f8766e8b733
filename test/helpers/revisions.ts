// Records as their content, without the revisions that count their changes: undo brings
// back a record's content, while its revision moves on (undoing is a change too).
export function withoutRevisions<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key: string, v: unknown) => (key === 'revision' ? undefined : v))) as T;
}
