// Creates the sample study (a car dealership's new-car buyer journey) from
// resources/sample-study/study.json, through the same repositories as user data,
// in one transaction, so a newcomer sees real-looking content on every screen.
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { clockToMs, noteFromParagraphs } from '../../../../shared/notes.js';
import { newId } from '../../db/ids.js';
import { createCausalLink, createGroup, createTheme, moveFindingToGroup, type LinkEnd } from '../../db/repos/board.js';
import { createFinding } from '../../db/repos/findings.js';
import { addQuestion, addSection, copyVersionContent, createGuide, createVersion, freezeVersion, loadSections, updateQuestion } from '../../db/repos/guides.js';
import { addJourneyItem, createJourneyMap, setEmotion } from '../../db/repos/journey.js';
import { createParticipant } from '../../db/repos/participants.js';
import { addPersonaItem, createPersona } from '../../db/repos/personas.js';
import { createSession, saveNote } from '../../db/repos/sessions.js';
import { addStageItem, updateStageDetails } from '../../db/repos/stages.js';
import { createStudy } from '../../db/repos/studies.js';
import { createTag } from '../../db/repos/tags.js';
import { SampleStudyFile } from './format.js';

export function readSampleStudy(file: string): SampleStudyFile {
  return SampleStudyFile.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

function lookup(map: Map<string, string>, key: string, what: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`sample study: unknown ${what} "${key}"`);
  return id;
}

