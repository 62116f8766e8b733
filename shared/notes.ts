// Interview notes as stored: the rich-text editor's JSON state, one document per
// session and question. Each paragraph carries node state (`$`) with a stable
// paragraph key (`pid`, which findings point at) and the elapsed session time at
// which it was started (`at`, milliseconds). Pure functions, used by the core
// (sample study, search text, export) and the renderer alike.

export interface NoteParagraph {
  pid: string;
  atMs: number;
  text: string;
}

// Type aliases, not interfaces: they fit the contract's open-ended editor-state schema.
type SerializedText = {
  type: 'text';
  text: string;
  detail: 0;
  format: number;
  mode: 'normal';
  style: '';
  version: 1;
};

type SerializedParagraph = {
  type: 'paragraph';
  children: SerializedText[];
  direction: 'ltr' | null;
  format: '';
  indent: 0;
  textFormat: 0;
  textStyle: '';
  version: 1;
  $: { pid: string; at: number };
};

export type SerializedNote = {
  root: {
    type: 'root';
    children: SerializedParagraph[];
    direction: 'ltr' | null;
    format: '';
    indent: 0;
    version: 1;
  };
};

/** Builds an editor state holding plain paragraphs. */
export function noteFromParagraphs(paragraphs: readonly NoteParagraph[]): SerializedNote {
  return {
    root: {
      type: 'root',
      direction: paragraphs.length ? 'ltr' : null,
      format: '',
      indent: 0,
      version: 1,
      children: paragraphs.map((p) => ({
        type: 'paragraph',
        direction: 'ltr',
        format: '',
        indent: 0,
        textFormat: 0,
        textStyle: '',
        version: 1,
        $: { pid: p.pid, at: p.atMs },
        children: [{ type: 'text', text: p.text, detail: 0, format: 0, mode: 'normal', style: '', version: 1 }],
      })),
    },
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Nesting deeper than any real note is ignored rather than followed (no stack overflow). */
const MAX_DEPTH = 64;

function collectText(node: Json, out: string[], depth = 0): void {
  if (node === null || typeof node !== 'object' || depth > MAX_DEPTH) return;
  if (Array.isArray(node)) {
    for (const child of node) collectText(child, out, depth + 1);
    return;
  }
  if (node.type === 'text' && typeof node.text === 'string') out.push(node.text);
  else if (node.type === 'linebreak') out.push('\n');
  if (Array.isArray(node.children)) collectText(node.children, out, depth + 1);
}

/** The note's paragraphs as plain text, one per line, for search and export. */
export function notePlainText(state: unknown): string {
  const root = (state as { root?: { children?: Json[] } } | null)?.root;
  if (!root || !Array.isArray(root.children)) return '';
  return root.children
    .map((block) => {
      const parts: string[] = [];
      collectText(block, parts);
      return parts.join('');
    })
    .join('\n');
}

/** A stored note's top-level paragraphs with their key, time and plain text (null where a paragraph carries none). */
export function noteParagraphs(state: unknown): Array<{ pid: string | null; atMs: number | null; text: string }> {
  const root = (state as { root?: { children?: Json[] } } | null)?.root;
  if (!root || !Array.isArray(root.children)) return [];
  return root.children.map((block) => {
    const parts: string[] = [];
    collectText(block, parts);
    const meta = block !== null && typeof block === 'object' && !Array.isArray(block) ? block.$ : undefined;
    const fields = meta !== null && typeof meta === 'object' && !Array.isArray(meta) ? meta : {};
    return {
      pid: typeof fields.pid === 'string' ? fields.pid : null,
      atMs: typeof fields.at === 'number' && Number.isFinite(fields.at) ? fields.at : null,
      text: parts.join(''),
    };
  });
}

/** Parses "mm:ss" (minutes may exceed 59) into milliseconds. */
export function clockToMs(clock: string): number {
  const match = /^(\d+):([0-5]\d)$/.exec(clock);
  if (!match) throw new Error(`Not a mm:ss time: ${clock}`);
  return (Number(match[1]) * 60 + Number(match[2])) * 1000;
}

/** Formats milliseconds as "mm:ss" for the margin of a note. */
export function msToClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}
