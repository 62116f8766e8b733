// What the persona and journey-map Word documents share: fonts and proofing language
// for the study's language (an East Asian font for Chinese runs), statements with
// TERMS chips, evidence as real Word footnotes (participant code and finding text),
// and packing to bytes. docx writes text as XML text, so user strings need no escaping.
import { FootnoteReferenceRun, Packer, Paragraph, TextRun, type Document, type IStylesOptions } from 'docx';
import type { DocumentItem, DocumentNote } from '../../../shared/export/document.js';
import type { DocumentLabels } from '../../../shared/export/document-labels.js';
import { TERMS_COLOURS } from '../../../shared/export/document-html.js';
import type { StudyLanguage } from '../../../shared/domain.js';

const EAST_ASIAN_FONT: Record<StudyLanguage, string> = { en: 'Microsoft YaHei', 'zh-Hans': 'Microsoft YaHei', 'zh-Hant': 'Microsoft JhengHei' };
const PROOFING: Record<StudyLanguage, string> = { en: 'en-US', 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW' };
const ACCENT = '2F5D8A';

export function docxStyles(language: StudyLanguage): IStylesOptions {
  const font = { ascii: 'Calibri', hAnsi: 'Calibri', cs: 'Calibri', eastAsia: EAST_ASIAN_FONT[language] };
  return {
    default: {
      document: { run: { font, size: 20, language: { value: 'en-US', eastAsia: PROOFING[language] } } },
      title: { run: { font, size: 40, bold: true } },
      heading1: { run: { font, size: 32, bold: true }, paragraph: { spacing: { before: 240, after: 120 } } },
      heading2: { run: { font, size: 24, bold: true, color: ACCENT }, paragraph: { spacing: { before: 200, after: 80 } } },
    },
  };
}

/** The muted line above a title (document kind and study). */
export function eyebrow(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, size: 17, color: '5B6470', allCaps: true })] });
}

/** A footnote per citation: Word numbers them itself, in the order they appear. */
function footnoteRuns(notes: readonly number[], all: readonly DocumentNote[], labels: DocumentLabels): FootnoteReferenceRun[] {
  return notes.flatMap((n) => {
    const note = all[n - 1];
    if (!note) return [];
    return [new FootnoteReferenceRun({ children: [new Paragraph({ children: [new TextRun({ text: note.participant, bold: true }), new TextRun(`${labels.colon}${note.text}`)] })] })];
  });
}

export function itemRuns(item: DocumentItem, notes: readonly DocumentNote[], labels: DocumentLabels, style: { italics?: boolean; size?: number } = {}): Array<TextRun | FootnoteReferenceRun> {
  const chips = item.terms.map((k) => new TextRun({ text: `[${k}] `, bold: true, color: TERMS_COLOURS[k].slice(1), size: style.size }));
  return [...chips, new TextRun({ text: item.text, italics: style.italics, size: style.size }), ...footnoteRuns(item.notes, notes, labels)];
}

/** A short "Label: value" line. */
export function labelled(label: string, value: string, labels: DocumentLabels): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}${labels.colon}`, bold: true, color: '5B6470' }), new TextRun(value)] });
}

export async function packDocx(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(doc));
}
