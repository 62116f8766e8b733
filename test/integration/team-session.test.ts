// Live team sessions on the host's side: a study's board opened to teammates on one
// loopback address, links per role, the guest listener that serves teammates' operations
// only (checked by role and study on the host, whatever a page sends by hand), people
// removed at once, links rotated, and everything dead once the team session ends.
import { X509Certificate } from 'node:crypto';
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import type { TeamStatus } from '../../shared/api/team.js';
import { TEAM_ROLES } from '../../shared/api/team-roles.js';
import { call } from '../helpers/call.js';
import { startTestServer } from '../helpers/server.js';
import { guestCall, httpsGet, invitationOf, join, openGuestSocket } from '../helpers/teammate.js';
import type { Library } from '../../electron/core/library.js';

async function boardStudy(library: Library, name = '购车旅程 Car buying') {
  const study = await call(library, 'study.create', { name });
  const { stages } = await call(library, 'study.overview', { id: study.id });
  const group = await call(library, 'board.createGroup', { studyId: study.id, stageId: stages[0]!.id, name: 'Slow quotes', findingIds: [] });
  return { study, stages, group };
}

async function hostTeamSession(options: { trustedNetwork?: boolean } = { trustedNetwork: true }) {
  const { library, server } = await startTestServer();
  const { study, stages, group } = await boardStudy(library);
  const status = await call(library, 'team.start', { studyId: study.id, ip: '127.0.0.1', ...options });
  return { library, server, study, stages, group, status };
}

const codeOf = (answer: { body: { error?: { code: string; reason?: string } } }) => `${answer.body.error?.code}/${answer.body.error?.reason ?? ''}`;

