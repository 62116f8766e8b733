// The one API contract: every operation (input and output schemas) and every push
// event (payload schema), listed once. The core's handler map, the Electron IPC
// wiring, the preload bridge and the browser-mode server are all generated from
// these two tables, so a name that is not here cannot be called.
import { z } from 'zod';
import { SEGMENT_DIMENSIONS, STUDY_LANGUAGES } from '../domain.js';
import { Board, BoardCard, BoardGroup, BoardLink, BoardTheme, Driver, GroupFields, LinkEnd, LinkLabel, UndoState } from './board.js';
import { Tag, TagFields } from './codebook.js';
import { AppInfo, JourneyStage, Study, StudyOverview, StudySummary } from './entities.js';
import { Id, Name, ShortText } from './fields.js';
import { ExportedFile, GuideDocument, GuideSource, QuestionFields } from './guide.js';
import { Coverage, ImportPreview, ImportRequest, Participant, ParticipantFields } from './participants.js';
import {
  EditorState,
  Finding,
  FindingFields,
  NewSessionFields,
  SessionDetail,
  SessionReport,
  SessionState,
  SessionSummary,
} from './sessions.js';
import { FINDING_TYPES, JOURNEY_LANES, PAIN_KINDS, PERSONA_LISTS } from '../domain.js';
import { LongText } from './fields.js';
import { DOCUMENT_FORMATS, DocumentOptions, JOURNEY_FORMATS } from './documents.js';
import { EmotionScore, JourneyMap } from './journey.js';
import { EvidenceSuggestion, ItemText, Persona, PersonaFields, PersonaMembers, PersonaSummary } from './personas.js';
import { AnalysisSelection, Dashboard, DashboardExport, DashboardQuery, GroupSuggestions, SuggestGroupsQuery } from './analysis.js';
import { SearchQuery, SearchResult } from './search.js';
import { ALL_KINDS, control, read, STUDY_CONTENT, write, type OperationPolicy } from './policy.js';
import { Change, ChangesSince } from './changes.js';
import { BOARD_READERS, BOARD_WRITERS, EVERY_ROLE, NOTE_TAKERS } from './team-roles.js';
import { BoardPresence, BoardPresenceInput, TeamInterface, TeamJoin, TeamJoined, TeamMe, TeamPresence, TeamRoleSchema, TeamStart, TeamStatus } from './team.js';
import { NoteOpenAnswer, NoteOpenRequest, NotePresence, NotePresenceEvent, NoteSyncAnswer, NoteSyncRequest, NoteUpdated } from './noteSync.js';
import { personal } from './personal.js';
import { LibraryStatus, RestoreOutcome, Snapshot, SnapshotId } from './snapshots.js';
import { ArchiveExportRequest, ArchiveImportRequest, ArchiveImportResult, StudyMarkdownRequest } from './archives.js';
import { FINDINGS_TABLE_FORMATS, InteropExportOptions, TranscriptFile, TranscriptImport, TranscriptPreview } from './interop.js';

/** One operation: its input and output schemas and its policy (see policy.ts). */
function op<I extends z.ZodType, O extends z.ZodType, const P extends OperationPolicy>(input: I, output: O, policy: P) {
  return { input, output, policy };
}

const ById = z.strictObject({ id: Id });
const ByStudy = z.strictObject({ studyId: Id });
const Done = z.strictObject({ id: Id });
/** Where a moved item lands: before `beforeId`, or at the end when null. */
const BeforeId = Id.nullable();
/** Findings cited at once: a statement rarely needs more. */
const FindingIds = z.array(Id).max(100);
const Terms = z.array(z.enum(PAIN_KINDS)).max(PAIN_KINDS.length);
/**
 * What a field edit started from: per field, the value it found, and/or the record's
 * revision. A field saved otherwise since is refused as a conflict carrying its value now;
 * the check is per field, so edits of different fields of one record merge.
 */
