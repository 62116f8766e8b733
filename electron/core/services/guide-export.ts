// Exports a guide version as the interviewer's hand card: Markdown, printable HTML,
// or PDF printed from that HTML (Chinese fonts are embedded by the printer).
import type { OperationOutput } from '../../../shared/api/contract.js';
import type { HandCard } from '../../../shared/export/hand-card.js';
import { handCardHtml } from '../../../shared/export/hand-card-html.js';
import { handCardMarkdown } from '../../../shared/export/hand-card-markdown.js';
import { DEFAULT_STAGE_NAMES_BY_LANGUAGE } from '../../../shared/stage-names.js';
import { loadGuideDocument, placeOfVersion } from '../db/repos/guides.js';
import { listStages } from '../db/repos/stages.js';
import { getStudy } from '../db/repos/studies.js';
import type { ServiceContext } from './context.js';
import { DomainError, notFound } from './errors.js';
import { asyncHandler } from './handler-types.js';

export function handCardFor(ctx: ServiceContext, versionId: string): HandCard {
  const place = placeOfVersion(ctx.db, versionId);
  const doc = place && loadGuideDocument(ctx.db, place.guideId, versionId);
  const study = place && getStudy(ctx.db, place.studyId);
  if (!doc || !study) throw notFound('The guide version');
  const names = DEFAULT_STAGE_NAMES_BY_LANGUAGE[study.language];
  const stageName = new Map(
    listStages(ctx.db, study.id).map((s) => [s.id, s.defaultKey && s.defaultKey in names ? names[s.defaultKey as keyof typeof names] : s.name]),
  );
  return {
    studyName: study.name,
    guideTitle: doc.title,
    versionNumber: doc.version.number,
    publishedAt: doc.version.publishedAt,
    language: study.language,
    sections: doc.sections.map((section) => ({
      title: section.title,
      questions: section.questions.map((q) => ({
        text: q.text,
        purpose: q.purpose,
        stageName: q.stageId ? (stageName.get(q.stageId) ?? null) : null,
        keywords: q.keywords,
        probes: q.probes,
        timeBudgetMinutes: Math.round(q.timeBudgetSec / 60),
      })),
    })),
  };
}

/** A file name safe on every platform, keeping Chinese characters. */
export function safeFileName(name: string): string {
  const cleaned = [...name]
    .map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? ' ' : ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.slice(0, 120) || 'guide';
}

export const exportGuide = asyncHandler<'guide.export'>(async ({ versionId, format }, ctx): Promise<OperationOutput<'guide.export'>> => {
  const card = handCardFor(ctx, versionId);
  const base = safeFileName(`${card.guideTitle} v${card.versionNumber}`);
  if (format === 'markdown') {
    return { fileName: `${base}.md`, mimeType: 'text/markdown; charset=utf-8', base64: Buffer.from(handCardMarkdown(card)).toString('base64') };
  }
  const html = handCardHtml(card);
  if (format === 'html') {
    return { fileName: `${base}.html`, mimeType: 'text/html; charset=utf-8', base64: Buffer.from(html).toString('base64') };
  }
  if (!ctx.printPdf) throw new DomainError('conflict', 'PDF printing is not available here; export HTML and print it from a browser.', 'pdf_unavailable');
  const pdf = await ctx.printPdf(html);
  return { fileName: `${base}.pdf`, mimeType: 'application/pdf', base64: Buffer.from(pdf).toString('base64') };
});