/** Writes the sample study; returns its id. */
export function seedSampleStudy(db: Database.Database, sample: SampleStudyFile): string {
  return db.transaction(() => {
    const study = createStudy(db, {
      name: sample.study.name,
      goal: sample.study.goal,
      product: sample.study.product,
      plannedInterviews: sample.study.plannedInterviews,
      isSample: true,
      stages: sample.stages.map((s) => ({ name: s.name, defaultKey: s.key })),
    });
    const studyId = study.id;

    const stageIds = new Map<string, string>();
    const stageRows = db
      .prepare('SELECT id FROM journey_stage WHERE study_id = ? ORDER BY position')
      .all(studyId) as Array<{ id: string }>;
    sample.stages.forEach((stage, i) => {
      const id = stageRows[i]!.id;
      stageIds.set(stage.key, id);
      updateStageDetails(db, id, { description: stage.description, informationNeeds: stage.informationNeeds });
      for (const name of stage.touchpoints) addStageItem(db, 'touchpoint', studyId, id, name);
      for (const name of stage.influencers) addStageItem(db, 'influencer', studyId, id, name);
    });
    const stage = (key: string | null) => (key === null ? null : lookup(stageIds, key, 'stage'));

    const tagIds = new Map<string, string>();
    // Parents first, so children can point at them.
    const ordered = [...sample.tags].sort((a, b) => Number(a.parent !== null) - Number(b.parent !== null));
    for (const tag of ordered) {
      tagIds.set(
        tag.key,
        createTag(db, studyId, {
          name: tag.name,
          definition: tag.definition,
          usageRule: tag.usageRule,
          color: tag.color,
          parentId: tag.parent === null ? null : lookup(tagIds, tag.parent, 'tag'),
        }),
      );
    }

    const { guideId, versionId } = createGuide(db, studyId, sample.guide.title);
    const questionIds = new Map<string, string>();
    for (const section of sample.guide.sections) {
      const sectionId = addSection(db, versionId, section.title);
      for (const q of section.questions) {
        questionIds.set(
          q.key,
          addQuestion(db, sectionId, {
            text: q.text,
            purpose: q.purpose,
            stageId: stage(q.stage),
            keywords: q.keywords,
            probes: q.probes,
            timeBudgetSec: q.timeBudgetMinutes * 60,
          }),
        );
      }
    }
    freezeVersion(db, versionId, 'First version, used for the first six interviews.');
    seedSecondGuideVersion(db, guideId, versionId, stageIds.get('decision') ?? null);
    const question = (key: string | null) => (key === null ? null : lookup(questionIds, key, 'question'));

    const participantIds = new Map<string, string>();
    for (const p of sample.participants) {
      participantIds.set(
        p.key,
        createParticipant(db, studyId, {
          code: p.code,
          realName: p.realName,
          contact: p.contact,
          source: p.source,
          status: p.status,
          attributes: p.attributes,
          consentDate: p.consent?.date ?? null,
          consentScope: p.consent?.scope ?? '',
        }),
      );
    }

    // Per session: its id, participant, and per question the note id and paragraph keys.
    const sessions = new Map<
      string,
      { id: string; participantId: string; notes: Map<string, { noteId: string; pids: string[] }> }
    >();
    for (const s of sample.sessions) {
      const participantId = lookup(participantIds, s.participant, 'participant');
      const started = new Date(`${s.startedAt}Z`);
      const sessionId = createSession(db, studyId, {
        participantId,
        guideVersionId: versionId,
        interviewer: s.interviewer,
        status: 'completed',
        scheduledAt: started.toISOString(),
        startedAt: started.toISOString(),
        endedAt: new Date(started.getTime() + s.durationMinutes * 60_000).toISOString(),
        elapsedMs: s.durationMinutes * 60_000,
      });
      const notes = new Map<string, { noteId: string; pids: string[] }>();
      for (const note of s.notes) {
        const paragraphs = note.paragraphs.map((p) => ({ pid: newId(), atMs: clockToMs(p.at), text: p.text }));
        const noteId = saveNote(db, sessionId, question(note.question), noteFromParagraphs(paragraphs));
        notes.set(note.question ?? '', { noteId, pids: paragraphs.map((p) => p.pid) });
      }
      sessions.set(s.key, { id: sessionId, participantId, notes });
    }

    // A planned interview to try live capture on: the scheduled participant, newest guide.
    const scheduled = sample.participants.find((p) => p.status === 'scheduled');
    const newestVersion = db
      .prepare('SELECT id FROM guide_version WHERE guide_id = ? ORDER BY number DESC LIMIT 1')
      .get(guideId) as { id: string };
    if (scheduled) {
      createSession(db, studyId, {
        participantId: lookup(participantIds, scheduled.key, 'participant'),
        guideVersionId: newestVersion.id,
        interviewer: 'Lead researcher',
        status: 'planned',
        scheduledAt: '2026-11-26T02:00:00.000Z',
      });
    }

    const findingIds = new Map<string, string>();
    for (const f of sample.findings) {
      const session = sessions.get(f.session);
      if (!session) throw new Error(`sample study: unknown session "${f.session}"`);
      const note = session.notes.get(f.question ?? '');
      const pid = note?.pids[f.paragraph];
      if (!note || !pid) throw new Error(`sample study: finding "${f.key}" points at a missing paragraph`);
      findingIds.set(
        f.key,
        createFinding(db, studyId, {
          text: f.text,
          type: f.type,
          stageId: stage(f.stage),
          terms: f.terms,
          sessionId: session.id,
          participantId: session.participantId,
          noteId: note.noteId,
          questionId: question(f.question),
          paragraphKey: pid,
          tagIds: f.tags.map((t) => lookup(tagIds, t, 'tag')),
        }),
      );
    }
    const finding = (key: string) => lookup(findingIds, key, 'finding');

    const themeIds = new Map<string, string>();
    for (const t of sample.themes) themeIds.set(t.key, createTheme(db, studyId, t.name, t.color));
    const groupIds = new Map<string, string>();
    for (const g of sample.groups) {
      const groupId = createGroup(db, studyId, {
        name: g.name,
        stageId: stage(g.stage),
        color: g.color,
        themeId: g.theme === null ? null : lookup(themeIds, g.theme, 'theme'),
      });
      groupIds.set(g.key, groupId);
      for (const f of g.findings) moveFindingToGroup(db, finding(f), groupId);
    }
    const end = (key: string): LinkEnd =>
      groupIds.has(key) ? { kind: 'group', id: groupIds.get(key)! } : { kind: 'theme', id: lookup(themeIds, key, 'group or theme') };
    for (const link of sample.links) createCausalLink(db, studyId, end(link.from), end(link.to), link.label);

    const p = sample.persona;
    const personaId = createPersona(db, studyId, {
      name: p.name,
      avatar: p.avatar,
      age: p.age,
      occupation: p.occupation,
      income: p.income,
      description: p.description,
      participantIds: p.participants.map((k) => lookup(participantIds, k, 'participant')),
    });
    for (const [list, items] of Object.entries(p.lists) as Array<[keyof typeof p.lists, Array<{ text: string; evidence: string[] }>]>) {
      for (const item of items) addPersonaItem(db, personaId, list, item.text, item.evidence.map(finding));
    }

    const mapId = createJourneyMap(db, studyId, sample.journeyMap.title, personaId);
    for (const [key, score] of Object.entries(sample.journeyMap.emotions)) setEmotion(db, mapId, stage(key)!, score);
    for (const item of sample.journeyMap.items) {
      addJourneyItem(db, mapId, {
        stageId: stage(item.stage)!,
        lane: item.lane,
        text: item.text,
        terms: item.terms,
        evidence: item.evidence.map(finding),
      });
    }
    return studyId;
  })();
}

/**
 * Version 2 of the sample guide, published after early analysis (as the method
 * advises at about a quarter of the interviews): v1 stays as the sessions used it.
 */
function seedSecondGuideVersion(db: Database.Database, guideId: string, v1: string, decisionStageId: string | null): void {
  const v2 = createVersion(db, guideId);
  copyVersionContent(db, v1, v2);
  const decision = loadSections(db, v2)
    .flatMap((s) => s.questions)
    .find((q) => q.stageId === decisionStageId);
  if (decision) {
    updateQuestion(db, decision.id, {
      probes: [...decision.probes, 'Where did you check whether the price was fair?'],
      keywords: [...decision.keywords, 'price screenshots'],
    });
  }
  freezeVersion(
    db,
    v2,
    'After the first interviews: added a probe on how buyers check a quote (price screenshots from review apps came up in most sessions).',
  );
}
