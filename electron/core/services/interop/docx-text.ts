// The text of a Word (.docx) file, one line per paragraph, read straight from
// word/document.xml: only that entry is inflated, after checking its declared size
// (so a zip bomb cannot fill memory), and it is parsed without DTDs or entities.
// Deleted tracked changes, field codes, text boxes and the Fallback copies of drawing
// content are left out; table cells give a line per paragraph; a line break or tab
// inside a paragraph is kept as such.
import { DOMParser, type Element as XmlElement, type Node as XmlNode } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const DOCUMENT = 'word/document.xml';
/** Far more XML than 10 MB of Word file holds as text; refused before inflating. */
export const MAX_DOCUMENT_XML_BYTES = 64 * 1024 * 1024;

export class DocxError extends Error {
  constructor(
    readonly code: 'not_docx' | 'docx_damaged' | 'docx_too_large',
    message: string,
  ) {
    super(message);
    this.name = 'DocxError';
  }
}

function documentXml(bytes: Uint8Array): string {
  let declared = -1;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (entry) => {
        if (entry.name !== DOCUMENT) return false;
        declared = entry.originalSize;
        return entry.originalSize <= MAX_DOCUMENT_XML_BYTES;
      },
    });
  } catch {
    throw new DocxError('docx_damaged', 'This Word file is damaged and cannot be read. Open it in Word and save it again, or save it as plain text.');
  }
  if (declared > MAX_DOCUMENT_XML_BYTES) throw new DocxError('docx_too_large', 'This Word file holds too much text for one interview. Split it into smaller files.');
  const xml = entries[DOCUMENT];
  if (!xml) throw new DocxError('not_docx', 'This is not a Word document (.docx): it has no document text.');
  return strFromU8(xml);
}

/** Elements whose text is not part of the running text. */
const SKIPPED = new Set(['txbxContent', 'Fallback', 'del', 'instrText', 'delText', 'footnoteReference', 'endnoteReference']);

function runText(node: XmlNode, out: string[]): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== 1) continue;
    const element = child as XmlElement;
    const name = element.localName ?? '';
    if (SKIPPED.has(name)) continue;
    if (element.namespaceURI === W && name === 't') out.push(element.textContent ?? '');
    else if (element.namespaceURI === W && name === 'tab') out.push('\t');
    else if (element.namespaceURI === W && (name === 'br' || name === 'cr')) out.push('\n');
    else if (element.namespaceURI === W && name === 'noBreakHyphen') out.push('-');
    else runText(element, out);
  }
}

function blocks(node: XmlNode, lines: string[]): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== 1) continue;
    const element = child as XmlElement;
    if (element.namespaceURI === W && element.localName === 'p') {
      const parts: string[] = [];
      runText(element, parts);
      lines.push(...parts.join('').split('\n'));
    } else if (!SKIPPED.has(element.localName ?? '')) {
      // Tables (rows, cells), content controls and the body itself hold paragraphs further down.
      blocks(element, lines);
    }
  }
}

/** The document's paragraphs as lines of text, in reading order. */
export function docxLines(bytes: Uint8Array): string[] {
  const xml = documentXml(bytes);
  // Word never writes a DTD; one here can only be an attempt at entity expansion.
  if (/<!DOCTYPE/i.test(xml)) throw new DocxError('docx_damaged', 'This Word file is damaged and cannot be read.');
  let body: XmlElement | undefined;
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(xml, 'text/xml');
    body = doc.getElementsByTagNameNS(W, 'body')[0];
  } catch {
    throw new DocxError('docx_damaged', 'This Word file is damaged and cannot be read. Open it in Word and save it again, or save it as plain text.');
  }
  if (!body) throw new DocxError('not_docx', 'This is not a Word document (.docx): it has no document body.');
  const lines: string[] = [];
  blocks(body, lines);
  return lines;
}
