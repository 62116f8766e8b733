// What the interview bar says about the notes: all committed (and when), on their way,
// or failing (why, and when the next try is).
export type SaveStatus = { kind: 'saved'; at: number | null } | { kind: 'saving' } | { kind: 'failed'; message: string; retryInMs: number };
