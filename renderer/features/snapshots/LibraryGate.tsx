// Shows the app, or in its place the library-problem screen when the library could
// not be opened normally and the user has not yet chosen what to do about it.
import type { ReactNode } from 'react';
import { useOperation } from '../../api/queries';
import { LibraryProblemScreen } from './LibraryProblemScreen';

export function LibraryGate({ children }: { children: ReactNode }) {
  const status = useOperation('library.status', {});
  // While the status loads, the app renders: a healthy library must not wait for it.
  if (status.data?.problem && !status.data.acknowledged) return <LibraryProblemScreen status={status.data} />;
  return <>{children}</>;
}
