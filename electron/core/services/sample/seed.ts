// Creates the sample study (a car dealership's new-car buyer journey) from
// resources/sample-study/study.json by calling the contract's operations, with the
// inputs a user's actions send, so the sample is made exactly as user data is and
// every rule the services keep holds for it too. All of it happens in one transaction:
// a failure leaves no half-made sample. Only what the contract cannot express (that
// this is the sample, and the past dates of its interviews) is set afterwards, in
// history.ts.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { operations, policyOf, type OperationInput, type OperationName, type OperationOutput, type ParsedInput } from '../../../../shared/api/contract.js';
import type { StudyLanguage } from '../../../../shared/domain.js';
import { clockToMs, noteFromParagraphs } from '../../../../shared/notes.js';
import type { ServiceContext } from '../context.js';
import { runInTransaction } from '../dispatch.js';
import { handlers } from '../handlers.js';
import { SampleStudyFile } from './format.js';
import { dateInterview, dateWithdrawal, forgetBoardHistory, markAsSample } from './history.js';

/** The sample study written in `language`: the same study, people and numbers in each. */
export function sampleStudyFile(resourcesDir: string, language: StudyLanguage): string {
  return path.join(resourcesDir, 'sample-study', language === 'en' ? 'study.json' : `study.${language}.json`);
}

export function readSampleStudy(file: string): SampleStudyFile {
  return SampleStudyFile.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

type Call = <N extends OperationName>(name: N, input: OperationInput<N>) => OperationOutput<N>;

/** Runs operations as the dispatcher does (input parsed by the contract), inside the caller's transaction. */
function caller(ctx: ServiceContext): Call {
  return <N extends OperationName>(name: N, input: OperationInput<N>): OperationOutput<N> => {
    const handler = handlers[name] as unknown as (input: ParsedInput<N>, ctx: ServiceContext) => OperationOutput<N> | Promise<OperationOutput<N>>;
    // Those await (exports, snapshots first), so they cannot be part of one transaction;
    // those that open their own transactions nest in the seed's as savepoints.
    const policy = policyOf(name);
    if (policy.runs === 'async' || (policy.kind === 'write' && policy.snapshotFirst)) throw new Error(`sample study: ${name} cannot be part of the seed`);
    const output = handler(operations[name].input.parse(input) as ParsedInput<N>, ctx);
    if (output instanceof Promise) throw new Error(`sample study: ${name} did not answer synchronously`);
    return output;
  };
}

function lookup(map: Map<string, string>, key: string, what: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`sample study: unknown ${what} "${key}"`);
  return id;
}

/** The one item of `items` whose id is not in `known` (what an operation just added), which is then known. */
function added<T extends { id: string }>(items: readonly T[], known: Set<string>): T {
  const item = items.find((i) => !known.has(i.id));
  if (!item) throw new Error('sample study: an operation added nothing');
  known.add(item.id);
  return item;
}

const utc = (localTime: string) => new Date(`${localTime}Z`);

