// Exports a guide version as the interviewer's hand card: Markdown, printable HTML,
// or PDF printed from that HTML (Chinese fonts are embedded by the printer).
import type { OperationOutput } from '../../../shared/api/contract.js';
import type { HandCard } from '../../../shared/export/hand-card.js';
import { handCardHtml } from '../../../shared/export/hand-card-html.js';
import { handCardMarkdown } from '../../../shared/export/hand-card-markdown.js';
import { stageDisplayName } from '../../../shared/stage-names.js';
import { exportedFile, safeFileName as safeFileNameOr } from '../export/exported-file.js';
import { loadGuideDocument, placeOfVersion } from '../db/repos/guides.js';
import { listStages } from '../db/repos/stages.js';
import { getStudy } from '../db/repos/studies.js';
import type { ServiceContext } from './context.js';
import { notFound } from './errors.js';
import { printPdf } from './printing.js';
import type { Handler } from './handler-types.js';

export function handCardFor(ctx: ServiceContext, versionId: string): HandCard {
  const place = placeOfVersion(ctx.db, versionId);
  const doc = place && loadGuideDocument(ctx.db, place.guideId, versionId);
  const study = place && getStudy(ctx.db, place.studyId);
  if (!doc || !study) throw notFound('The guide version');
  const stageName = new Map(listStages(ctx.db, study.id).map((s) => [s.id, stageDisplayName(s, study.language)]));
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
export const safeFileName = (name: string): string => safeFileNameOr(name, 'guide');

export const exportGuide: Handler<'guide.export'> = async ({ versionId, format }, ctx): Promise<OperationOutput<'guide.export'>> => {
  const card = handCardFor(ctx, versionId);
  const base = safeFileName(`${card.guideTitle} v${card.versionNumber}`);
  if (format === 'markdown') return exportedFile(base, 'markdown', handCardMarkdown(card));
  const html = handCardHtml(card);
  if (format === 'html') return exportedFile(base, 'html', html);
  return exportedFile(base, 'pdf', await printPdf(ctx, html));
};
