// Suggested groups of findings, local and explainable: each finding becomes a TF-IDF
// vector over its content words (shared/analysis/words.ts), and groups are built by
// leader clustering on cosine similarity. The densest unassigned finding leads a
// group, its unassigned neighbours (similarity >= threshold) join, then every member
// must be at least `threshold` similar to the group's centre; groups of fewer than two
// are dropped. So a suggestion can always be explained: these cards share these words.
import { featureWords } from './words.js';

export interface ClusterItem {
  id: string;
  text: string;
}

export interface Cluster {
  ids: string[];
  /** Words of the group's centre, strongest first, weight 0..1. */
  topWords: Array<{ word: string; weight: number }>;
  /** Mean cosine similarity of the members to the centre. */
  cohesion: number;
}

export interface ClusterOptions {
  threshold: number;
  /** How rare each word is, over a corpus holding the items (e.g. the whole study); over the items when omitted. */
  rarity?: WordRarity;
  minSize?: number;
  topWords?: number;
}

type Vector = Map<string, number>;

/** A lone Chinese character counts for similarity but names nothing on its own. */
const SINGLE_HAN = /^\p{Script=Han}$/u;

function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, v] of small) dot += v * (large.get(k) ?? 0);
  return dot;
}

function normalised(v: Vector): Vector {
  let norm = 0;
  for (const x of v.values()) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [k, x] of v) v.set(k, x / norm);
  return v;
}

function centre(members: readonly Vector[]): Vector {
  const sum: Vector = new Map();
  for (const m of members) for (const [k, x] of m) sum.set(k, (sum.get(k) ?? 0) + x);
  return normalised(sum);
}

/** Document frequency of each word stem, and the number of documents. */
export interface WordRarity {
  df: ReadonlyMap<string, number>;
  documents: number;
}

export function wordRarity(texts: readonly string[]): WordRarity {
  const df = new Map<string, number>();
  for (const text of texts) for (const k of new Set(featureWords(text).map((w) => w.stem))) df.set(k, (df.get(k) ?? 0) + 1);
  return { df, documents: texts.length };
}

/** TF-IDF vectors (sublinear tf, smoothed idf), unit length, and the shown form of each stem. */
function vectorise(items: readonly ClusterItem[], rarity: WordRarity | undefined) {
  const forms = new Map<string, Map<string, number>>();
  const counts = items.map((item) => {
    const tf = new Map<string, number>();
    for (const { stem, word, weight } of featureWords(item.text)) {
      tf.set(stem, (tf.get(stem) ?? 0) + weight);
      const seen = forms.get(stem) ?? new Map<string, number>();
      seen.set(word, (seen.get(word) ?? 0) + 1);
      forms.set(stem, seen);
    }
    return tf;
  });
  const { df, documents } = rarity ?? wordRarity(items.map((i) => i.text));
  const vectors = counts.map((tf) => {
    const v: Vector = new Map();
    // Sublinear tf; a lone character pair (0.5) keeps its half weight.
    for (const [k, c] of tf) v.set(k, (c >= 1 ? 1 + Math.log(c) : c) * (Math.log((1 + documents) / (1 + (df.get(k) ?? 1))) + 1));
    return normalised(v);
  });
  /** The most frequent way a stem was written. */
  const wordOf = (stem: string) => {
    const written = [...(forms.get(stem) ?? new Map([[stem, 1]])).entries()];
    return written.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  };
  return { vectors, wordOf };
}

/** Pairs of items at least `threshold` similar, found through shared words only. */
function neighbours(vectors: readonly Vector[], threshold: number): Array<Map<number, number>> {
  const postings = new Map<string, number[]>();
  vectors.forEach((v, i) => {
    for (const k of v.keys()) {
      const list = postings.get(k);
      if (list) list.push(i);
      else postings.set(k, [i]);
    }
  });
  const out = vectors.map(() => new Map<number, number>());
  vectors.forEach((v, i) => {
    const candidates = new Set<number>();
    for (const k of v.keys()) for (const j of postings.get(k)!) if (j > i) candidates.add(j);
    for (const j of candidates) {
      const sim = cosine(v, vectors[j]!);
      if (sim >= threshold) {
        out[i]!.set(j, sim);
        out[j]!.set(i, sim);
      }
    }
  });
  return out;
}

export function clusterTexts(items: readonly ClusterItem[], options: ClusterOptions): Cluster[] {
  const { threshold, minSize = 2, topWords = 5 } = options;
  const { vectors, wordOf } = vectorise(items, options.rarity);
  const near = neighbours(vectors, threshold);
  const strength = near.map((m) => [...m.values()].reduce((a, b) => a + b, 0));
  const order = items.map((_, i) => i).sort((a, b) => near[b]!.size - near[a]!.size || strength[b]! - strength[a]! || a - b);
  const assigned = new Set<number>();
  const clusters: Cluster[] = [];
  for (const leader of order) {
    if (assigned.has(leader)) continue;
    let members = [leader, ...[...near[leader]!.keys()].filter((j) => !assigned.has(j))];
    if (members.length < minSize) continue;
    let middle = centre(members.map((m) => vectors[m]!));
    members = members.filter((m) => cosine(vectors[m]!, middle) >= threshold);
    if (members.length < minSize) continue;
    middle = centre(members.map((m) => vectors[m]!));
    for (const m of members) assigned.add(m);
    const sims = members.map((m) => cosine(vectors[m]!, middle));
    /** Only words at least two cards share explain the group. */
    const shared = (k: string) => members.filter((m) => vectors[m]!.has(k)).length >= 2;
    clusters.push({
      ids: members.map((m) => items[m]!.id),
      topWords: [...middle.entries()]
        .filter(([k]) => shared(k) && !SINGLE_HAN.test(k))
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, topWords)
        .map(([k, weight]) => ({ word: wordOf(k), weight: Math.round(weight * 1000) / 1000 })),
      cohesion: Math.round((sims.reduce((a, b) => a + b, 0) / sims.length) * 1000) / 1000,
    });
  }
  return clusters.sort((a, b) => b.ids.length - a.ids.length || b.cohesion - a.cohesion);
}
