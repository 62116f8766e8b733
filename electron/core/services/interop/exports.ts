// Data exports for other tools: the findings table as CSV or Excel, and the whole
// study as a REFI-QDA project (.qdpx: a zip of project.qde and each interview's plain
// text under sources/). The study is read in one synchronous step, then written;
// nothing in the library changes.
import { strToU8, zipSync } from 'fflate';
import type { FindingsTableFormat, InteropExportOptions } from '../../../../shared/api/interop.js';
import type { ExportedFile } from '../../../../shared/api/guide.js';
import { toCsv } from '../../../../shared/interop/csv.js';
import { projectXml } from '../../../../shared/interop/refi-qda.js';
import { safeFileName } from '../../export/exported-file.js';
import type { ServiceContext } from '../context.js';
import { findingsTable } from './findings-table.js';
import { findingsWorkbook } from './findings-xlsx.js';
import { refiProject } from './refi-model.js';
import { readStudyData } from './study-data.js';

const MIME = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  qdpx: 'application/zip',
} as const;

function file(fileName: string, mimeType: string, bytes: Uint8Array): ExportedFile {
  return { fileName, mimeType, base64: Buffer.from(bytes).toString('base64') };
}

export async function exportFindings(ctx: ServiceContext, studyId: string, format: FindingsTableFormat, options: InteropExportOptions | undefined): Promise<ExportedFile> {
  const data = readStudyData(ctx, studyId, options);
  const table = findingsTable(data, options?.timeZone);
  const base = safeFileName(`${data.study.name} - ${data.labels.findingsFile}`, 'findings');
  if (format === 'csv') return file(`${base}.csv`, MIME.csv, strToU8(toCsv(table.header, table.rows)));
  return file(`${base}.xlsx`, MIME.xlsx, await findingsWorkbook(table, data.labels.findingsSheet));
}

export function exportRefiQda(ctx: ServiceContext, studyId: string, options: InteropExportOptions | undefined): ExportedFile {
  const data = readStudyData(ctx, studyId, options);
  const project = refiProject(data, { appVersion: ctx.appVersion, now: new Date().toISOString(), timeZone: options?.timeZone });
  const entries: Record<string, Uint8Array> = { 'project.qde': strToU8(projectXml(project)) };
  // Each source's text as its own file, which the project refers to by plainTextPath (never inline as well).
  for (const source of project.sources) entries[`sources/${source.guid}.txt`] = strToU8(source.content);
  return file(`${safeFileName(data.study.name, 'study')}.qdpx`, MIME.qdpx, zipSync(entries, { level: 6 }));
}
