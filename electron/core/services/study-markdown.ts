// Exports a whole study as one Markdown document (see shared/export/study-markdown.ts).
// Read in one synchronous step, then rendered; nothing is written.
import { studyDocumentMarkdown } from '../../../shared/export/study-markdown.js';
import { exportedFile, safeFileName } from '../export/exported-file.js';
import { getStudy } from '../db/repos/studies.js';
import { notFound } from './errors.js';
import { studyDocument } from './study-document.js';
import type { Handlers } from './handler-types.js';

export const studyMarkdownHandlers: Pick<Handlers, 'study.exportMarkdown'> = {
  'study.exportMarkdown': async ({ studyId, includeRealNames }, ctx) => {
    const study = getStudy(ctx.db, studyId);
    if (!study) throw notFound('The study');
    const markdown = studyDocumentMarkdown(studyDocument(ctx, studyId, includeRealNames ?? false));
    return exportedFile(safeFileName(study.name, 'study'), 'markdown', markdown);
  },
};