/** Writes the sample study; call inside a transaction (see seedSampleStudy). Returns its id. */
export function writeSampleStudy(ctx: ServiceContext, sample: SampleStudyFile): string {
  const call = caller(ctx);
  const studyId = call('study.create', {
    name: sample.study.name,
    goal: sample.study.goal,
    product: sample.study.product,
    plannedInterviews: sample.study.plannedInterviews,
    ...(sample.study.language ? { language: sample.study.language } : {}),
  }).id;
  markAsSample(ctx.db, studyId);

  // A new study starts with the default stages; the sample's are those, by key.
  const defaults = call('study.overview', { id: studyId }).stages;
  const stageIds = new Map<string, string>();
  for (const s of sample.stages) {
    const existing = defaults.find((d) => d.defaultKey === s.key);
    const id = existing?.id ?? call('stage.create', { studyId, name: s.name }).id;
    stageIds.set(s.key, id);
    // The name only when it differs: a stage keeping its default name stays translatable.
    const rename = existing && existing.name !== s.name ? { name: s.name } : {};
    call('stage.update', { id, ...rename, description: s.description, informationNeeds: s.informationNeeds });
    for (const name of s.touchpoints) call('stage.addItem', { stageId: id, kind: 'touchpoint', name });
    for (const name of s.influencers) call('stage.addItem', { stageId: id, kind: 'influencer', name });
  }
  const stage = (key: string | null) => (key === null ? null : lookup(stageIds, key, 'stage'));

  const tagIds = new Map<string, string>();
  // Parents first, so children can point at them.
  const parentsFirst = [...sample.tags].sort((a, b) => Number(a.parent !== null) - Number(b.parent !== null));
  for (const tag of parentsFirst) {
    const fields = {
      name: tag.name,
      definition: tag.definition,
      usageRule: tag.usageRule,
      color: tag.color,
      parentId: tag.parent === null ? null : lookup(tagIds, tag.parent, 'tag'),
    };
    tagIds.set(tag.key, call('tag.create', { studyId, fields }).id);
  }

  const guide = writeGuide(call, studyId, sample.guide, stage);
  const question = (key: string | null) => (key === null ? null : lookup(guide.questionIds, key, 'question'));

  const participantIds = new Map<string, string>();
  for (const p of sample.participants) {
    const fields = {
      code: p.code,
      realName: p.realName,
      contact: p.contact,
      source: p.source,
      status: p.status,
      attributes: p.attributes,
      consentDate: p.consent?.date ?? null,
      consentScope: p.consent?.scope ?? '',
    };
    participantIds.set(p.key, call('participant.create', { studyId, fields }).id);
  }

  // Each interview held as in the interview screen: started, notes saved per question, ended.
  const sessions = new Map<string, { id: string; paragraphs: Map<string, string[]> }>();
  for (const s of sample.sessions) {
    const started = utc(s.startedAt);
    const { id } = call('session.create', {
      studyId,
      participantId: lookup(participantIds, s.participant, 'participant'),
      guideVersionId: guide.firstVersionId,
      interviewer: s.interviewer,
      scheduledAt: started.toISOString(),
    });
    call('session.start', { id });
    const paragraphs = new Map<string, string[]>();
    for (const note of s.notes) {
      const questionId = question(note.question);
      const typed = note.paragraphs.map((p) => ({ pid: randomUUID(), atMs: clockToMs(p.at), text: p.text }));
      call('note.save', { sessionId: id, questionId, content: noteFromParagraphs(typed) });
      if (questionId) call('session.markQuestion', { id, questionId, state: 'asked' });
      paragraphs.set(note.question ?? '', typed.map((p) => p.pid));
    }
    call('session.end', { id });
    dateInterview(ctx.db, id, started, s.durationMinutes * 60_000);
    sessions.set(s.key, { id, paragraphs });
  }
  for (const planned of sample.plannedSessions) {
    call('session.create', {
      studyId,
      participantId: lookup(participantIds, planned.participant, 'participant'),
      guideVersionId: guide.newestVersionId,
      interviewer: planned.interviewer,
      scheduledAt: utc(planned.scheduledAt).toISOString(),
    });
  }

  const findingIds = new Map<string, string>();
  for (const f of sample.findings) {
    const session = sessions.get(f.session);
    if (!session) throw new Error(`sample study: unknown session "${f.session}"`);
    const pid = session.paragraphs.get(f.question ?? '')?.[f.paragraph];
    if (!pid) throw new Error(`sample study: finding "${f.key}" points at a missing paragraph`);
    const finding = call('finding.create', {
      sessionId: session.id,
      questionId: question(f.question),
      paragraphKey: pid,
      text: f.text,
      type: f.type,
      fields: { stageId: stage(f.stage), terms: f.terms, tagIds: f.tags.map((t) => lookup(tagIds, t, 'tag')) },
    });
    findingIds.set(f.key, finding.id);
  }
  const finding = (key: string) => lookup(findingIds, key, 'finding');

  writeBoard(call, studyId, sample, stage, finding);
  forgetBoardHistory(ctx.db, studyId);

  const p = sample.persona;
  const persona = call('persona.create', {
    studyId,
    name: p.name,
    members: { kind: 'participants', participantIds: p.participants.map((k) => lookup(participantIds, k, 'participant')) },
    fields: { avatar: p.avatar, age: p.age, occupation: p.occupation, income: p.income, description: p.description },
  });
  for (const [list, items] of Object.entries(p.lists) as Array<[keyof typeof p.lists, Array<{ text: string; evidence: string[] }>]>) {
    for (const item of items) call('persona.addItem', { personaId: persona.id, list, text: item.text, evidence: item.evidence.map(finding) });
  }

  const mapId = call('journey.get', { studyId }).id;
  call('journey.update', { mapId, title: sample.journeyMap.title, personaId: persona.id });
  for (const [key, score] of Object.entries(sample.journeyMap.emotions)) call('journey.setEmotion', { mapId, stageId: stage(key)!, score });
  for (const item of sample.journeyMap.items) {
    call('journey.addItem', { mapId, stageId: stage(item.stage)!, lane: item.lane, text: item.text, terms: item.terms, evidence: item.evidence.map(finding) });
  }

  // Last, as the study's story goes: a withdrawal takes the participant out of everything made above.
  for (const p of sample.participants) {
    if (p.withdrawnOn === null) continue;
    const id = lookup(participantIds, p.key, 'participant');
    call('participant.setWithdrawn', { id, withdrawn: true });
    dateWithdrawal(ctx.db, id, p.withdrawnOn);
  }
  return studyId;
}

