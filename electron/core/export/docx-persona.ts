// The persona document as Word (.docx): per persona its avatar (an uploaded PNG or
// JPEG), name, facts, description, who it is based on, then each list as bullets
// (quotes as indented italics), evidence as Word footnotes. Each persona after the
// first starts on a new page.
import { Document, HeadingLevel, ImageRun, Paragraph, TextRun } from 'docx';
import type { PersonaDocument, PersonaSection } from '../../../shared/export/document.js';
import { documentLabels, type DocumentLabels } from '../../../shared/export/document-labels.js';
import { docxStyles, eyebrow, itemRuns, labelled, packDocx } from './docx-common.js';
import { imageSize } from './image-size.js';

const AVATAR_PX = 110;

/** Word takes PNG and JPEG; a WebP or generated avatar is left out of the Word document. */
function avatarParagraph(p: PersonaSection): Paragraph | null {
  if (p.avatar.kind !== 'image' || p.avatar.mimeType === 'image/webp') return null;
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
        altText: { name: p.name, description: p.name, title: p.name },
      }),
    ],
  });
}

function personaParagraphs(doc: PersonaDocument, p: PersonaSection, labels: DocumentLabels, first: boolean, single: boolean): Paragraph[] {
  const out: Paragraph[] = [];
  const avatar = avatarParagraph(p);
  if (!single) out.push(new Paragraph({ text: p.name, heading: HeadingLevel.HEADING_1, pageBreakBefore: !first }));
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
          ? new Paragraph({ indent: { left: 360 }, spacing: { after: 80 }, children: itemRuns(item, doc.notes, labels, { italics: doc.language === 'en' }) })
          : new Paragraph({ bullet: { level: 0 }, children: itemRuns(item, doc.notes, labels) }),
      );
    }
  }
  return out;
}

export function personaDocx(doc: PersonaDocument): Promise<Uint8Array> {
  const labels = documentLabels(doc.language);
  const single = doc.personas.length === 1;
  const children = [
    eyebrow(`${single ? labels.persona : labels.personas} · ${doc.studyName}`),
    new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }),
    ...(doc.personas.length === 0 ? [new Paragraph(labels.noPersonas)] : []),
    ...doc.personas.flatMap((p, i) => personaParagraphs(doc, p, labels, i === 0, single)),
  ];
  return packDocx(new Document({ title: doc.title, creator: 'Fieldwork', styles: docxStyles(doc.language), sections: [{ children }] }));
}
