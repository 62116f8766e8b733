// The journey map as Word (.docx): a landscape page (larger paper past six stages)
// holding one table, stages as columns and lanes as rows, the emotion score per stage
// under the Feeling lane, TERMS chips on pain points, evidence as Word footnotes.
// Cell bullets hang in a narrow indent of their own, so the text takes the column's
// whole width (Word's default list indent takes a third of a narrow column).
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { DocumentItem, JourneyDocument } from '../../../shared/export/document.js';
import { documentLabels, type DocumentLabels } from '../../../shared/export/document-labels.js';
import { journeyHeading } from '../../../shared/export/journey-heading.js';
import { journeyPaper } from '../../../shared/export/journey-html.js';
import { PAIN_KINDS } from '../../../shared/domain.js';
import { TERMS_COLOURS } from '../../../shared/terms-colours.js';
import { DocxFootnotes, docxStyles, eyebrow, itemRuns, packDocx } from './docx-common.js';

/** Paper sizes in twips, portrait (width, height); the section turns them landscape. */
const PAPER = { A4: [11906, 16838], A3: [16838, 23811], A2: [23811, 33676] } as const;
const MARGIN = 567; // 1 cm
const LANE_COLUMN = 1500;
const CELL_TEXT = 16; // half-points: 8 pt
/** The hanging indent of a cell bullet, in twips (about 2.5 mm): room for the bullet only. */
export const CELL_BULLET_INDENT = 140;
const CELL_BULLET = 'journey-cell-bullet';
const CELL_MARGINS = { top: 60, bottom: 60, left: 80, right: 80 };

function shaded(fill: string) {
  return { fill, type: ShadingType.CLEAR, color: 'auto' };
}

function cellOf(items: readonly DocumentItem[], footnotes: DocxFootnotes, width: number): TableCell {
  const paragraphs = items.map(
    (item) => new Paragraph({ numbering: { reference: CELL_BULLET, level: 0 }, spacing: { after: 60 }, children: itemRuns(item, footnotes, { size: CELL_TEXT }) }),
  );
  return new TableCell({ width: { size: width, type: WidthType.DXA }, margins: CELL_MARGINS, children: paragraphs.length ? paragraphs : [new Paragraph('')] });
}

function emotionCell(score: number | null, width: number): TableCell {
  const marks = score === null ? '–' : score === 0 ? '●' : (score > 0 ? '▲' : '▼').repeat(Math.abs(score));
  const colour = score === null || score === 0 ? '5B6470' : score > 0 ? '15803D' : 'B91C1C';
  const text = score === null ? '' : ` ${score > 0 ? `+${score}` : String(score)}`;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: CELL_MARGINS,
    children: [new Paragraph({ alignment: 'center', children: [new TextRun({ text: marks, color: colour, size: 18 }), new TextRun({ text, bold: true, size: 18 })] })],
  });
}

function laneHeader(text: string): TableCell {
  return new TableCell({
    width: { size: LANE_COLUMN, type: WidthType.DXA },
    margins: CELL_MARGINS,
    shading: shaded('F4F6F9'),
    children: [new Paragraph({ children: [new TextRun({ text, bold: true, color: '2F5D8A', size: 18 })] })],
  });
}

function legend(labels: DocumentLabels): Paragraph {
  return new Paragraph({
    spacing: { before: 120 },
    children: PAIN_KINDS.flatMap((k) => [
      new TextRun({ text: `[${k}] `, bold: true, size: 16, color: TERMS_COLOURS[k].slice(1) }),
      new TextRun({ text: `${labels.terms[k]}   `, size: 16, color: '3D444D' }),
    ]),
  });
}

export function journeyDocx(doc: JourneyDocument): Promise<Uint8Array> {
  const labels = documentLabels(doc.language);
  const head = journeyHeading(doc, labels);
  const footnotes = new DocxFootnotes(doc.notes, labels);
  const [paperWidth, paperHeight] = PAPER[journeyPaper(doc.stages.length)];
  const usable = paperHeight - 2 * MARGIN; // landscape: the paper's long side is the page width
  const stageWidth = Math.floor((usable - LANE_COLUMN) / Math.max(1, doc.stages.length));
  const header = new TableRow({
    tableHeader: true,
    children: [
      new TableCell({ width: { size: LANE_COLUMN, type: WidthType.DXA }, children: [new Paragraph('')] }),
      ...doc.stages.map(
        (s) =>
          new TableCell({
            width: { size: stageWidth, type: WidthType.DXA },
            margins: CELL_MARGINS,
            shading: shaded('1C1F24'),
            children: [new Paragraph({ children: [new TextRun({ text: s.name, bold: true, color: 'FFFFFF' })] })],
          }),
      ),
    ],
  });
  const rows = doc.lanes.flatMap(({ lane, cells }) => {
    const row = new TableRow({ cantSplit: true, children: [laneHeader(labels.lanes[lane]), ...cells.map((items) => cellOf(items, footnotes, stageWidth))] });
    if (lane !== 'feeling') return [row];
    return [row, new TableRow({ cantSplit: true, children: [laneHeader(labels.emotion), ...doc.stages.map((s) => emotionCell(s.emotion, stageWidth))] })];
  });
  const numbering = {
    config: [
      {
        reference: CELL_BULLET,
        levels: [
          {
            level: 0,
            format: LevelFormat.BULLET,
            text: '•',
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: CELL_BULLET_INDENT, hanging: CELL_BULLET_INDENT } } },
          },
        ],
      },
    ],
  };
  return packDocx(
    new Document({
      title: head.title,
      creator: 'Fieldwork',
      styles: docxStyles(doc.language),
      numbering,
      footnotes: footnotes.footnotes(),
      sections: [
        {
          properties: {
            page: {
              size: { width: paperWidth, height: paperHeight, orientation: PageOrientation.LANDSCAPE },
              margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
            },
          },
          children: [
            eyebrow(labels.journeyMap),
            new Paragraph({ text: head.title, heading: HeadingLevel.HEADING_1 }),
            ...(head.meta.length ? [new Paragraph({ children: [new TextRun({ text: head.meta.join(' · '), color: '3D444D' })] })] : []),
            new Table({
              columnWidths: [LANE_COLUMN, ...doc.stages.map(() => stageWidth)],
              width: { size: usable, type: WidthType.DXA },
              layout: TableLayoutType.FIXED,
              rows: [header, ...rows],
            }),
            legend(labels),
          ],
        },
      ],
    }),
  );
}
