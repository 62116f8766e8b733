// Search as the user types: the query waits for a short pause, and the previous
// results stay on screen until the new ones arrive, so the list never flashes empty.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { SearchQuery } from '../../../shared/api/search';
import { call } from '../../api/queries';

const PAUSE_MS = 120;

export function useSearch(query: SearchQuery) {
  const [settled, setSettled] = useState(query);
  const key = JSON.stringify(query);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(JSON.parse(key) as SearchQuery), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [key]);
  const enabled = settled.text.trim().length > 0;
  return useQuery({ queryKey: ['search.query', settled], queryFn: () => call('search.query', settled), enabled, placeholderData: keepPreviousData });
}
