// Exports the analysis dashboard as a document in the study's language: PDF printed
// from the HTML (A4 landscape) or a PNG of the same page. The dashboard is computed in
// one synchronous step, exactly as the screen gets it, then rendered; nothing is
// written. Real names typed into stage, tag or segment names become codes, as in the
// persona and journey-map documents.
import { dashboardLabels } from '../../../shared/export/dashboard-labels.js';
import type { Dashboard } from '../../../shared/api/analysis.js';
import type { ExportedFile } from '../../../shared/api/guide.js';
import { DASHBOARD_IMAGE_WIDTH, dashboardDocumentHtml, type DashboardDocument } from '../../../shared/export/dashboard-html.js';
import type { SegmentDimension } from '../../../shared/domain.js';
import { exportedFile, safeFileName } from '../export/exported-file.js';
import { dashboard } from './analysis.js';
import type { ServiceContext } from './context.js';
import { documentEnv } from './document-env.js';
import { capturePng, printPdf } from './printing.js';
import type { Handler } from './handler-types.js';

const pad = (n: number) => String(n).padStart(2, '0');
/** Today on the machine's calendar, as the researcher would date the printout. */
const today = (now = new Date()) => `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

/** Every name a person typed, passed through `text` (the real-name redaction). */
function redacted(d: Dashboard, text: (s: string) => string): Dashboard {
  const gaps = d.progress.gaps.map((g) => ({ ...g, value: text(g.value) }));
  return {
    ...d,
    stages: d.stages.map((s) => ({ ...s, name: text(s.name) })),
    progress: { ...d.progress, gaps },
    segments: {
      ...d.segments,
      attribute: d.segments.attribute === null ? null : text(d.segments.attribute),
      values: d.segments.values.map((v) => ({ ...v, value: text(v.value) })),
    },
    tags: { ...d.tags, tags: d.tags.tags.map((tag) => ({ ...tag, name: text(tag.name) })) },
  };
}

export function dashboardDocument(
  ctx: ServiceContext,
  studyId: string,
  segment: { dimension: SegmentDimension; attribute: string } | undefined,
  date = today(),
): DashboardDocument {
  const env = documentEnv(ctx, studyId, undefined);
  return { language: env.study.language, studyName: env.text(env.study.name), date, dashboard: redacted(dashboard(ctx.db, studyId, segment), env.text) };
}

export async function renderDashboardDocument(ctx: ServiceContext, doc: DashboardDocument, format: 'pdf' | 'png'): Promise<ExportedFile> {
  // Named in the study's language, as the document is.
  const base = safeFileName(`${doc.studyName} - ${dashboardLabels(doc.language).dashboard}`, 'analysis');
  const html = dashboardDocumentHtml(doc);
  if (format === 'png') return exportedFile(base, 'png', await capturePng(ctx, html, DASHBOARD_IMAGE_WIDTH));
  return exportedFile(base, 'pdf', await printPdf(ctx, html));
}

export const dashboardExportHandlers: { 'analysis.export': Handler<'analysis.export'> } = {
  'analysis.export': ({ studyId, format, segment }, ctx) => renderDashboardDocument(ctx, dashboardDocument(ctx, studyId, segment), format),
};