const BaseText = z.string().max(100_000).optional();
const Revision = z.number().int().min(0).optional();
const BasedOnName = z.strictObject({ name: BaseText, revision: Revision });
const PersonaTextBase = z.strictObject({ name: BaseText, age: BaseText, occupation: BaseText, income: BaseText, description: BaseText, revision: Revision });
const TagTextBase = z.strictObject({ name: BaseText, definition: BaseText, usageRule: BaseText, revision: Revision });
const StageTextBase = z.strictObject({ name: BaseText, description: BaseText, informationNeeds: BaseText, revision: Revision });
const StudyTextBase = z.strictObject({ goal: BaseText, product: BaseText, revision: Revision });
const QuestionTextBase = z.strictObject({ text: BaseText, purpose: BaseText, revision: Revision });
const ParticipantTextBase = z.strictObject({
  code: BaseText,
  // The base of a personal field is personal data itself.
  realName: personal(z.string().max(2_000).optional(), 'name'),
  contact: personal(z.string().max(2_000).optional(), 'contact'),
  consentScope: BaseText,
  source: BaseText,
  status: BaseText,
  revision: Revision,
});
const TitleBase = z.strictObject({ title: BaseText, revision: Revision });
const TextBase = z.strictObject({ text: BaseText, revision: Revision });
const LabelBase = z.strictObject({ label: BaseText, revision: Revision });

