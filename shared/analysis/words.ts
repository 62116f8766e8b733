// The words of a finding that say what it is about, for suggested grouping: Chinese
// segmented into words by Intl.Segmenter (ICU's dictionary, in Node and Chromium
// alike), other scripts by their word boundaries; lowercased, with function words and
// numbers dropped, and English plurals and -ing/-ed forms folded onto one stem so
// "waited" and "waiting" count as the same word.

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

const ENGLISH_STOP = new Set(
  `a about after again all also am an and any are as at be because been before being but by can could did do does doing
   don't down during each even for from get got had has have having he her here him his how i if in into is it its it's
   just like me more most my no not now of off on once only or other our out over own really same she should so some
   such than that the their them then there these they this those through to too under until up very was we were what
   when where which while who why will with would you your yes ok okay thing things lot`.split(/\s+/),
);

const CHINESE_STOP = new Set(
  `的 了 是 在 我 我们 你 你们 他 她 它 他们 她们 这 那 这个 那个 这些 那些 就 都 也 还 和 跟 与 及 有 没有 没 不 很 太 要 会 能 说
   一 一个 个 吗 呢 吧 啊 呀 哦 嗯 把 被 让 给 对 到 去 来 上 下 里 又 再 才 但 但是 因为 所以 如果 而且 然后 就是 还是 或者 什么
   怎么 为什么 自己 一些 一直 觉得 时候 可以 可能 已经 比较 非常 真的 知道 现在 之后 之前 当时 其实 这样 那样 一下 地 得 着 过 么`.split(/\s+/),
);

const NUMBER = /^[\p{N}.,:%]+$/u;
const LATIN = /^[a-z]/;

/** getting -> gett -> get, stopped -> stopp -> stop (but not "fall", "miss"). */
const undouble = (w: string) => (/([^aeiouls])\1$/.test(w) ? w.slice(0, -1) : w);

/** Folds common English inflections so forms of one word meet; other scripts pass through. */
export function stem(word: string): string {
  if (!/^[a-z]+$/.test(word) || word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 5) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 6) return undouble(word.slice(0, -3));
  if (word.endsWith('ed') && word.length > 5) return undouble(word.slice(0, -2));
  if (word.endsWith('es') && /(ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

export interface FeatureWord {
  /** What similarity compares. */
  stem: string;
  /** The word as written (lowercased), to show. */
  word: string;
  /** How much one occurrence counts: 1 for a word, less for a character pair. */
  weight: number;
}

const HAN_RUN = /\p{Script=Han}{2,}/gu;
/** Characters that make a pair meaningless (particles, pronouns, degree words). */
const FUNCTION_CHARS = new Set([...'的了是在我你他她它这那就都也还和有不很太要会说一个吗呢吧啊把被让给对到去来上下里又再才但地得着过么']);
/** Character pairs count half: they rescue words the dictionary splits (试驾 -> 试 驾) without outvoting real words. */
const PAIR_WEIGHT = 0.5;

/** Pairs of adjacent Han characters, except those with a function character. */
function hanPairs(text: string): FeatureWord[] {
  const out: FeatureWord[] = [];
  for (const run of text.match(HAN_RUN) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) {
      if (FUNCTION_CHARS.has(chars[i]!) || FUNCTION_CHARS.has(chars[i + 1]!)) continue;
      const pair = chars[i]! + chars[i + 1]!;
      if (!CHINESE_STOP.has(pair)) out.push({ stem: pair, word: pair, weight: PAIR_WEIGHT });
    }
  }
  return out;
}

/** The content words of `text` and its Han character pairs, repeats kept (they count as term frequency). */
export function featureWords(text: string): FeatureWord[] {
  const normalised = text.normalize('NFKC');
  const out: FeatureWord[] = [];
  for (const { segment, isWordLike } of segmenter.segment(normalised)) {
    if (!isWordLike) continue;
    const word = segment.toLowerCase();
    if (NUMBER.test(word) || ENGLISH_STOP.has(word) || CHINESE_STOP.has(word)) continue;
    if (LATIN.test(word) && word.length < 2) continue;
    out.push({ stem: stem(word), word, weight: 1 });
  }
  return [...out, ...hanPairs(normalised)];
}
