// A snippet with its matches marked: the ranges are offsets into plain text, so the
// passage is rendered as text nodes and <mark>s, never as markup from the data.
import type { Snippet } from '../../../shared/api/search';

export function Highlighted({ snippet }: { snippet: Snippet }) {
  const parts: Array<{ text: string; hit: boolean }> = [];
  let at = 0;
  for (const { start, end } of snippet.highlights) {
    if (start < at || end <= start) continue; // overlapping or empty ranges: keep the first
    if (start > at) parts.push({ text: snippet.text.slice(at, start), hit: false });
    parts.push({ text: snippet.text.slice(start, end), hit: true });
    at = end;
  }
  if (at < snippet.text.length) parts.push({ text: snippet.text.slice(at), hit: false });
  return (
    <span className="snippet">
      {parts.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </span>
  );
}