/** Writes the sample study in one transaction; returns its id. */
export function seedSampleStudy(ctx: ServiceContext, sample: SampleStudyFile): string {
  return runInTransaction(ctx, () => writeSampleStudy(ctx, sample));
}

/**
 * The guide as a researcher builds it: v1 written and published (the interviews used
 * it), then v2 after early analysis, as the method advises at about a quarter of the
 * interviews, with its change note.
 */
function writeGuide(call: Call, studyId: string, guide: SampleStudyFile['guide'], stage: (key: string | null) => string | null) {
  const created = call('guide.create', { studyId, source: { kind: 'blank' } });
  const { guideId } = created;
  const firstVersionId = created.version.id;
  call('guide.rename', { guideId, title: guide.title });
  const sections = new Set<string>();
  const questions = new Set<string>();
  const questionIds = new Map<string, string>();
  for (const section of guide.sections) {
    const sectionId = added(call('guide.addSection', { versionId: firstVersionId, title: section.title }).sections, sections).id;
    for (const q of section.questions) {
      const fields = {
        text: q.text,
        purpose: q.purpose,
        stageId: stage(q.stage),
        keywords: q.keywords,
        probes: q.probes,
        timeBudgetSec: q.timeBudgetMinutes * 60,
      };
      const doc = call('guide.addQuestion', { sectionId, fields });
      questionIds.set(q.key, added(doc.sections.find((s) => s.id === sectionId)!.questions, questions).id);
    }
  }
  call('guide.publish', { versionId: firstVersionId, changeNote: guide.firstVersionNote });

  const draft = call('guide.newVersion', { guideId });
  // The draft is a copy in the same order: its questions pair with v1's keys by position.
  const keys = guide.sections.flatMap((s) => s.questions.map((q) => q.key));
  const copied = draft.sections.flatMap((s) => s.questions);
  for (const change of guide.revision.questions) {
    const q = copied[keys.indexOf(change.question)];
    if (!q) throw new Error(`sample study: unknown question "${change.question}"`);
    call('guide.updateQuestion', {
      questionId: q.id,
      fields: { probes: [...q.probes, ...change.addProbes], keywords: [...q.keywords, ...change.addKeywords] },
    });
  }
  call('guide.publish', { versionId: draft.version.id, changeNote: guide.revision.note });
  return { firstVersionId, newestVersionId: draft.version.id, questionIds };
}

/** The board as a team sorts it: groups of cards per stage, themes over groups, cause-effect links. */
function writeBoard(call: Call, studyId: string, sample: SampleStudyFile, stage: (key: string | null) => string | null, finding: (key: string) => string): void {
  const groupIds = new Map<string, string>();
  for (const g of sample.groups) {
    const group = call('board.createGroup', { studyId, stageId: stage(g.stage), name: g.name, findingIds: g.findings.map(finding), color: g.color });
    groupIds.set(g.key, group.id);
  }
  const themeIds = new Map<string, string>();
  for (const t of sample.themes) {
    const groupIdsOfTheme = sample.groups.filter((g) => g.theme === t.key).map((g) => lookup(groupIds, g.key, 'group'));
    const theme = call('board.createTheme', { studyId, name: t.name, groupIds: groupIdsOfTheme });
    call('board.updateTheme', { id: theme.id, color: t.color });
    themeIds.set(t.key, theme.id);
  }
  for (const g of sample.groups) if (g.theme !== null && !themeIds.has(g.theme)) throw new Error(`sample study: unknown theme "${g.theme}"`);
  const end = (key: string) =>
    groupIds.has(key) ? { kind: 'group' as const, id: groupIds.get(key)! } : { kind: 'theme' as const, id: lookup(themeIds, key, 'group or theme') };
  for (const link of sample.links) call('board.link', { studyId, from: end(link.from), to: end(link.to), label: link.label });
}
