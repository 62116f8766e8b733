// The persona document as Word (.docx): per persona its avatar (an uploaded PNG or
// JPEG, or the generated disc with initials as the PDF draws it), its name as the
// top heading (Heading 1, so Word's navigation pane and a PDF's bookmarks list it),
// facts, description, who it is based on, then each list under a Heading 2 as
// bullets (quotes as indented italics), evidence as Word footnotes. Each persona
// after the first starts on a new page.
import { Document, HeadingLevel, ImageRun, Paragraph, TextRun } from 'docx';
import type { PersonaDocument, PersonaSection } from '../../../shared/export/document.js';
import { documentLabels, type DocumentLabels } from '../../../shared/export/document-labels.js';
import { DocxFootnotes, docxStyles, eyebrow, itemRuns, labelled, packDocx } from './docx-common.js';
import { generatedAvatarPng, generatedAvatarSvg } from './generated-avatar.js';
import { imageSize } from './image-size.js';

const AVATAR_PX = 110;

/** Word takes PNG and JPEG; a WebP upload is left out of the Word document. No picture: initials on slate, as in the PDF. */
function avatarParagraph(p: PersonaSection, doc: PersonaDocument): Paragraph | null {
  const altText = { name: p.name, description: p.name, title: p.name };
  if (p.avatar.kind !== 'image') {
    const palette = p.avatar.kind === 'generated' ? p.avatar.palette : 'slate';
    const transformation = { width: AVATAR_PX, height: AVATAR_PX };
    return new Paragraph({
      children: [
        new ImageRun({
          type: 'svg',
          data: generatedAvatarSvg(p.name, palette, doc.language),
          fallback: { type: 'png', data: generatedAvatarPng(palette) },
          transformation,
          altText,
        }),
      ],
    });
  }
  if (p.avatar.mimeType === 'image/webp') return null;
  const data = Buffer.from(p.avatar.base64, 'base64');
  const size = imageSize(data);
  if (!size || size.width === 0 || size.height === 0) return null;
  const scale = AVATAR_PX / Math.max(size.width, size.height);
  return new Paragraph({
    children: [
      new ImageRun({
        type: p.avatar.mimeType === 'image/png' ? 'png' : 'jpg',
        data,
        transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
        altText,
      }),
    ],
  });
}

function personaParagraphs(p: PersonaSection, doc: PersonaDocument, labels: DocumentLabels, footnotes: DocxFootnotes, first: boolean): Paragraph[] {
  const out: Paragraph[] = [new Paragraph({ text: p.name, heading: HeadingLevel.HEADING_1, pageBreakBefore: !first })];
  const avatar = avatarParagraph(p, doc);
  if (avatar) out.push(avatar);
  const facts: Array<[string, string]> = [
    [labels.age, p.age],
    [labels.occupation, p.occupation],
    [labels.income, p.income],
  ];
  for (const [label, value] of facts) if (value) out.push(labelled(label, value, labels));
  if (p.description) out.push(new Paragraph({ spacing: { before: 160, after: 160 }, children: [new TextRun(p.description)] }));
  if (p.participants.length) out.push(labelled(labels.participants, p.participants.join(labels.listSeparator), labels));
  if (p.segment) out.push(labelled(labels.segment, p.segment, labels));
  for (const { list, items } of p.lists) {
    out.push(new Paragraph({ text: labels.lists[list], heading: HeadingLevel.HEADING_2 }));
    for (const item of items) {
      out.push(
        list === 'quotes'
          ? new Paragraph({ indent: { left: 360 }, spacing: { after: 80 }, children: itemRuns(item, footnotes, { italics: doc.language === 'en' }) })
          : new Paragraph({ bullet: { level: 0 }, children: itemRuns(item, footnotes) }),
      );
    }
  }
  return out;
}

export function personaDocx(doc: PersonaDocument): Promise<Uint8Array> {
  const labels = documentLabels(doc.language);
  const single = doc.personas.length === 1;
  const footnotes = new DocxFootnotes(doc.notes, labels);
  const children = [
    eyebrow(`${single ? labels.persona : labels.personas} · ${doc.studyName}`),
    // One persona: its name is the document's top heading. Several: the collection's title, then a heading per persona.
    ...(single ? [] : [new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE })]),
    ...(doc.personas.length === 0 ? [new Paragraph(labels.noPersonas)] : []),
    ...doc.personas.flatMap((p, i) => personaParagraphs(p, doc, labels, footnotes, i === 0)),
  ];
  return packDocx(new Document({ title: doc.title, creator: 'Fieldwork', styles: docxStyles(doc.language), footnotes: footnotes.footnotes(), sections: [{ children }] }));
}
