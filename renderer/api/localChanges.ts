// Remembers board changes this window made itself, so their push event does not
// refetch a board the window already shows correctly (a 5,000-card refetch costs a
// frame or two right after a drop). Other windows still refresh.
const recent = new Map<string, number>();
const WINDOW_MS = 1500;

export function markLocalBoardChange(studyId: string): void {
  recent.set(studyId, Date.now());
}

export function isOwnBoardChange(studyId: string): boolean {
  const at = recent.get(studyId);
  return at !== undefined && Date.now() - at < WINDOW_MS;
}
