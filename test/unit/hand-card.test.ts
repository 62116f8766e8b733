// The hand card's Markdown and HTML renderings: keywords stand out, user text never
// becomes markup, labels follow the study language and the total time is shown.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STUDY_LANGUAGES, type StudyLanguage } from '../../shared/domain.js';
import { escapeHtml, escapeMarkdown } from '../../shared/export/escape.js';
import type { HandCard } from '../../shared/export/hand-card.js';
import { handCardFontStack, handCardHtml } from '../../shared/export/hand-card-html.js';
import { handCardLabels } from '../../shared/export/hand-card-labels.js';
import { handCardMarkdown } from '../../shared/export/hand-card-markdown.js';

function card(overrides: Partial<HandCard> = {}): HandCard {
  return {
    studyName: 'Home broadband 2025',
    guideTitle: 'Customer journey interview',
    versionNumber: 3,
    publishedAt: '2025-05-01T09:30:00.000Z',
    language: 'en',
    sections: [
      {
        title: 'Awareness',
        questions: [
          {
            text: 'Where did you first hear about the product or service?',
            purpose: 'Find the first touchpoints.',
            stageName: 'Awareness',
            keywords: ['trigger', 'source'],
            probes: ['What did you do next?', 'Why?'],
            timeBudgetMinutes: 4,
          },
        ],
      },
      {
        title: 'Decision',
        questions: [
          {
            text: 'What finally made you choose this one?',
            purpose: 'Find the deciding factors.',
            stageName: 'Decision',
            keywords: ['price', 'trust'],
            probes: ['How did you feel?'],
            timeBudgetMinutes: 5,
          },
          {
            text: 'Anything else?',
            purpose: '',
            stageName: null,
            keywords: [],
            probes: [],
            timeBudgetMinutes: 2,
          },
        ],
      },
    ],
    ...overrides,
  };
}

function withUserText(text: string, keyword = 'trust'): HandCard {
  const base = card();
  return {
    ...base,
    studyName: text,
    guideTitle: text,
    sections: base.sections.map((s) => ({
      ...s,
      title: text,
      questions: s.questions.map((q) => ({ ...q, text, purpose: text, stageName: text, keywords: [keyword], probes: [text] })),
    })),
  };
}

