// An archive made without personal data: no participant's real name or contact
// anywhere in the file (real names typed into notes and statements become codes),
// and the archive still imports whole. Withdrawn participants are gone with
// everything that was theirs from every archive, with personal data or without.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_ENTRY } from '../../shared/archive/format.js';
import { exportArchive, importInput, readJson, unpack } from '../fixtures/archives.js';
import { archiveText, P01, P01_NOTE, P02, P02_NOTE, personalStudy } from '../fixtures/personal-study.js';
import { call } from '../helpers/call.js';
import { openTestLibrary, RESOURCES_DIR } from '../helpers/library.js';

const sample = JSON.parse(fs.readFileSync(path.join(RESOURCES_DIR, 'sample-study', 'study.json'), 'utf8')) as { sessions: Parameters<typeof P02_NOTE>[0] };

describe('archives without personal data', () => {
  it('leaves out real names and contacts when the request does not ask for them', async () => {
    const library = await openTestLibrary({ seedSample: true });
    const { studyId } = await personalStudy(library);
    const file = await call(library, 'archive.export', { studyId });
    const entries = unpack(Buffer.from(file.base64, 'base64'));
    expect(readJson(entries, MANIFEST_ENTRY).personalData).toBe(false);
    const text = archiveText(entries);
    for (const value of [P01.realName, P01.contact]) expect(text).not.toContain(value);
  });

  it('carries real names and contacts only when asked to, and never a withdrawn participant', async () => {
    const library = await openTestLibrary({ seedSample: true });
    const { studyId, p02 } = await personalStudy(library);
    const full = archiveText(unpack(await exportArchive(library, studyId, true)));
    for (const value of [P01.realName, P01.contact]) expect(full).toContain(value);
    // P02 withdrew consent: not their name, contact, id or words, even in a full backup.
    for (const value of [P02.realName, P02.contact, P02_NOTE(sample.sessions), p02.id]) expect(full).not.toContain(value);
  });

  it('leaves out real names, contacts and withdrawn participants, and the result imports whole', async () => {
    const library = await openTestLibrary({ seedSample: true });
    const { studyId, p02 } = await personalStudy(library);
    const archive = await exportArchive(library, studyId, false);
    const entries = unpack(archive);
    expect(readJson(entries, MANIFEST_ENTRY).personalData).toBe(false);

    const text = archiveText(entries);
    for (const value of [P01.realName, P01.contact, P02.realName, P02.contact, P02_NOTE(sample.sessions), p02.id]) expect(text).not.toContain(value);
    expect(text).toContain('P01说他不想再等三天拿报价了');
    expect(text).toContain('像P01这样的爸爸要七座');

    const target = await openTestLibrary();
    const imported = await call(target, 'archive.import', importInput(archive));
    expect(imported).toMatchObject({ status: 'imported', studyId, personalData: false });
    const { db } = target.context;
    expect(db.prepare("SELECT count(*) FROM participant WHERE real_name <> '' OR contact <> '' OR withdrawn_at IS NOT NULL").pluck().get()).toBe(0);
    // P02 withdrew in the fixture, P08 in the sample itself.
    expect(db.prepare('SELECT group_concat(code) FROM participant ORDER BY code').pluck().get()).toBe('P01,P03,P04,P05,P06,P07');
    expect(db.prepare("SELECT count(*) FROM note WHERE plain_text LIKE '%' || ? || '%'").pluck().get(P01_NOTE)).toBe(0);
    const sessionsBefore = (await call(library, 'session.list', { studyId })).filter((s) => s.participantId !== p02.id).length;
    expect((await call(target, 'session.list', { studyId })).length).toBe(sessionsBefore);
  });
});
