// Ctrl+K (Cmd+K on a Mac) opens search from any screen, interview mode included.
import { lazy, Suspense, useEffect, useState } from 'react';

const SearchPalette = lazy(() => import('./SearchPalette').then((m) => ({ default: m.SearchPalette })));

export function SearchShortcut({ studyId }: { studyId: string | null }) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.code === 'KeyK') {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <SearchPalette studyId={studyId} onClose={() => setOpen(false)} />
    </Suspense>
  );
}