describe('escapeMarkdown', () => {
  it('backslash-escapes emphasis, code, links and headings and turns < into an entity', () => {
    expect(escapeMarkdown('**not bold**')).toBe('\\*\\*not bold\\*\\*');
    expect(escapeMarkdown('<b>x</b>')).toBe('&lt;b\\>x&lt;/b\\>');
    expect(escapeMarkdown('[a](http://x) `c` _e_ # h')).toBe('\\[a\\](http://x) \\`c\\` \\_e\\_ \\# h');
    expect(escapeMarkdown('&amp; R&D')).toBe('\\&amp; R&D');
  });

  it('escapes list and rule markers only at the start of a line', () => {
    expect(escapeMarkdown('- item\n1. first\n+ x\n---')).toBe('\\- item\n1\\. first\n\\+ x\n\\---');
    expect(escapeMarkdown('well-known, v1.2 costs 3.50')).toBe('well-known, v1.2 costs 3.50');
  });

  it('leaves no unescaped emphasis marker or raw tag in any input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = escapeMarkdown(s);
        expect(out).not.toContain('<');
        expect(out.replace(/\\\\/g, '')).not.toMatch(/(^|[^\\])[*_`[\]]/);
      }),
    );
  });
});

describe('escapeHtml', () => {
  it('escapes the five special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('handCardMarkdown', () => {
  it('shows title, study, version and numbers questions across sections with time, stage and italic purpose', () => {
    const md = handCardMarkdown(card());
    expect(md.startsWith('# Customer journey interview\n')).toBe(true);
    expect(md).toContain('Home broadband 2025');
    expect(md).toContain('Version 3 · Published 2025-05-01');
    expect(md).toContain('## Awareness · 4 min');
    expect(md).toContain('1. Where did you first hear about the product or service? · 4 min');
    expect(md).toContain('2. What finally made you choose this one? · 5 min');
    expect(md).toContain('3. Anything else? · 2 min');
    expect(md).toContain('Stage: Decision');
    expect(md).toContain('*Purpose: Find the deciding factors.*');
    expect(md).toMatch(/\n {3}- What did you do next\?\n {3}- Why\?\n/);
  });

  it('puts keywords in bold', () => {
    const md = handCardMarkdown(card());
    expect(md).toContain('Keywords: **trigger** · **source**');
    expect(md).toContain('**price** · **trust**');
  });

  it('shows the total planned time against the 60-minute session', () => {
    expect(handCardMarkdown(card())).toContain('Total planned time: 11 min of a 60-minute session (49 min to spare)');
  });

  it('marks a draft version', () => {
    expect(handCardMarkdown(card({ publishedAt: null }))).toContain('Version 3 · Draft');
  });

  it('escapes user text so that tags and emphasis stay text', () => {
    const md = handCardMarkdown(withUserText('<script>alert(1)</script> and **not bold**', '**kw**'));
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('**not bold**');
    expect(md).toContain('&lt;script\\>alert(1)&lt;/script\\> and \\*\\*not bold\\*\\*');
    expect(md).toContain('**\\*\\*kw\\*\\***');
  });

  it('keeps multi-line user text inside its list item', () => {
    const md = handCardMarkdown(withUserText('line one\n# not a heading\n- not a list'));
    expect(md).not.toMatch(/^# not a heading/m);
    expect(md).not.toMatch(/^\s*- not a list/m);
    expect(md).toContain('line one \\# not a heading - not a list');
  });

  it('uses Chinese labels for a Simplified Chinese card', () => {
    const md = handCardMarkdown(card({ language: 'zh-Hans' }));
    expect(md).toContain('访谈提纲');
    expect(md).toContain('关键词：**trigger**');
    expect(md).toContain('计划总时长：11 分钟（单场访谈 60 分钟），剩余 49 分钟');
    expect(md).not.toContain('Keywords');
  });
});

describe('handCardHtml', () => {
  it('is a complete self-contained document with the card language', () => {
    const html = handCardHtml(card({ language: 'zh-Hant' }));
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="zh-Hant">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/<style>[\s\S]*break-inside: avoid[\s\S]*<\/style>/);
    expect(html).toContain('size: A4');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link|@import|url\(|src=/i);
  });

  it('shows header, numbered questions, keyword chips, probes and times', () => {
    const html = handCardHtml(card());
    expect(html).toContain('<h1>Customer journey interview</h1>');
    expect(html).toContain('Home broadband 2025');
    expect(html).toContain('Version 3 · Published 2025-05-01');
    expect(html).toContain('<strong class="chip">trigger</strong>');
    expect(html).toContain('<li>What did you do next?</li>');
    expect(html).toContain('<div class="q-no" aria-label="Question 3">3</div>');
    expect(html).toContain('<div class="q-time">5 min</div>');
    expect(html).toContain('Total planned time: 11 min of a 60-minute session (49 min to spare)');
  });

  it('escapes user text everywhere', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const html = handCardHtml(withUserText(evil, evil));
    expect(html).not.toContain(evil);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<script/i);
  });

  it('uses Chinese labels for a Simplified Chinese card', () => {
    const html = handCardHtml(card({ language: 'zh-Hans' }));
    expect(html).toContain('<html lang="zh-Hans">');
    for (const label of ['访谈提纲', '关键词', '阶段', '目的', '分钟', '计划总时长']) expect(html).toContain(label);
    expect(html).not.toMatch(/Keywords|Stage|Purpose|Total planned time/);
  });

  it('flags a plan that runs over the session', () => {
    const long = card();
    const first = long.sections[0]?.questions[0];
    if (first) first.timeBudgetMinutes = 55;
    const html = handCardHtml(long);
    expect(html).toContain('<footer class="card-foot over">');
    expect(html).toContain('62 min of a 60-minute session (2 min over)');
  });

  it('prefers Traditional Chinese fonts for zh-Hant and Simplified otherwise, always with a CJK fallback', () => {
    const stack = (l: StudyLanguage) => handCardFontStack(l);
    expect(stack('zh-Hant').indexOf('Noto Sans CJK TC')).toBeLessThan(stack('zh-Hant').indexOf('Noto Sans CJK SC'));
    expect(stack('zh-Hans').indexOf('Noto Sans CJK SC')).toBeLessThan(stack('zh-Hans').indexOf('Noto Sans CJK TC'));
    expect(stack('en')).toContain('Microsoft YaHei');
    expect(stack('en').endsWith('sans-serif')).toBe(true);
  });

  it('has every label in every language', () => {
    const keys = Object.keys(handCardLabels('en')).sort();
    for (const language of STUDY_LANGUAGES) expect(Object.keys(handCardLabels(language)).sort()).toEqual(keys);
  });
});
