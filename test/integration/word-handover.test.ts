// Word documents a lead can hand over, checked in the file itself: evidence numbers
// that never run together and match the PDF's, headings Word's navigation pane (and a
// PDF made from the file) can list, the generated avatar, journey-map cells that give
// their text the column's whole width, and journey-map files named for their study.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sampleStudyId } from '../fixtures/archives.js';
import { call } from '../helpers/call.js';
import { openTestLibrary } from '../helpers/library.js';

type File = { fileName: string; base64: string };
const parts = (file: File) => unzipSync(new Uint8Array(Buffer.from(file.base64, 'base64')));
const part = (file: File, name: string) => strFromU8(parts(file)[name]!);

async function sample() {
  const library = await openTestLibrary({ seedSample: true });
  const studyId = await sampleStudyId(library);
  const [persona] = await call(library, 'persona.list', { studyId });
  const map = await call(library, 'journey.get', { studyId });
  return { library, studyId, persona: persona!, map };
}

/** The runs of each paragraph, as "ref:N" for a footnote reference and the text of any other run. */
function paragraphRuns(documentXml: string): string[][] {
  return [...documentXml.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs)].map((p) =>
    [...p[0].matchAll(/<w:r>.*?<\/w:r>|<w:r [^>]*>.*?<\/w:r>/gs)].map((r) => {
      const ref = /<w:footnoteReference w:id="(\d+)"/.exec(r[0]);
      return ref ? `ref:${ref[1]}` : [...r[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
    }),
  );
}

const isSuperscriptNumber = (run: string) => /^ref:\d+$/.test(run) || /^\d+$/.test(run);

describe('Word documents a lead can hand over', () => {
  it('separates evidence numbers with commas and writes one footnote per source, as many as the PDF lists', async () => {
    const { library, persona } = await sample();
    const docx = await call(library, 'persona.export', { personaId: persona.id, format: 'docx' });
    const html = Buffer.from((await call(library, 'persona.export', { personaId: persona.id, format: 'html' })).base64, 'base64').toString('utf8');
    const sources = html.match(/<li id="note-\d+">/g)!.length;
    expect(sources).toBeGreaterThan(5);

    const runs = paragraphRuns(part(docx, 'word/document.xml'));
    for (const paragraph of runs) {
      for (let i = 1; i < paragraph.length; i++) {
        // Two evidence numbers side by side would read as one number ("15" "16" → 1516).
        expect(isSuperscriptNumber(paragraph[i - 1]!) && isSuperscriptNumber(paragraph[i]!), paragraph.join('|')).toBe(false);
      }
    }
    const references = runs.flat().filter((r) => r.startsWith('ref:'));
    expect(references).toEqual(Array.from({ length: sources }, (_, i) => `ref:${i + 1}`));
    const footnotes = part(docx, 'word/footnotes.xml').match(/<w:footnote w:id="[1-9]\d*"/g) ?? [];
    expect(footnotes).toHaveLength(sources);
    // A statement citing several sources shows "a,b".
    expect(runs.some((p) => p.join('|').match(/ref:\d+\|,\|(ref:)?\d+/))).toBe(true);
  });

  it('gives headings outline levels, with the persona’s name as the top heading', async () => {
    const { library, persona } = await sample();
    const docx = await call(library, 'persona.export', { personaId: persona.id, format: 'docx' });
    const styles = part(docx, 'word/styles.xml');
    const style = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}".*?</w:style>`, 's').exec(styles)?.[0] ?? '';
    expect(style('Heading1')).toContain('<w:outlineLvl w:val="0"/>');
    expect(style('Heading2')).toContain('<w:outlineLvl w:val="1"/>');
    const xml = part(docx, 'word/document.xml');
    const headings = [...xml.matchAll(/<w:pStyle w:val="(Title|Heading\d)"\/>.*?<w:t[^>]*>([^<]*)<\/w:t>/gs)].map((m) => `${m[1]}:${m[2]}`);
    expect(headings[0]).toBe(`Heading1:${persona.name}`);
    expect(headings.filter((h) => h.startsWith('Heading1'))).toHaveLength(1);
    expect(headings).toContain('Heading2:Motivations');
  });

  it('draws a generated avatar in the Word document, as the PDF does', async () => {
    const { library, persona } = await sample();
    expect(persona.avatar).toMatch(/^generated:/);
    const docx = await call(library, 'persona.export', { personaId: persona.id, format: 'docx' });
    const media = Object.keys(parts(docx)).filter((name) => name.startsWith('word/media/'));
    expect(media.some((name) => name.endsWith('.png'))).toBe(true);
    const svg = media.find((name) => name.endsWith('.svg'));
    expect(svg && part(docx, svg)).toContain('>CF</text>');
    expect(part(docx, 'word/document.xml')).toContain('<w:drawing>');
  });

  it('lets journey-map cells give their text the column’s whole width: a narrow bullet indent, fixed column widths', async () => {
    const { library, map } = await sample();
    const docx = await call(library, 'journey.export', { mapId: map.id, format: 'docx' });
    const numbering = part(docx, 'word/numbering.xml');
    const xml = part(docx, 'word/document.xml');
    const cellNumId = /<w:tc>.*?<w:numId w:val="(\d+)"\/>/s.exec(xml)![1];
    const abstractId = new RegExp(`<w:num w:numId="${cellNumId}"[^>]*>\\s*<w:abstractNumId w:val="(\\d+)"/`).exec(numbering)![1];
    const level = new RegExp(`<w:abstractNum [^>]*w:abstractNumId="${abstractId}".*?<w:lvl [^>]*w:ilvl="0".*?</w:lvl>`, 's').exec(numbering)![0];
    const left = Number(/<w:ind w:left="(\d+)"/.exec(level)![1]);
    expect(left).toBeLessThanOrEqual(200);
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
    const grid = [.../<w:tblGrid>(.*?)<\/w:tblGrid>/s.exec(xml)![1]!.matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]));
    expect(grid.reduce((a, b) => a + b, 0)).toBeGreaterThan(15000); // the landscape A4 page's width less 1 cm margins: 15704
  });

  it('names a journey map’s file and document for its study, without repeating a default title', async () => {
    const { library, studyId, map } = await sample();
    const study = (await call(library, 'study.list', {})).find((s) => s.id === studyId)!;
    await call(library, 'journey.update', { mapId: map.id, title: 'Customer journey map' });
    const docx = await call(library, 'journey.export', { mapId: map.id, format: 'docx' });
    expect(docx.fileName).toBe(`${study.name} - Customer journey map.docx`);
    const html = Buffer.from((await call(library, 'journey.export', { mapId: map.id, format: 'html' })).base64, 'base64').toString('utf8');
    expect(html).toContain(`<h1>${study.name}</h1>`);
    expect(html.match(/Customer journey map/gi)).toHaveLength(2); // the eyebrow and the page's <title>, not the heading
    const text = part(docx, 'word/document.xml');
    expect(text).toContain(study.name);

    await call(library, 'journey.update', { mapId: map.id, title: 'Weekend buyers' });
    const md = await call(library, 'journey.export', { mapId: map.id, format: 'markdown' });
    expect(md.fileName).toBe(`${study.name} - Weekend buyers.md`);
    expect(Buffer.from(md.base64, 'base64').toString('utf8')).toContain(study.name);
  });
});
