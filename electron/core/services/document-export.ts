// Exports personas and the journey map as documents: Markdown, self-contained HTML,
// Word, PDF printed from the HTML, and (the journey map) PNG rendered from it. The
// document is read in one synchronous step, then rendered; nothing is written.
import type { DocumentFormat, DocumentOptions } from '../../../shared/api/documents.js';
import type { ExportedFile } from '../../../shared/api/guide.js';
import type { JourneyDocument, PersonaDocument } from '../../../shared/export/document.js';
import { documentLabels } from '../../../shared/export/document-labels.js';
import { journeyHeading } from '../../../shared/export/journey-heading.js';
import { journeyDocumentHtml, journeyImageWidth } from '../../../shared/export/journey-html.js';
import { journeyDocumentMarkdown } from '../../../shared/export/journey-markdown.js';
import { personaDocumentHtml } from '../../../shared/export/persona-html.js';
import { personaDocumentMarkdown } from '../../../shared/export/persona-markdown.js';
import { journeyDocx } from '../export/docx-journey.js';
import { personaDocx } from '../export/docx-persona.js';
import { exportedFile, safeFileName } from '../export/exported-file.js';
import { listPersonaRows } from '../db/repos/personas.js';
import type { ServiceContext } from './context.js';
import type { Handlers } from './handler-types.js';
import { journeyDocument } from './journey-document.js';
import { personaDocument } from './persona-document.js';
import { requirePersona } from './persona-read.js';
import { capturePng, printPdf } from './printing.js';

export async function renderPersonaDocument(ctx: ServiceContext, doc: PersonaDocument, format: Exclude<DocumentFormat, 'png'>): Promise<ExportedFile> {
  const base = safeFileName(doc.personas.length === 1 ? doc.title : `${doc.title} - ${doc.studyName}`, 'personas');
  if (format === 'markdown') return exportedFile(base, 'markdown', personaDocumentMarkdown(doc));
  if (format === 'docx') return exportedFile(base, 'docx', await personaDocx(doc));
  const html = personaDocumentHtml(doc);
  if (format === 'html') return exportedFile(base, 'html', html);
  return exportedFile(base, 'pdf', await printPdf(ctx, html));
}

export async function renderJourneyDocument(ctx: ServiceContext, doc: JourneyDocument, format: DocumentFormat): Promise<ExportedFile> {
  const base = safeFileName(journeyHeading(doc, documentLabels(doc.language)).fileName, 'journey map');
  if (format === 'markdown') return exportedFile(base, 'markdown', journeyDocumentMarkdown(doc));
  if (format === 'docx') return exportedFile(base, 'docx', await journeyDocx(doc));
  const html = journeyDocumentHtml(doc);
  if (format === 'html') return exportedFile(base, 'html', html);
  if (format === 'png') return exportedFile(base, 'png', await capturePng(ctx, html, journeyImageWidth(doc.stages.length)));
  return exportedFile(base, 'pdf', await printPdf(ctx, html));
}

function personasOf(ctx: ServiceContext, studyId: string, options: DocumentOptions | undefined): PersonaDocument {
  return personaDocument(ctx, studyId, listPersonaRows(ctx.db, studyId).map((p) => p.id), options);
}

export const documentExportHandlers: Pick<Handlers, 'persona.export' | 'persona.exportAll' | 'journey.export'> = {
  'persona.export': ({ personaId, format, options }, ctx) => {
    const persona = requirePersona(ctx, personaId);
    return renderPersonaDocument(ctx, personaDocument(ctx, persona.study_id, [personaId], options), format);
  },
  'persona.exportAll': ({ studyId, format, options }, ctx) => renderPersonaDocument(ctx, personasOf(ctx, studyId, options), format),
  'journey.export': ({ mapId, format, options }, ctx) => renderJourneyDocument(ctx, journeyDocument(ctx, mapId, options), format),
};
