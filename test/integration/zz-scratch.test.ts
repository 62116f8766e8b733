import fs from 'node:fs';
import { it } from 'vitest';
import { call } from '../helpers/call.js';
import { openTestLibrary } from '../helpers/library.js';
import { sampleStudyId } from '../fixtures/archives.js';

it('scratch', async () => {
  const library = await openTestLibrary({ seedSample: true, printPdf: true });
  const studyId = await sampleStudyId(library);
  const personas = await call(library, 'persona.list', { studyId });
  const map = await call(library, 'journey.get', { studyId });
  const out = (f: { fileName: string; base64: string }, tag: string) => fs.writeFileSync(`/tmp/exp/${tag}-${f.fileName}`, Buffer.from(f.base64, 'base64'));
  for (const format of ['docx', 'pdf'] as const) {
    out(await call(library, 'persona.export', { personaId: personas[0]!.id, format }), 'p');
    out(await call(library, 'journey.export', { mapId: map.id, format }), 'j');
  }
  out(await call(library, 'interop.exportFindings', { studyId, format: 'xlsx' }), 'x');
  out(await call(library, 'interop.exportRefiQda', { studyId }), 'q');
}, 120000);
