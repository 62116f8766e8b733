// A local copy of a value from the core that edits change at once, so quick edits
// build on each other (two chips added in a row both stay) instead of on the last
// answer; a newer value from the core replaces it.
import { useState } from 'react';

export function useLocalCopy<T>(fromCore: T): [T, (next: T) => void] {
  const [local, setLocal] = useState(fromCore);
  const [seen, setSeen] = useState(fromCore);
  if (seen !== fromCore) {
    setSeen(fromCore);
    setLocal(fromCore);
  }
  return [local, setLocal];
}
