// A small XML writer for exports read by other tools (REFI-QDA projects). User text
// only ever enters as text or attribute values, and both are escaped here, so no
// note or tag name can change the document's structure.
//
// Two traps of XML 1.0 handled on purpose:
// - Some characters cannot appear in an XML document at all, escaped or not (most
//   C0 controls, lone surrogates, U+FFFE/U+FFFF): `xmlSafeText` replaces each with
//   U+FFFD, one character for one, so character offsets computed on the cleaned text
//   stay valid.
// - Parsers normalise line ends in text (CR LF and CR become LF) and whitespace in
//   attribute values (tab, CR and LF become spaces): those are written as character
//   references so the text a reader gets back is exactly the text written.

export type XmlAttributes = Record<string, string | number | boolean | null | undefined>;

export interface XmlElement {
  name: string;
  attributes: XmlAttributes;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

/** Builds an element; attributes that are null or undefined are left out. */
export function el(name: string, attributes: XmlAttributes = {}, children: ReadonlyArray<XmlNode | null | undefined | false> = []): XmlElement {
  return { name, attributes, children: children.filter((c): c is XmlNode => c !== null && c !== undefined && c !== false) };
}

// Tab, LF and CR are allowed; the rest of C0 and the two noncharacters are not. With the
// `u` flag a surrogate range matches only lone surrogates (a valid pair is one code point).
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

/** The text with every character XML 1.0 cannot carry replaced by U+FFFD (same number of characters). */
export function xmlSafeText(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD');
}

function escapeText(text: string): string {
  return xmlSafeText(text).replace(/[&<>\r]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&#xD;'));
}

const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#x9;', '\n': '&#xA;', '\r': '&#xD;' };

function escapeAttribute(value: string): string {
  return xmlSafeText(value).replace(/[&<>"\t\n\r]/g, (ch) => ATTRIBUTE_ESCAPES[ch] ?? ch);
}

const NAME = /^[A-Za-z_][\w.:-]*$/;

function writeElement(node: XmlElement, indent: string, out: string[]): void {
  // Names come from our code, never from user text; a bad one is a programming error.
  if (!NAME.test(node.name)) throw new Error(`Not an XML name: ${node.name}`);
  let open = `<${node.name}`;
  for (const [key, value] of Object.entries(node.attributes)) {
    if (value === null || value === undefined) continue;
    if (!NAME.test(key)) throw new Error(`Not an XML attribute name: ${key}`);
    open += ` ${key}="${escapeAttribute(String(value))}"`;
  }
  if (node.children.length === 0) {
    out.push(`${indent}${open}/>`);
    return;
  }
  // Text content is written exactly as it is, with no indentation around it.
  if (node.children.some((child) => typeof child === 'string')) {
    const inner = node.children.map((child) => (typeof child === 'string' ? escapeText(child) : serializeInline(child))).join('');
    out.push(`${indent}${open}>${inner}</${node.name}>`);
    return;
  }
  out.push(`${indent}${open}>`);
  for (const child of node.children) writeElement(child as XmlElement, `${indent}  `, out);
  out.push(`${indent}</${node.name}>`);
}

function serializeInline(node: XmlElement): string {
  const out: string[] = [];
  writeElement(node, '', out);
  return out.join('');
}

/** The whole document, UTF-8, with its declaration; elements holding only elements are indented. */
export function serializeXml(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>'];
  writeElement(root, '', out);
  return `${out.join('\n')}\n`;
}
