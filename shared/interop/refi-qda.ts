// The REFI-QDA project file (`project.qde`, namespace urn:QDA-XML:project:1.0), the
// exchange format NVivo, ATLAS.ti, MAXQDA and QualCoder read. This module holds the
// part of the model a Fieldwork study fills and writes it in the schema's element
// order (Project: Users, CodeBook, Variables, Cases, Sources, Links, Description).
//
// Positions of a PlainTextSelection count Unicode code points of the source's plain
// text from 0, the end exclusive (REFI-QDA 1.5, plain text selections): not bytes and
// not UTF-16 code units, so an emoji is one position and a Chinese character is one.
import { el, serializeXml, type XmlElement } from './xml.js';

export const QDA_NAMESPACE = 'urn:QDA-XML:project:1.0';

export interface QdaUser {
  guid: string;
  name: string;
}

export interface QdaCode {
  guid: string;
  name: string;
  /** False for a folder that only gathers codes (a taxonomy's parent code). */
  isCodable: boolean;
  color?: string | undefined;
  description?: string | undefined;
  children: QdaCode[];
}

export interface QdaVariable {
  guid: string;
  name: string;
  description?: string | undefined;
}

export interface QdaCase {
  guid: string;
  name: string;
  values: Array<{ variableGuid: string; value: string }>;
  sourceGuids: string[];
}

export interface QdaCoding {
  guid: string;
  codeGuid: string;
  creatingUser?: string | undefined;
}

export interface QdaSelection {
  guid: string;
  name: string;
  description?: string | undefined;
  /** Code points from the start of the source's plain text; `end` is exclusive. */
  start: number;
  end: number;
  creatingUser?: string | undefined;
  codings: QdaCoding[];
}

export interface QdaTextSource {
  guid: string;
  name: string;
  description?: string | undefined;
  /** Where the text is, as a file inside the project archive ("internal://<file>"); when set, `content` is written to that file, not inline. */
  plainTextPath?: string | undefined;
  content: string;
  creatingUser?: string | undefined;
  creationDateTime?: string | undefined;
  selections: QdaSelection[];
}

export interface QdaLink {
  guid: string;
  name: string;
  originGuid: string;
  targetGuid: string;
}

export interface QdaProject {
  name: string;
  origin: string;
  creationDateTime: string;
  creatingUser: string;
  description?: string | undefined;
  users: QdaUser[];
  codes: QdaCode[];
  variables: QdaVariable[];
  cases: QdaCase[];
  sources: QdaTextSource[];
  links: QdaLink[];
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** True for the schema's GUID form, 8-4-4-4-12 hexadecimal digits. */
export const isQdaGuid = (guid: string): boolean => GUID.test(guid);

/** The number of Unicode code points in a string (what REFI-QDA positions count). */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

const description = (text: string | undefined) => (text ? el('Description', {}, [text]) : null);

function codeElement(code: QdaCode): XmlElement {
  return el('Code', { guid: code.guid, name: code.name, isCodable: code.isCodable, color: code.color }, [
    description(code.description),
    ...code.children.map(codeElement),
  ]);
}

function sourceElement(source: QdaTextSource): XmlElement {
  return el(
    'TextSource',
    {
      guid: source.guid,
      name: source.name,
      plainTextPath: source.plainTextPath,
      creatingUser: source.creatingUser,
      creationDateTime: source.creationDateTime,
    },
    [
      description(source.description),
      // The standard allows the text inline or by path, never both: a path wins, the file carries the text.
      source.plainTextPath === undefined ? el('PlainTextContent', {}, [source.content]) : null,
      ...source.selections.map((s) =>
        el('PlainTextSelection', { guid: s.guid, name: s.name, startPosition: s.start, endPosition: s.end, creatingUser: s.creatingUser }, [
          description(s.description),
          ...s.codings.map((c) => el('Coding', { guid: c.guid, creatingUser: c.creatingUser }, [el('CodeRef', { targetGUID: c.codeGuid })])),
        ]),
      ),
    ],
  );
}

function caseElement(c: QdaCase): XmlElement {
  return el('Case', { guid: c.guid, name: c.name }, [
    ...c.values.map((v) => el('VariableValue', {}, [el('VariableRef', { targetGUID: v.variableGuid }), el('TextValue', {}, [v.value])])),
    ...c.sourceGuids.map((guid) => el('SourceRef', { targetGUID: guid })),
  ]);
}

/** The project as `project.qde` text (UTF-8 XML). */
export function projectXml(project: QdaProject): string {
  const nonEmpty = <T>(items: readonly T[], element: () => XmlElement) => (items.length > 0 ? element() : null);
  return serializeXml(
    el(
      'Project',
      {
        xmlns: QDA_NAMESPACE,
        name: project.name,
        origin: project.origin,
        creatingUserGUID: project.creatingUser,
        creationDateTime: project.creationDateTime,
      },
      [
        el('Users', {}, project.users.map((u) => el('User', { guid: u.guid, name: u.name }))),
        nonEmpty(project.codes, () => el('CodeBook', {}, [el('Codes', {}, project.codes.map(codeElement))])),
        nonEmpty(project.variables, () =>
          el('Variables', {}, project.variables.map((v) => el('Variable', { guid: v.guid, name: v.name, typeOfVariable: 'Text' }, [description(v.description)]))),
        ),
        nonEmpty(project.cases, () => el('Cases', {}, project.cases.map(caseElement))),
        nonEmpty(project.sources, () => el('Sources', {}, project.sources.map(sourceElement))),
        nonEmpty(project.links, () =>
          el('Links', {}, project.links.map((l) => el('Link', { guid: l.guid, name: l.name, direction: 'OneWay', originGUID: l.originGuid, targetGUID: l.targetGuid }))),
        ),
        description(project.description),
      ],
    ),
  );
}
