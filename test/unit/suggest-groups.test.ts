// Suggested grouping: TF-IDF over segmented words groups findings that say the same
// thing, in Chinese and in English, names them by their shared words, and leaves a
// finding that resembles nothing else alone.
import { describe, expect, it } from 'vitest';
import { clusterTexts } from '../../shared/analysis/cluster.js';
import { featureWords, stem } from '../../shared/analysis/words.js';

const ITEMS = [
  '报价太慢，等了三天才拿到报价',
  '拿到报价花了一周，报价流程太慢',
  'Waited three days for a price quote',
  'The price quote took a week to arrive',
  'Getting a quote on the price was slow',
  '后排太挤，孩子的安全座椅放不下',
  'Loved the coffee in the showroom lounge',
  '试驾路线太短，没上高架',
  '试驾只绕了店门口一圈，路线太短',
].map((text, i) => ({ id: `f${i}`, text }));

describe('suggested groups', () => {
  it('groups obviously similar Chinese and English findings and leaves the dissimilar ones out', () => {
    const clusters = clusterTexts(ITEMS, { threshold: 0.3 });
    const groups = clusters.map((c) => [...c.ids].sort());
    expect(groups).toEqual(expect.arrayContaining([['f0', 'f1'], ['f2', 'f3', 'f4'], ['f7', 'f8']]));
    expect(groups).toHaveLength(3);
    expect(groups.flat()).not.toContain('f5');
    expect(groups.flat()).not.toContain('f6');
  });

  it('explains each group by the words its cards share, strongest first', () => {
    const clusters = clusterTexts(ITEMS, { threshold: 0.3 });
    const wordsOf = (id: string) => clusters.find((c) => c.ids.includes(id))!.topWords.map((w) => w.word);
    expect(wordsOf('f0')[0]).toBe('报价');
    expect(wordsOf('f2').slice(0, 2).sort()).toEqual(['price', 'quote']);
    expect(wordsOf('f7')).toEqual(expect.arrayContaining(['试驾', '路线']));
    for (const c of clusters) {
      expect(c.cohesion).toBeGreaterThanOrEqual(0.3);
      expect(c.topWords.map((w) => w.weight)).toEqual([...c.topWords.map((w) => w.weight)].sort((a, b) => b - a));
    }
  });

  it('suggests nothing when the threshold is stricter than any likeness', () => {
    expect(clusterTexts(ITEMS, { threshold: 0.95 })).toEqual([]);
    expect(clusterTexts([], { threshold: 0.3 })).toEqual([]);
  });

  it('drops function words and numbers, and meets English word forms on one stem', () => {
    const words = featureWords('我们等了 3 天的报价 and the price').map((w) => w.word);
    for (const dropped of ['我们', '的', '3', 'and', 'the']) expect(words).not.toContain(dropped);
    expect(words).toEqual(expect.arrayContaining(['报价', 'price']));
    expect(['waited', 'waiting', 'waits'].map(stem)).toEqual(['wait', 'wait', 'wait']);
    expect(['getting', 'prices', 'stopped', 'fees'].map(stem)).toEqual(['get', 'price', 'stop', 'fee']);
  });
});