describe('live team sessions', () => {
  it('listens on the one address the host picked, with a link and QR code per role, the invitation kept in the fragment', async () => {
    const { library } = await startTestServer();
    const { study } = await boardStudy(library);
    for (const ip of ['0.0.0.0', '::', '203.0.113.9']) {
      const refused = await library.dispatch('team.start', { studyId: study.id, ip });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', reason: 'team.bad_address' } });
    }
    expect(await call(library, 'team.status', {})).toBeNull();

    const status = await call(library, 'team.start', { studyId: study.id, ip: '127.0.0.1' });
    expect(status.secure).toBe(true);
    expect(status.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(status.links.map((l) => l.role)).toEqual([...TEAM_ROLES]);
    for (const link of status.links) {
      const url = new URL(link.url);
      expect(url.protocol).toBe('https:');
      expect(url.hostname).toBe('127.0.0.1');
      // Nothing secret before the fragment: the path and query a server could log are bare.
      expect(`${url.pathname}${url.search}`).toBe('/');
      expect(url.hash).toMatch(/^#\/team\/join\?invitation=[A-Za-z0-9_-]{43}&role=/);
      expect(url.hash).toContain(`fp=${status.fingerprint!.replaceAll(':', '')}`);
      expect(link.qrSvg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
    }
    // The library keeps no token that would let a copy of its file in.
    const stored = JSON.stringify(library.context.db.prepare('SELECT * FROM team_invite').all());
    for (const link of status.links) expect(stored).not.toContain(invitationOf(status, link.role).invitation);

    // The page is served over HTTPS with the certificate whose fingerprint the host shows.
    const row = library.context.db.prepare('SELECT certificate FROM team_session').get() as { certificate: string };
    expect(new X509Certificate(row.certificate).fingerprint256).toBe(status.fingerprint);
    const page = await httpsGet(`${invitationOf(status, 'editor').origin}/`, row.certificate);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');

    const second = await library.dispatch('team.start', { studyId: study.id, ip: '127.0.0.1' });
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'team.already_running' } });
  });

  it('lets a teammate in with a link and a name, shows the host who is here, and serves teammates nothing of the host’s API', async () => {
    const { library, server, study, status } = await hostTeamSession();
    const editor = await join(status, 'editor', '小林 Lin');
    expect(editor).toMatchObject({ role: 'editor', name: '小林 Lin', studyId: study.id, studyName: '购车旅程 Car buying' });
    expect(editor.color).toMatch(/^#[0-9a-f]{6}$/);

    const board = await editor.call('board.get', { studyId: study.id });
    expect(board.status).toBe(200);
    expect((board.body.value as { groups: Array<{ name: string }> }).groups.map((g) => g.name)).toEqual(['Slow quotes']);
    expect((await editor.call('team.me', {})).body.value).toMatchObject({ memberId: editor.memberId, role: 'editor' });

    const socket = await openGuestSocket(editor.origin, editor.credential);
    await expect.poll(async () => (await call(library, 'team.status', {}))!.people.map((p) => [p.name, p.role, p.connected])).toEqual([['小林 Lin', 'editor', true]]);

    // The host's operations do not exist on the guest listener, whatever the credential.
    for (const name of ['study.list', 'participant.list', 'snapshot.list', 'archive.export', 'team.start', 'team.remove', 'app.info']) {
      const answer = await editor.call(name, { studyId: study.id });
      expect(answer.status, name).toBe(404);
      expect(answer.body.error?.code, name).toBe('unknown_operation');
    }
    // And a teammate's credential opens nothing on the host's own listener.
    const onHost = await fetch(`${server.origin}/api/board.get`, { method: 'POST', headers: { 'x-fieldwork-token': editor.credential }, body: JSON.stringify({ studyId: study.id }) });
    expect(onHost.status).toBe(401);
    // Without a credential, only joining answers.
    const anonymous = await guestCall(editor.origin, 'board.get', { studyId: study.id });
    expect(anonymous.status).toBe(401);
    const badInvitation = await guestCall(editor.origin, 'team.join', { invitation: 'x'.repeat(43), name: 'Someone' });
    expect(codeOf(badInvitation)).toBe('forbidden/team.invitation_invalid');
    socket.socket.close();
  });

  it('checks every teammate’s write on the host: a viewer’s by-hand move is refused, an editor’s is committed and reaches the others', async () => {
    const { library, study, stages, group, status } = await hostTeamSession();
    const finding = (await call(library, 'board.get', { studyId: study.id })).cards;
    expect(finding).toEqual([]);
    const participant = await call(library, 'participant.create', { studyId: study.id, fields: { code: 'P01' } });
    const guide = await call(library, 'guide.create', { studyId: study.id, source: { kind: 'template', language: 'zh-Hans' } });
    const session = await call(library, 'session.create', { studyId: study.id, participantId: participant.id, guideVersionId: guide.version.id, interviewer: 'Host' });
    const card = await call(library, 'finding.create', { sessionId: session.id, questionId: null, paragraphKey: null, text: '等了三天才拿到报价', type: 'pain_point' });

    const viewer = await join(status, 'viewer', 'Viewer');
    const editor = await join(status, 'editor', 'Editor');
    const facilitator = await join(status, 'facilitator', 'Facilitator');
    const viewerSocket = await openGuestSocket(viewer.origin, viewer.credential);
    const facilitatorSocket = await openGuestSocket(facilitator.origin, facilitator.credential);

    const move = { studyId: study.id, findingIds: [card.id], stageId: stages[1]!.id, groupId: null, beforeId: null };
    const refused = await viewer.call('board.moveCards', move);
    expect(refused.status).toBe(403);
    expect(codeOf(refused)).toBe('forbidden/team.role_refused');
    expect((await call(library, 'board.get', { studyId: study.id })).cards[0]!.stageId).toBeNull();
    // Viewers read the board all the same.
    expect((await viewer.call('board.get', { studyId: study.id })).status).toBe(200);

    const moved = await editor.call('board.moveCards', move, { 'x-fieldwork-mutation': 'editor-move-0001' });
    expect(moved.status).toBe(200);
    expect((await call(library, 'board.get', { studyId: study.id })).cards[0]!.stageId).toBe(stages[1]!.id);
    for (const socket of [viewerSocket, facilitatorSocket]) {
      await expect.poll(() => socket.events.some((e) => e.event === 'library.changed' && e.payload.operation === 'board.moveCards')).toBe(true);
    }
    // The change names its writer; the editor's own mutation id comes back to them as they sent it.
    const editorSocket = await openGuestSocket(editor.origin, editor.credential);
    const since = await editor.call('change.since', { revision: editorSocket.revision - 5 });
    const own = (since.body.value as { changes: Array<{ operation: string; mutationId: string | null; actor: string | null }> }).changes.find((c) => c.operation === 'board.moveCards')!;
    expect(own.mutationId).toBe('editor-move-0001');
    expect(own.actor).toBe(`team-${editor.memberId}`);
    // Group renames with a stale base are refused as for anyone.
    const renamed = await editor.call('board.updateGroup', { id: group.id, fields: { name: 'Quotes take days' } });
    expect(renamed.status).toBe(200);
    for (const s of [viewerSocket, facilitatorSocket, editorSocket]) s.socket.close();
  });

  it('refuses a teammate’s call that names another study’s records, and writes nothing there', async () => {
    const { library, status } = await hostTeamSession();
    const other = await boardStudy(library, 'Private study');
    const editor = await join(status, 'editor', 'Editor');
    const byStudy = await editor.call('board.get', { studyId: other.study.id });
    expect(codeOf(byStudy)).toBe('forbidden/team.outside_study');
    const byId = await editor.call('board.updateGroup', { id: other.group.id, fields: { name: 'Renamed from outside' } });
    expect(codeOf(byId)).toBe('forbidden/team.outside_study');
    expect((await call(library, 'board.get', { studyId: other.study.id })).groups[0]!.name).toBe('Slow quotes');
    const undo = await editor.call('board.undo', { studyId: other.study.id });
    expect(codeOf(undo)).toBe('forbidden/team.outside_study');
    // Reads that name their record by id alone are checked too.
    expect(codeOf(await editor.call('study.overview', { id: other.study.id }))).toBe('forbidden/team.outside_study');
    const participant = await call(library, 'participant.create', { studyId: other.study.id, fields: { code: 'P09' } });
    const guide = await call(library, 'guide.create', { studyId: other.study.id, source: { kind: 'template', language: 'en' } });
    const interview = await call(library, 'session.create', { studyId: other.study.id, participantId: participant.id, guideVersionId: guide.version.id, interviewer: 'Host' });
    expect(codeOf(await editor.call('session.get', { id: interview.id }))).toBe('forbidden/team.outside_study');
    expect((await editor.call('study.overview', { id: status.studyId })).status).toBe(200);

    // Changes in other studies never reach a teammate, not even as a revision.
    const socket = await openGuestSocket(editor.origin, editor.credential);
    await call(library, 'board.updateGroup', { id: other.group.id, fields: { name: 'Host renamed it' } });
    await call(library, 'study.rename', { id: other.study.id, name: 'Still private' });
    const since = await editor.call('change.since', { revision: 0 });
    const seen = (since.body.value as { changes: Array<{ studies: Array<{ studyId: string | null }> }> }).changes.flatMap((c) => c.studies.map((s) => s.studyId));
    expect(seen).not.toContain(other.study.id);
    expect(new Set(seen)).toEqual(new Set([status.studyId]));
    await call(library, 'board.updateGroup', { id: (await call(library, 'board.get', { studyId: status.studyId })).groups[0]!.id, fields: { name: 'Seen by the team' } });
    await expect.poll(() => socket.events.length).toBe(1);
    expect(socket.events[0]!.payload.studies).toEqual([{ studyId: status.studyId, kinds: ['board'] }]);
    socket.socket.close();
  });

  it('undoes only the teammate’s own board action', async () => {
    const { library, study, group, status } = await hostTeamSession();
    const first = await join(status, 'editor', 'First');
    const second = await join(status, 'editor', 'Second');
    await first.call('board.updateGroup', { id: group.id, fields: { name: 'Named by first' } });
    const theme = await second.call('board.createTheme', { studyId: study.id, name: 'Theme by second', groupIds: [] });
    expect(theme.status).toBe(200);
    const undone = await first.call('board.undo', { studyId: study.id });
    expect(undone.status).toBe(200);
    const board = await call(library, 'board.get', { studyId: study.id });
    expect(board.groups[0]!.name).toBe('Slow quotes');
    expect(board.themes.map((t) => t.name)).toEqual(['Theme by second']);
  });

  it('removes a person at once: their connection closes with "removed" and their credential stops working', async () => {
    const { library, status } = await hostTeamSession();
    const editor = await join(status, 'editor', 'To be removed');
    const stays = await join(status, 'viewer', 'Stays');
    const socket = await openGuestSocket(editor.origin, editor.credential);
    const after = await call(library, 'team.remove', { memberId: editor.memberId });
    expect(after.people.map((p) => p.name)).toEqual(['Stays']);
    expect(await socket.closed).toBe(4403);
    const refused = await editor.call('board.get', { studyId: status.studyId });
    expect(refused.status).toBe(401);
    expect(codeOf(refused)).toBe('forbidden/team.not_in_session');
    await expect(openGuestSocket(editor.origin, editor.credential)).rejects.toThrow(/closed with 4401/);
    expect((await stays.call('board.get', { studyId: status.studyId })).status).toBe(200);
  });

  it('changes a role on the host: the page is told to ask again, and the new role is what the host checks', async () => {
    const { library, study, stages, status } = await hostTeamSession();
    const person = await join(status, 'editor', 'Demoted');
    const socket = await openGuestSocket(person.origin, person.credential);
    await call(library, 'team.setRole', { memberId: person.memberId, role: 'viewer' });
    expect(await socket.closed).toBe(4409);
    expect((await person.call('team.me', {})).body.value).toMatchObject({ role: 'viewer' });
    const move = await person.call('board.createGroup', { studyId: study.id, stageId: stages[0]!.id, name: 'Not allowed', findingIds: [] });
    expect(codeOf(move)).toBe('forbidden/team.role_refused');
  });

  it('rotates the links: the old ones stop working, people already in stay', async () => {
    const { library, status } = await hostTeamSession();
    const inside = await join(status, 'editor', 'Inside');
    const rotated = await call(library, 'team.rotateLinks', {});
    const old = invitationOf(status, 'editor');
    expect(codeOf(await guestCall(old.origin, 'team.join', { invitation: old.invitation, name: 'Late' }))).toBe('forbidden/team.invitation_invalid');
    expect((await inside.call('board.get', { studyId: status.studyId })).status).toBe(200);
    const late = await join(rotated, 'viewer', 'Late');
    expect(late.role).toBe('viewer');
  });

  it('ends the team session: every link and credential dies with it and the listener closes', async () => {
    const { library, status } = await hostTeamSession();
    const editor = await join(status, 'editor', 'Editor');
    const socket = await openGuestSocket(editor.origin, editor.credential);
    expect(await call(library, 'team.end', {})).toEqual({ id: status.teamSessionId });
    expect(await socket.closed).toBe(4410);
    expect(await call(library, 'team.status', {})).toBeNull();
    await expect(guestCall(editor.origin, 'board.get', { studyId: status.studyId })).rejects.toThrow();
    // A new team session does not bring the old links or credentials back.
    const next: TeamStatus = await call(library, 'team.start', { studyId: status.studyId, ip: '127.0.0.1', trustedNetwork: true });
    const origin = invitationOf(next, 'editor').origin;
    expect((await guestCall(origin, 'board.get', { studyId: status.studyId }, { 'x-fieldwork-team': editor.credential })).status).toBe(401);
    expect(codeOf(await guestCall(origin, 'team.join', { invitation: invitationOf(status, 'editor').invitation, name: 'Old link' }))).toBe('forbidden/team.invitation_invalid');
  });

  it('resumes a team session left running when the host stopped, with people’s credentials and new links', async () => {
    const { library, server, status } = await hostTeamSession();
    const editor = await join(status, 'editor', 'Back again');
    // Stopping with a teammate's page open closes it without touching the closed library (no crash).
    const open = await openGuestSocket(editor.origin, editor.credential);
    await server.close();
    expect(await open.closed).toBe(1001);
    await startTestServer({ library });
    const resumed = (await call(library, 'team.status', {}))!;
    expect(resumed.teamSessionId).toBe(status.teamSessionId);
    expect(resumed.port).toBe(status.port);
    expect(resumed.links[0]!.url).not.toBe(status.links[0]!.url);
    // A page's pooled connection to the stopped listener fails once, as a browser's would; the next call is answered.
    await editor.call('team.me', {}).catch(() => undefined);
    expect((await editor.call('board.get', { studyId: status.studyId })).status).toBe(200);
    expect(resumed.people.map((p) => p.name)).toEqual(['Back again']);
  });

  it('relays where a teammate is on the board to the others, named as the host knows them, and stores nothing', async () => {
    const { library, study, group, status } = await hostTeamSession();
    const mover = await join(status, 'editor', '小林 Lin');
    const watcher = await join(status, 'viewer', 'Watcher');
    const noteTaker = await join(status, 'note_taker', 'Notes');
    const watching = await openGuestSocket(watcher.origin, watcher.credential);
    const notes = await openGuestSocket(noteTaker.origin, noteTaker.credential);
    const revision = library.context.changes.revision();
    const sent = await mover.call('board.presence', {
      studyId: study.id,
      client: 'tab-of-lin-0001',
      name: 'Someone else entirely',
      cursor: { kind: 'group', id: group.id, x: 0.25, y: 0.5 },
      selection: [],
      dragging: [],
    });
    expect(sent.status).toBe(200);
    await expect.poll(() => watching.events.filter((e) => e.event === 'board.presence').length).toBe(1);
    expect(watching.events.find((e) => e.event === 'board.presence')!.payload).toMatchObject({
      client: 'tab-of-lin-0001',
      name: '小林 Lin',
      color: mover.color,
      cursor: { kind: 'group', id: group.id, x: 0.25, y: 0.5 },
      left: false,
    });
    expect(notes.events.filter((e) => e.event === 'board.presence')).toEqual([]);
    expect(library.context.changes.revision()).toBe(revision);
    // Another study's board is not theirs to point at.
    const other = await boardStudy(library, 'Elsewhere');
    const outside = await mover.call('board.presence', { studyId: other.study.id, client: 'tab-of-lin-0001', cursor: null, selection: [], dragging: [] });
    expect(codeOf(outside)).toBe('forbidden/team.outside_study');
    watching.socket.close();
    notes.socket.close();
  });

  it('stops cleanly with teammates connected when the app quits and closes its library', async () => {
    const { library, server, status } = await hostTeamSession();
    const editor = await join(status, 'editor', 'Still here');
    const open = await openGuestSocket(editor.origin, editor.credential);
    const uncaught: unknown[] = [];
    const record = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', record);
    try {
      await server.close();
      library.close();
      expect(await open.closed).toBe(1001);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', record);
    }
  });

  it('refuses requests from another Host or Origin, and slows down a connection that floods the host', async () => {
    const { status } = await hostTeamSession();
    const editor = await join(status, 'editor', 'Editor');
    const foreign = await editor.call('board.get', { studyId: status.studyId }, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    // One connection (keep-alive), more requests in a row than a page ever sends.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const url = new URL(`${editor.origin}/team/api/team.me`);
    const once = () =>
      new Promise<number>((resolve, reject) => {
        const request = http.request(url, { method: 'POST', agent, headers: { 'x-fieldwork-team': editor.credential, 'content-type': 'application/json' } }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        request.on('error', reject);
        request.end('{}');
      });
    const answers = await Promise.all(Array.from({ length: 250 }, once));
    agent.destroy();
    expect(answers).toContain(429);
    expect(answers).toContain(200);
  });
});
