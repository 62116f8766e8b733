// What the persona and journey-map Word documents share: fonts and proofing language
// for the study's language (an East Asian font for Chinese runs), heading styles with
// outline levels (Word's navigation pane, bookmarks in a PDF made from the file),
// statements with TERMS chips, evidence as real Word footnotes, and packing to bytes.
// docx writes text as XML text, so user strings need no escaping.
import { FootnoteReferenceRun, Packer, Paragraph, TextRun, type Document, type IStylesOptions } from 'docx';
import type { DocumentItem, DocumentNote } from '../../../shared/export/document.js';
import type { DocumentLabels } from '../../../shared/export/document-labels.js';
import { TERMS_COLOURS } from '../../../shared/terms-colours.js';
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
      heading1: { run: { font, size: 36, bold: true }, paragraph: { outlineLevel: 0, spacing: { before: 240, after: 120 }, keepNext: true } },
      heading2: { run: { font, size: 24, bold: true, color: ACCENT }, paragraph: { outlineLevel: 1, spacing: { before: 200, after: 80 }, keepNext: true } },
    },
  };
}

/** The muted line above a title (document kind and study). */
export function eyebrow(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, size: 17, color: '5B6470', allCaps: true })] });
}

type EvidenceRun = TextRun | FootnoteReferenceRun;

/**
 * Evidence as Word footnotes numbered as the PDF numbers them: one footnote per source
 * (the document's notes, in the order they are first cited, which is the order Word
 * numbers them), a later citation of the same source repeating its number, and the
 * numbers of one statement separated by commas so "15,16,17" never reads as 151617.
 */
export class DocxFootnotes {
  private readonly cited = new Set<number>();

  constructor(
    private readonly notes: readonly DocumentNote[],
    private readonly labels: DocumentLabels,
  ) {}

  /** The document's footnotes, keyed by note number, for `new Document({ footnotes })`. */
  footnotes(): Record<string, { children: Paragraph[] }> {
    return Object.fromEntries(
      this.notes.map((note, i) => [
        String(i + 1),
        { children: [new Paragraph({ children: [new TextRun({ text: note.participant, bold: true }), new TextRun(`${this.labels.colon}${note.text}`)] })] },
      ]),
    );
  }

  runs(numbers: readonly number[], size?: number): EvidenceRun[] {
    const superscript = (text: string) => new TextRun({ text, superScript: true, size, style: 'FootnoteReference' });
    return numbers
      .filter((n) => this.notes[n - 1] !== undefined)
      .flatMap((n, i) => {
        const separator = i > 0 ? [superscript(',')] : [];
        if (this.cited.has(n)) return [...separator, superscript(String(n))];
        this.cited.add(n);
        return [...separator, new FootnoteReferenceRun(n)];
      });
  }
}

export function itemRuns(item: DocumentItem, footnotes: DocxFootnotes, style: { italics?: boolean; size?: number } = {}): EvidenceRun[] {
  const chips = item.terms.map((k) => new TextRun({ text: `[${k}] `, bold: true, color: TERMS_COLOURS[k].slice(1), size: style.size }));
  return [...chips, new TextRun({ text: item.text, italics: style.italics, size: style.size }), ...footnotes.runs(item.notes, style.size)];
}

/** A short "Label: value" line. */
export function labelled(label: string, value: string, labels: DocumentLabels): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}${labels.colon}`, bold: true, color: '5B6470' }), new TextRun(value)] });
}

export async function packDocx(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(doc));
}
