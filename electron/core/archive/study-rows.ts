// Reads one study's rows from the library into the archive's lists (through the
// table specs), with persona pictures taken out into image files and each note's
// paragraphs written out as readable text beside its editor state.
import type Database from 'better-sqlite3';
import { parseAvatar } from '../../../shared/avatar.js';
import { IMAGE_EXTENSIONS } from '../../../shared/archive/format.js';
import type { ArchiveData } from '../../../shared/archive/read.js';
import type { ArchiveAvatar } from '../../../shared/archive/v1.js';
import { notePlainText } from '../../../shared/notes.js';
import { JOINS, TABLES, type ColumnSpec } from './tables.js';

export interface StudyRows {
  /** Shaped like the archive's data; checked against its schema by the caller. */
  data: ArchiveData;
  /** Entry name -> bytes of each persona picture. */
  images: Map<string, Buffer>;
}

type Row = Record<string, unknown>;

/** A paragraph's text, its key and the session time it was started, from the editor state. */
export function paragraphsOf(content: unknown): Array<{ pid: string; atMs: number | null; text: string }> {
  const children = (content as { root?: { children?: unknown } } | null)?.root?.children;
  if (!Array.isArray(children)) return [];
  return children.map((block: unknown) => {
    const state = (block as { $?: { pid?: unknown; at?: unknown } } | null)?.$;
    return {
      pid: typeof state?.pid === 'string' ? state.pid : '',
      atMs: typeof state?.at === 'number' && Number.isInteger(state.at) ? state.at : null,
      text: notePlainText({ root: { children: [block] } }),
    };
  });
}

function avatarOf(value: string, personaId: string, images: Map<string, Buffer>): ArchiveAvatar {
  const avatar = parseAvatar(value);
  // A stored value the app would refuse cannot have been typed in; it travels as no picture.
  if (typeof avatar === 'string' || avatar.kind === 'none') return { kind: 'none' };
  if (avatar.kind === 'generated') return { kind: 'generated', palette: avatar.palette };
  const file = `images/${personaId}.${IMAGE_EXTENSIONS[avatar.mimeType]}`;
  images.set(file, Buffer.from(avatar.base64, 'base64'));
  return { kind: 'image', file };
}

function fieldValue(spec: ColumnSpec, value: unknown, row: Row, images: Map<string, Buffer>): unknown {
  switch (spec.kind) {
    case 'bool':
      return value === 1;
    case 'json':
      // Invalid stored JSON is left as text: the schema check then names the row.
      if (typeof value !== 'string') return value;
      try {
        return JSON.parse(value) as unknown;
      } catch {
        return value;
      }
    case 'terms':
      return typeof value === 'string' ? [...value] : value;
    case 'avatar':
      return avatarOf(String(value), String(row.id), images);
    default:
      return value;
  }
}

export function readStudyRows(db: Database.Database, studyId: string): StudyRows {
  const images = new Map<string, Buffer>();
  const data: Record<string, unknown> = {};
  const owners = new Map<string, Map<string, Row>>();
  for (const spec of TABLES) {
    const rows = db.prepare(`SELECT ${spec.columns.map((c) => `t.${c.column}`).join(', ')} ${spec.from}`).all(studyId) as Row[];
    const items = rows.map((row) => Object.fromEntries(spec.columns.map((c) => [c.field, fieldValue(c, row[c.column], row, images)])));
    owners.set(spec.list, new Map(items.map((item) => [String(item.id), item])));
    data[spec.list] = spec.list === 'study' ? items[0] : items;
  }
  for (const join of JOINS) {
    const byId = owners.get(join.list)!;
    for (const item of byId.values()) item[join.field] = [];
    const rows = db.prepare(`SELECT t.${join.ownerColumn} AS owner, t.${join.memberColumn} AS member ${join.from}`).all(studyId) as Array<{ owner: string; member: string }>;
    for (const { owner, member } of rows) (byId.get(owner)?.[join.field] as string[] | undefined)?.push(member);
  }
  for (const note of data.notes as Row[]) note.paragraphs = paragraphsOf(note.content);
  return { data: data as unknown as ArchiveData, images };
}