export const operations = {
  'app.info': op(z.strictObject({}), AppInfo, control({ problem: true })),

  // The library's health, and snapshots to go back to. When the library could not be
  // opened, only library.*, snapshot.list, snapshot.restore and app.info answer.
  /** How the library opened: ok, read-only or unavailable, why, and what the user can do about it. */
  'library.status': op(z.strictObject({}), LibraryStatus, read([], { runs: 'async', problem: true })),
  /** Goes on with a library that has a problem, read-only. */
  'library.openReadOnly': op(z.strictObject({}), LibraryStatus, control({ runs: 'async', problem: true })),
  /** Every table that can still be read, as one JSON file. Writes nothing. */
  'library.exportReadable': op(z.strictObject({}), ExportedFile, read(ALL_KINDS, { runs: 'async', problem: true, heavy: true })),
  /** Quits the app (in browser mode: stops the server); `stopping` is false where it cannot. */
  'library.quit': op(z.strictObject({}), z.strictObject({ stopping: z.boolean() }), control({ runs: 'async', problem: true })),
  /** Snapshots, newest first. */
  'snapshot.list': op(z.strictObject({}), z.array(Snapshot), read(['snapshot'], { runs: 'async', problem: true })),
  /** "Take a snapshot now". */
  'snapshot.create': op(z.strictObject({}), Snapshot, write(['snapshot'], { runs: 'async' })),
  /** Replaces the library's content with a snapshot's, after snapshotting the current state. */
  'snapshot.restore': op(z.strictObject({ id: SnapshotId }), RestoreOutcome, write(ALL_KINDS, { runs: 'async', problem: true, exclusive: true })),
  'snapshot.delete': op(z.strictObject({ id: SnapshotId }), z.strictObject({ id: SnapshotId }), write(['snapshot'], { runs: 'async' })),

  /**
   * Creates the sample study, in the language of the UI that first opens the library,
   * if this library never had one (a deleted sample stays deleted). The UI calls it at
   * start; `created` says whether it did anything.
   */
  'sample.firstStart': op(z.strictObject({ language: z.enum(STUDY_LANGUAGES) }), z.strictObject({ created: z.boolean() }), write(['study'])),

  /**
   * The changes committed after `revision`, oldest first, to catch up after a dropped
   * connection. Older than the kept history: a typed error (code reload_required).
   */
  'change.since': op(z.strictObject({ revision: z.number().int().min(0) }), ChangesSince, read([], { team: EVERY_ROLE })),

  'study.list': op(z.strictObject({ trash: z.boolean().optional() }), z.array(StudySummary), read(['study', 'session', 'participant', 'finding', 'board'])),
  'study.overview': op(ById, StudyOverview, read(['study', 'stage', 'session', 'participant', 'finding', 'board', 'guide'], { team: BOARD_READERS })),
  'study.create': op(
    z.strictObject({
      name: Name,
      goal: ShortText.optional(),
      product: ShortText.optional(),
      plannedInterviews: z.number().int().min(0).max(10_000).optional(),
      language: z.enum(STUDY_LANGUAGES).optional(),
    }),
    Study,
    write(['study']),
  ),
  'study.update': op(
    z.strictObject({
      id: Id,
      goal: ShortText.optional(),
      product: ShortText.optional(),
      plannedInterviews: z.number().int().min(0).max(10_000).optional(),
      language: z.enum(STUDY_LANGUAGES).optional(),
      basedOn: StudyTextBase.optional(),
    }),
    Study,
    write(['study']),
  ),
  'study.rename': op(z.strictObject({ id: Id, name: Name, basedOn: BasedOnName.optional() }), Study, write(['study'])),
  /** Moves a study to the trash; `study.restore` brings it back. */
  'study.delete': op(ById, Study, write(['study'])),
  'study.restore': op(ById, Study, write(['study'])),
  /** Deletes a study from the trash for good. */
  'study.purge': op(ById, Done, write(ALL_KINDS, { snapshotFirst: 'purge' })),

  // The hypothesis journey: stages with their touchpoints, influencers and information needs.
  'stage.create': op(z.strictObject({ studyId: Id, name: Name }), JourneyStage, write(['stage'])),
  'stage.update': op(
    z.strictObject({
      id: Id,
      name: Name.optional(),
      description: ShortText.optional(),
      informationNeeds: ShortText.optional(),
      basedOn: StageTextBase.optional(),
    }),
    JourneyStage,
    write(['stage']),
  ),
  'stage.move': op(z.strictObject({ id: Id, beforeId: BeforeId }), z.array(JourneyStage), write(['stage'])),
  /**
   * Removes a stage; its findings, groups and guide questions move to `moveTo` (or become unstaged).
   * The last stage of a study cannot be removed (conflict, reason `last_stage`).
   */
  'stage.delete': op(z.strictObject({ id: Id, moveTo: Id.nullable() }), Done, write(['stage', 'finding', 'board', 'guide', 'journey'])),
  'stage.addItem': op(
    z.strictObject({ stageId: Id, kind: z.enum(['touchpoint', 'influencer']), name: Name }),
    JourneyStage,
    write(['stage']),
  ),
  'stage.removeItem': op(z.strictObject({ stageId: Id, kind: z.enum(['touchpoint', 'influencer']), itemId: Id }), JourneyStage, write(['stage'])),

  'participant.list': op(ByStudy, z.array(Participant), read(['participant', 'session'])),
  'participant.create': op(z.strictObject({ studyId: Id, fields: ParticipantFields }), Participant, write(['participant'])),
  'participant.update': op(
    z.strictObject({ id: Id, fields: ParticipantFields.partial(), basedOn: ParticipantTextBase.optional() }),
    Participant,
    write(['participant']),
  ),
  /** Withdraws consent (or reinstates it): a withdrawn participant's data leaves every board, analysis and export. */
  'participant.setWithdrawn': op(
    z.strictObject({ id: Id, withdrawn: z.boolean() }),
    Participant,
    write(['participant', 'finding', 'board', 'persona', 'journey']),
  ),
  'participant.delete': op(ById, Done, write(['participant', 'session', 'note', 'finding', 'board', 'persona', 'journey'])),
  'participant.importPreview': op(ImportRequest, ImportPreview, read(['participant'])),
  'participant.importCommit': op(
    ImportRequest.extend({ mapping: ImportRequest.shape.mapping.unwrap() }),
    z.strictObject({ imported: z.number().int(), skipped: z.number().int() }),
    write(['participant'], { snapshotFirst: 'import' }),
  ),
  'study.coverage': op(
    z.strictObject({ studyId: Id, dimension: z.enum(SEGMENT_DIMENSIONS).optional(), attribute: z.string().max(100).optional() }),
    Coverage,
    read(['participant', 'session', 'study']),
  ),

  'tag.list': op(z.strictObject({ studyId: Id, trash: z.boolean().optional() }), z.array(Tag), read(['tag', 'finding'], { team: BOARD_READERS })),
  'tag.create': op(z.strictObject({ studyId: Id, fields: TagFields }), Tag, write(['tag'])),
  'tag.update': op(z.strictObject({ id: Id, fields: TagFields.partial(), basedOn: TagTextBase.optional() }), Tag, write(['tag'])),
  /**
   * Moves a tag to the trash (undoable with tag.restore); its uses are kept for restoring.
   * Its children become top-level tags until it is restored, when they go back under it.
   */
  'tag.delete': op(ById, Tag, write(['tag', 'finding'])),
  'tag.restore': op(ById, Tag, write(['tag', 'finding'])),
  /** Moves every use and child of `sourceId` onto `targetId`, then removes the source tag. */
  'tag.merge': op(z.strictObject({ sourceId: Id, targetId: Id }), Tag, write(['tag', 'finding'], { snapshotFirst: 'tag-merge' })),

  /** The study's guide at a version (the newest when omitted), or null before one exists. */
  'guide.get': op(z.strictObject({ studyId: Id, versionId: Id.optional() }), GuideDocument.nullable(), read(['guide'])),
  'guide.create': op(z.strictObject({ studyId: Id, source: GuideSource }), GuideDocument, write(['guide'])),
  'guide.rename': op(z.strictObject({ guideId: Id, title: Name, basedOn: TitleBase.optional() }), GuideDocument, write(['guide'])),
  /** Starts an editable draft copied from the newest published version. */
  'guide.newVersion': op(z.strictObject({ guideId: Id }), GuideDocument, write(['guide'])),
  /** Publishes (freezes) a draft with a note on what changed: required from v2 on (reason `change_note_required`). */
  'guide.publish': op(z.strictObject({ versionId: Id, changeNote: ShortText }), GuideDocument, write(['guide'])),
  'guide.addSection': op(z.strictObject({ versionId: Id, title: Name }), GuideDocument, write(['guide'])),
  'guide.updateSection': op(z.strictObject({ sectionId: Id, title: Name, basedOn: TitleBase.optional() }), GuideDocument, write(['guide'])),
  'guide.moveSection': op(z.strictObject({ sectionId: Id, beforeId: BeforeId }), GuideDocument, write(['guide'])),
  'guide.deleteSection': op(z.strictObject({ sectionId: Id }), GuideDocument, write(['guide'])),
  /** Probes omitted: the study language's default probes (do, think, feel, why); an empty list: none. */
  'guide.addQuestion': op(z.strictObject({ sectionId: Id, fields: QuestionFields }), GuideDocument, write(['guide'])),
  'guide.updateQuestion': op(
    z.strictObject({ questionId: Id, fields: QuestionFields, basedOn: QuestionTextBase.optional() }),
    GuideDocument,
    write(['guide']),
  ),
  'guide.moveQuestion': op(z.strictObject({ questionId: Id, sectionId: Id, beforeId: BeforeId }), GuideDocument, write(['guide'])),
  'guide.deleteQuestion': op(z.strictObject({ questionId: Id }), GuideDocument, write(['guide'])),
  'guide.export': op(
    z.strictObject({ versionId: Id, format: z.enum(['markdown', 'html', 'pdf']) }),
    ExportedFile,
    read(['guide', 'study'], { runs: 'async', heavy: true }),
  ),

  // Interviews: the register of sessions, the live session and its timer.
  'session.list': op(ByStudy, z.array(SessionSummary), read(['session', 'participant', 'guide', 'note', 'finding'])),
  /** Sessions still running or paused anywhere in the library, to resume after a restart. */
  'session.active': op(z.strictObject({}), z.array(SessionSummary), read(['session', 'participant', 'study'])),
  'session.create': op(NewSessionFields, SessionSummary, write(['session'])),
  'session.update': op(
    z.strictObject({ id: Id, interviewer: ShortText.optional(), scheduledAt: z.string().max(40).nullable().optional(), missed: z.boolean().optional() }),
    SessionSummary,
    write(['session']),
  ),
  'session.delete': op(ById, Done, write(['session', 'note', 'finding', 'board', 'persona', 'journey'])),
  'session.get': op(ById, SessionDetail, read(['session', 'note', 'finding', 'board', 'guide', 'participant', 'tag', 'stage'], { team: BOARD_READERS })),
  'session.start': op(ById, SessionState, write(['session'])),
  'session.pause': op(ById, SessionState, write(['session'])),
  'session.resume': op(ById, SessionState, write(['session'])),
  'session.end': op(ById, SessionState, write(['session'])),
  /** Moves to another question (null: the free "other" notes), accounting the time spent. */
  'session.goto': op(z.strictObject({ id: Id, questionId: Id.nullable() }), SessionState, write(['session'])),
  'session.markQuestion': op(
    z.strictObject({ id: Id, questionId: Id, state: z.enum(['asked', 'skipped', 'none']) }),
    SessionState,
    write(['session']),
  ),
  'session.report': op(ById, SessionReport, read(['session', 'note', 'finding', 'board', 'guide', 'participant', 'tag', 'stage'])),

  /** Saves a question's notes; the answer means the text is committed to disk. */
  'note.save': op(
    z.strictObject({ sessionId: Id, questionId: Id.nullable(), content: EditorState }),
    z.strictObject({ noteId: Id, revision: z.number().int(), savedAt: z.string() }),
    write(['note'], { runs: 'own-transactions' }),
  ),
  /**
   * Sends what one editor typed into a note (a Yjs update) and answers what it lacks,
   * after the update is committed. The note's other editors receive it as note.updated.
   */
  'note.sync': op(NoteSyncRequest, NoteSyncAnswer, write(['note'], { runs: 'own-transactions', team: NOTE_TAKERS })),
  /**
   * A note's shared document as far as the caller lacks it, without writing anything:
   * what an editor shows when the library cannot be written (read-only, a full disk).
   */
  'note.open': op(NoteOpenRequest, NoteOpenAnswer, read(['note'], { team: NOTE_TAKERS })),
  /** Relays an editor's caret and name to the note's other editors; stores nothing. */
  'note.presence': op(NotePresence, z.strictObject({}), control({ team: NOTE_TAKERS })),

  'finding.create': op(
    z.strictObject({
      sessionId: Id,
      questionId: Id.nullable(),
      paragraphKey: z.string().max(100).nullable(),
      text: LongText.pipe(z.string().trim().min(1)),
      type: z.enum(FINDING_TYPES),
      fields: FindingFields.optional(),
    }),
    Finding,
    write(['finding']),
  ),
  'finding.update': op(
    z.strictObject({
      id: Id,
      fields: FindingFields,
      /** The wording the edit started from (refused as a conflict if saved otherwise meanwhile). */
      basedOn: TextBase.optional(),
    }),
    Finding,
    write(['finding']),
  ),
  'finding.delete': op(ById, Done, write(['finding', 'board', 'persona', 'journey'])),

  // The affinity board. Every change below is one undoable action (board.undo / board.redo).
  'board.get': op(ByStudy, Board, read(['board', 'finding', 'stage', 'tag', 'participant', 'session', 'study'], { team: BOARD_READERS })),
  /** Moves cards into a column (stage, or null: Unsorted) and optionally a group, before `beforeId`. */
  'board.moveCards': op(
    z.strictObject({ studyId: Id, findingIds: z.array(Id).min(1).max(1000), stageId: Id.nullable(), groupId: Id.nullable(), beforeId: Id.nullable() }),
    UndoState,
    write(['board'], { team: BOARD_WRITERS }),
  ),
  'board.createGroup': op(
    z.strictObject({ studyId: Id, stageId: Id.nullable(), name: Name, findingIds: z.array(Id).max(1000), color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional() }),
    BoardGroup,
    write(['board', 'finding'], { team: BOARD_WRITERS }),
  ),
  'board.updateGroup': op(z.strictObject({ id: Id, fields: GroupFields, basedOn: BasedOnName.optional() }), BoardGroup, write(['board'], { team: BOARD_WRITERS })),
  'board.moveGroup': op(z.strictObject({ id: Id, stageId: Id.nullable(), beforeId: Id.nullable() }), UndoState, write(['board'], { team: BOARD_WRITERS })),
  /** Dissolves a group: its cards stay in the column, ungrouped. */
  'board.deleteGroup': op(ById, UndoState, write(['board'], { team: BOARD_WRITERS })),
  'board.createTheme': op(z.strictObject({ studyId: Id, name: Name, groupIds: z.array(Id).max(500) }), BoardTheme, write(['board'], { team: BOARD_WRITERS })),
  'board.updateTheme': op(
    z.strictObject({ id: Id, name: Name.optional(), color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(), basedOn: BasedOnName.optional() }),
    BoardTheme,
    write(['board'], { team: BOARD_WRITERS }),
  ),
  'board.deleteTheme': op(ById, UndoState, write(['board'], { team: BOARD_WRITERS })),
  'board.link': op(z.strictObject({ studyId: Id, from: LinkEnd, to: LinkEnd, label: LinkLabel }), BoardLink, write(['board'], { team: BOARD_WRITERS })),
  'board.updateLink': op(
    z.strictObject({ id: Id, label: LinkLabel, basedOn: LabelBase.optional() }),
    BoardLink,
    write(['board'], { team: BOARD_WRITERS }),
  ),
  'board.unlink': op(ById, UndoState, write(['board'], { team: BOARD_WRITERS })),
  'board.undo': op(ByStudy, UndoState, write(['board'], { runs: 'own-transactions', team: BOARD_WRITERS })),
  'board.redo': op(ByStudy, UndoState, write(['board'], { runs: 'own-transactions', team: BOARD_WRITERS })),
  /** Cause chains ranked by the evidence behind them (findings, distinct participants). */
  'board.drivers': op(ByStudy, z.array(Driver), read(['board', 'finding', 'participant', 'session', 'stage'], { team: BOARD_READERS })),
  /**
   * Proposed groups for the ungrouped findings (local TF-IDF clustering, nothing written).
   * Accepting one is board.createGroup with its stage, name and findings: one undoable action.
   */
  'board.suggestGroups': op(SuggestGroupsQuery, GroupSuggestions, read(['board', 'finding', 'participant', 'session', 'stage'], { heavy: true })),

  // Search and analysis.
  /** Finds notes, findings, groups, themes, personas, participants, guide questions and tags, in any language. */
  'search.query': op(SearchQuery, SearchResult, read(STUDY_CONTENT)),
  /** Progress, saturation, the stage x TERMS heatmap, segment comparison and tag co-occurrence of a study. */
  'analysis.dashboard': op(
    DashboardQuery,
    Dashboard,
    read(['study', 'stage', 'participant', 'tag', 'guide', 'session', 'finding', 'board'], { heavy: true }),
  ),
  /** The findings behind one number of the dashboard, as board cards. */
  'analysis.evidence': op(
    z.strictObject({ studyId: Id, selection: AnalysisSelection }),
    z.array(BoardCard),
    read(['study', 'stage', 'participant', 'tag', 'session', 'finding', 'board'], { heavy: true }),
  ),
  /** The dashboard exported as a document in the study's language: PDF (A4 landscape) or PNG. Writes nothing. */
  'analysis.export': op(
    DashboardExport,
    ExportedFile,
    read(['study', 'stage', 'participant', 'tag', 'guide', 'session', 'finding', 'board'], { runs: 'async', heavy: true }),
  ),

  // Personas: segments written as one person, every statement citing findings.
  'persona.list': op(ByStudy, z.array(PersonaSummary), read(['persona', 'participant'])),
  'persona.get': op(ById, Persona, read(['persona', 'participant', 'session', 'finding', 'board', 'study'])),
  /** Creates a persona for a segment (resolved to its participants now) or a hand-picked set of participants. */
  'persona.create': op(
    z.strictObject({ studyId: Id, name: Name, members: PersonaMembers, fields: PersonaFields.omit({ name: true }).optional() }),
    Persona,
    write(['persona']),
  ),
  /** Changes fields and/or who the persona stands for (a new segment, or hand-picked participants). */
  'persona.update': op(
    z.strictObject({ id: Id, fields: PersonaFields.optional(), members: PersonaMembers.optional(), basedOn: PersonaTextBase.optional() }),
    Persona,
    write(['persona']),
  ),
  'persona.move': op(z.strictObject({ id: Id, beforeId: BeforeId }), z.array(PersonaSummary), write(['persona'])),
  'persona.delete': op(ById, Done, write(['persona', 'journey'])),
  'persona.addItem': op(
    z.strictObject({ personaId: Id, list: z.enum(PERSONA_LISTS), text: ItemText, evidence: FindingIds.optional() }),
    Persona,
    write(['persona']),
  ),
  'persona.updateItem': op(z.strictObject({ itemId: Id, text: ItemText, basedOn: TextBase.optional() }), Persona, write(['persona'])),
  /** Moves a statement within its list or into another list, before `beforeId`. */
  'persona.moveItem': op(z.strictObject({ itemId: Id, list: z.enum(PERSONA_LISTS), beforeId: BeforeId }), Persona, write(['persona'])),
  'persona.deleteItem': op(z.strictObject({ itemId: Id }), Persona, write(['persona'])),
  'persona.linkEvidence': op(z.strictObject({ itemId: Id, findingIds: FindingIds.min(1) }), Persona, write(['persona'])),
  'persona.unlinkEvidence': op(z.strictObject({ itemId: Id, findingId: Id }), Persona, write(['persona'])),
  /** Pain points and quotes of the persona's participants not yet cited, most corroborated first. */
  'persona.suggest': op(
    z.strictObject({ personaId: Id, list: z.enum(['challenges', 'quotes']).optional(), limit: z.number().int().min(1).max(200).optional() }),
    z.array(EvidenceSuggestion),
    read(['persona', 'participant', 'session', 'finding', 'board', 'stage'], { heavy: true }),
  ),
  'persona.export': op(
    z.strictObject({ personaId: Id, format: z.enum(DOCUMENT_FORMATS), options: DocumentOptions.optional() }),
    ExportedFile,
    read(['persona', 'participant', 'session', 'finding', 'study'], { runs: 'async', heavy: true }),
  ),
  /** Every persona of the study in one document. */
  'persona.exportAll': op(
    z.strictObject({ studyId: Id, format: z.enum(DOCUMENT_FORMATS), options: DocumentOptions.optional() }),
    ExportedFile,
    read(['persona', 'participant', 'session', 'finding', 'study'], { runs: 'async', heavy: true }),
  ),

  // The journey map: one per study (optionally for a persona), filled from the board.
  /** The study's journey map, created empty the first time it is asked for. */
  'journey.get': op(ByStudy, JourneyMap, read(['journey', 'stage', 'persona', 'finding', 'board', 'participant', 'session'], { createsOnFirstRead: true })),
  'journey.update': op(
    z.strictObject({ mapId: Id, title: Name.optional(), personaId: Id.nullable().optional(), basedOn: TitleBase.optional() }),
    JourneyMap,
    write(['journey']),
  ),
  /** Sets a stage's emotion score (-2..+2), or clears it with null. */
  'journey.setEmotion': op(z.strictObject({ mapId: Id, stageId: Id, score: EmotionScore.nullable() }), JourneyMap, write(['journey'])),
  'journey.addItem': op(
    z.strictObject({ mapId: Id, stageId: Id, lane: z.enum(JOURNEY_LANES), text: ItemText, terms: Terms.optional(), evidence: FindingIds.optional() }),
    JourneyMap,
    write(['journey']),
  ),
  'journey.updateItem': op(
    z.strictObject({
      itemId: Id,
      text: ItemText.optional(),
      terms: Terms.optional(),
      addTerms: Terms.optional(),
      removeTerms: Terms.optional(),
      /** The text the edit started from (refused as a conflict if saved otherwise meanwhile). */
      basedOn: TextBase.optional(),
    }),
    JourneyMap,
    write(['journey']),
  ),
  /** Moves an item to a cell (stage and lane) before `beforeId`; leaving the pain points drops its TERMS. */
  'journey.moveItem': op(
    z.strictObject({ itemId: Id, stageId: Id, lane: z.enum(JOURNEY_LANES), beforeId: BeforeId }),
    JourneyMap,
    write(['journey']),
  ),
  'journey.deleteItem': op(z.strictObject({ itemId: Id }), JourneyMap, write(['journey'])),
  'journey.linkEvidence': op(z.strictObject({ itemId: Id, findingIds: FindingIds.min(1) }), JourneyMap, write(['journey'])),
  'journey.unlinkEvidence': op(z.strictObject({ itemId: Id, findingId: Id }), JourneyMap, write(['journey'])),
  /** Fills every empty cell from the board (groups, themes, findings by stage and type), most evidenced first. */
  'journey.prefill': op(z.strictObject({ mapId: Id }), z.strictObject({ map: JourneyMap, added: z.number().int() }), write(['journey'])),
  'journey.export': op(
    z.strictObject({ mapId: Id, format: z.enum(JOURNEY_FORMATS), options: DocumentOptions.optional() }),
    ExportedFile,
    read(['journey', 'stage', 'persona', 'finding', 'participant', 'session', 'study'], { runs: 'async', heavy: true }),
  ),

  // Study archives and the whole-study document.
  /** The study as a `.fieldwork` archive (zip of versioned JSON and pictures). Writes nothing. */
  'archive.export': op(ArchiveExportRequest, ExportedFile, read(STUDY_CONTENT, { runs: 'async', heavy: true })),
  /**
   * Imports a `.fieldwork` archive as a new study, in one transaction (a bad file writes nothing).
   * When the study is already here, `mode` decides: ask (answers already_imported), duplicate or skip.
   */
  'archive.import': op(ArchiveImportRequest, ArchiveImportResult, write(STUDY_CONTENT, { runs: 'async' })),
  /** The whole study as one Markdown document, participants by code. Writes nothing. */
  'study.exportMarkdown': op(StudyMarkdownRequest, ExportedFile, read(STUDY_CONTENT, { runs: 'async', heavy: true })),

  // Data for other tools, and interview material from them.
  /** The study's findings as a table (CSV or Excel), participants by code. Writes nothing. */
  'interop.exportFindings': op(
    z.strictObject({ studyId: Id, format: z.enum(FINDINGS_TABLE_FORMATS), options: InteropExportOptions.optional() }),
    ExportedFile,
    read(['study', 'stage', 'participant', 'tag', 'session', 'finding', 'board'], { runs: 'async', heavy: true }),
  ),
  /** The study as a REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA or QualCoder. Writes nothing. */
  'interop.exportRefiQda': op(
    z.strictObject({ studyId: Id, options: InteropExportOptions.optional() }),
    ExportedFile,
    read(STUDY_CONTENT, { runs: 'async', heavy: true }),
  ),
  /** Reads a transcript or notes file (.vtt, .srt, .txt, .docx): its first paragraphs with times, and its problems. Writes nothing. */
  'interop.previewTranscript': op(TranscriptFile, TranscriptPreview, read([], { runs: 'async' })),
  /** Imports a transcript or notes file as a completed session of a participant, its paragraphs in the free notes. */
  'interop.importTranscript': op(TranscriptImport, SessionSummary, write(['session', 'note', 'participant'], { runs: 'async' })),

  // Live team sessions: teammates join a study's board from a browser on the network.
  /** The network interfaces a team session can be offered on (the host picks one). */
  'team.interfaces': op(z.strictObject({}), z.array(TeamInterface), control()),
  /** Opens a study's board to teammates on one address; the answer has a link and QR code per role. */
  'team.start': op(TeamStart, TeamStatus, write(['team'], { runs: 'async' })),
  /** The running team session, or null. */
  'team.status': op(z.strictObject({}), TeamStatus.nullable(), read(['team'])),
  'team.setRole': op(z.strictObject({ memberId: Id, role: TeamRoleSchema }), TeamStatus, write(['team'])),
  /** Removes a person: their connection closes at once and their credential no longer works. */
  'team.remove': op(z.strictObject({ memberId: Id }), TeamStatus, write(['team'])),
  /** New links for every role; people already in stay. */
  'team.rotateLinks': op(z.strictObject({}), TeamStatus, write(['team'])),
  /** Ends the team session: every link and credential dies with it. */
  'team.end': op(z.strictObject({}), Done.nullable(), write(['team'], { runs: 'async' })),
  /** A teammate's page exchanges the invitation in its link for a credential (once per tab). */
  'team.join': op(TeamJoin, TeamJoined, write(['team'], { team: 'invitation' })),
  /** Who the calling teammate is. */
  'team.me': op(z.strictObject({}), TeamMe, read(['team'], { team: EVERY_ROLE })),
  /** Relays where one person is on a board (pointer, selection, cards being dragged) to everyone on it; stores nothing. */
  'board.presence': op(BoardPresenceInput, z.strictObject({}), control({ team: BOARD_READERS })),
} as const;

export const events = {
  /** One committed write, pushed to every client in commit order (see changes.ts). */
  'library.changed': Change,
  /** What one editor typed into a note, committed; for the note's other editors. */
  'note.updated': NoteUpdated,
  /** Another editor's caret and name in a note, or that it left. Never stored. */
  'note.presence': NotePresenceEvent,
  /** Who has a page open on the running team session (for the host's list of people). Never stored. */
  'team.presence': TeamPresence,
  /** Where someone is on a board: their pointer, selection and what they are dragging. Never stored. */
  'board.presence': BoardPresence,
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type OperationInput<N extends OperationName> = z.input<Operations[N]['input']>;
export type ParsedInput<N extends OperationName> = z.output<Operations[N]['input']>;
export type OperationOutput<N extends OperationName> = z.output<Operations[N]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/** An operation's policy, widened to the common type (for code that handles any operation). */
export const policyOf = (name: OperationName): OperationPolicy => operations[name].policy;

export const OPERATION_NAMES = Object.keys(operations) as OperationName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(operations, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
