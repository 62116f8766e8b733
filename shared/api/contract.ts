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
import { LibraryStatus, RestoreOutcome, Snapshot, SnapshotId } from './snapshots.js';
import { ArchiveExportRequest, ArchiveImportRequest, ArchiveImportResult, StudyMarkdownRequest } from './archives.js';
import { FINDINGS_TABLE_FORMATS, InteropExportOptions, TranscriptFile, TranscriptImport, TranscriptPreview } from './interop.js';

function op<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

const ById = z.strictObject({ id: Id });
const ByStudy = z.strictObject({ studyId: Id });
const Done = z.strictObject({ id: Id });
/** Where a moved item lands: before `beforeId`, or at the end when null. */
const BeforeId = Id.nullable();
/** Findings cited at once: a statement rarely needs more. */
const FindingIds = z.array(Id).max(100);
const Terms = z.array(z.enum(PAIN_KINDS)).max(PAIN_KINDS.length);

export const operations = {
  'app.info': op(z.strictObject({}), AppInfo),

  // The library's health, and snapshots to go back to. When the library could not be
  // opened, only library.*, snapshot.list, snapshot.restore and app.info answer.
  /** How the library opened: ok, read-only or unavailable, why, and what the user can do about it. */
  'library.status': op(z.strictObject({}), LibraryStatus),
  /** Goes on with a library that has a problem, read-only. */
  'library.openReadOnly': op(z.strictObject({}), LibraryStatus),
  /** Every table that can still be read, as one JSON file. Writes nothing. */
  'library.exportReadable': op(z.strictObject({}), ExportedFile),
  /** Quits the app (in browser mode: stops the server); `stopping` is false where it cannot. */
  'library.quit': op(z.strictObject({}), z.strictObject({ stopping: z.boolean() })),
  /** Snapshots, newest first. */
  'snapshot.list': op(z.strictObject({}), z.array(Snapshot)),
  /** "Take a snapshot now". */
  'snapshot.create': op(z.strictObject({}), Snapshot),
  /** Replaces the library's content with a snapshot's, after snapshotting the current state. */
  'snapshot.restore': op(z.strictObject({ id: SnapshotId }), RestoreOutcome),
  'snapshot.delete': op(z.strictObject({ id: SnapshotId }), z.strictObject({ id: SnapshotId })),

  /**
   * Creates the sample study, in the language of the UI that first opens the library,
   * if this library never had one (a deleted sample stays deleted). The UI calls it at
   * start; `created` says whether it did anything.
   */
  'sample.firstStart': op(z.strictObject({ language: z.enum(STUDY_LANGUAGES) }), z.strictObject({ created: z.boolean() })),

  'study.list': op(z.strictObject({ trash: z.boolean().optional() }), z.array(StudySummary)),
  'study.overview': op(ById, StudyOverview),
  'study.create': op(
    z.strictObject({
      name: Name,
      goal: ShortText.optional(),
      product: ShortText.optional(),
      plannedInterviews: z.number().int().min(0).max(10_000).optional(),
      language: z.enum(STUDY_LANGUAGES).optional(),
    }),
    Study,
  ),
  'study.update': op(
    z.strictObject({
      id: Id,
      goal: ShortText.optional(),
      product: ShortText.optional(),
      plannedInterviews: z.number().int().min(0).max(10_000).optional(),
      language: z.enum(STUDY_LANGUAGES).optional(),
    }),
    Study,
  ),
  'study.rename': op(z.strictObject({ id: Id, name: Name }), Study),
  /** Moves a study to the trash; `study.restore` brings it back. */
  'study.delete': op(ById, Study),
  'study.restore': op(ById, Study),
  /** Deletes a study from the trash for good. */
  'study.purge': op(ById, Done),

  // The hypothesis journey: stages with their touchpoints, influencers and information needs.
  'stage.create': op(z.strictObject({ studyId: Id, name: Name }), JourneyStage),
  'stage.update': op(
    z.strictObject({ id: Id, name: Name.optional(), description: ShortText.optional(), informationNeeds: ShortText.optional() }),
    JourneyStage,
  ),
  'stage.move': op(z.strictObject({ id: Id, beforeId: BeforeId }), z.array(JourneyStage)),
  /**
   * Removes a stage; its findings, groups and guide questions move to `moveTo` (or become unstaged).
   * The last stage of a study cannot be removed (conflict, reason `last_stage`).
   */
  'stage.delete': op(z.strictObject({ id: Id, moveTo: Id.nullable() }), Done),
  'stage.addItem': op(
    z.strictObject({ stageId: Id, kind: z.enum(['touchpoint', 'influencer']), name: Name }),
    JourneyStage,
  ),
  'stage.removeItem': op(z.strictObject({ stageId: Id, kind: z.enum(['touchpoint', 'influencer']), itemId: Id }), JourneyStage),

  'participant.list': op(ByStudy, z.array(Participant)),
  'participant.create': op(z.strictObject({ studyId: Id, fields: ParticipantFields }), Participant),
  'participant.update': op(z.strictObject({ id: Id, fields: ParticipantFields.partial() }), Participant),
  /** Withdraws consent (or reinstates it): a withdrawn participant's data leaves every board, analysis and export. */
  'participant.setWithdrawn': op(z.strictObject({ id: Id, withdrawn: z.boolean() }), Participant),
  'participant.delete': op(ById, Done),
  'participant.importPreview': op(ImportRequest, ImportPreview),
  'participant.importCommit': op(
    ImportRequest.extend({ mapping: ImportRequest.shape.mapping.unwrap() }),
    z.strictObject({ imported: z.number().int(), skipped: z.number().int() }),
  ),
  'study.coverage': op(
    z.strictObject({ studyId: Id, dimension: z.enum(SEGMENT_DIMENSIONS).optional(), attribute: z.string().max(100).optional() }),
    Coverage,
  ),

  'tag.list': op(z.strictObject({ studyId: Id, trash: z.boolean().optional() }), z.array(Tag)),
  'tag.create': op(z.strictObject({ studyId: Id, fields: TagFields }), Tag),
  'tag.update': op(z.strictObject({ id: Id, fields: TagFields.partial() }), Tag),
  /**
   * Moves a tag to the trash (undoable with tag.restore); its uses are kept for restoring.
   * Its children become top-level tags until it is restored, when they go back under it.
   */
  'tag.delete': op(ById, Tag),
  'tag.restore': op(ById, Tag),
  /** Moves every use and child of `sourceId` onto `targetId`, then removes the source tag. */
  'tag.merge': op(z.strictObject({ sourceId: Id, targetId: Id }), Tag),

  /** The study's guide at a version (the newest when omitted), or null before one exists. */
  'guide.get': op(z.strictObject({ studyId: Id, versionId: Id.optional() }), GuideDocument.nullable()),
  'guide.create': op(z.strictObject({ studyId: Id, source: GuideSource }), GuideDocument),
  'guide.rename': op(z.strictObject({ guideId: Id, title: Name }), GuideDocument),
  /** Starts an editable draft copied from the newest published version. */
  'guide.newVersion': op(z.strictObject({ guideId: Id }), GuideDocument),
  /** Publishes (freezes) a draft with a note on what changed: required from v2 on (reason `change_note_required`). */
  'guide.publish': op(z.strictObject({ versionId: Id, changeNote: ShortText }), GuideDocument),
  'guide.addSection': op(z.strictObject({ versionId: Id, title: Name }), GuideDocument),
  'guide.updateSection': op(z.strictObject({ sectionId: Id, title: Name }), GuideDocument),
  'guide.moveSection': op(z.strictObject({ sectionId: Id, beforeId: BeforeId }), GuideDocument),
  'guide.deleteSection': op(z.strictObject({ sectionId: Id }), GuideDocument),
  /** Probes omitted: the study language's default probes (do, think, feel, why); an empty list: none. */
  'guide.addQuestion': op(z.strictObject({ sectionId: Id, fields: QuestionFields }), GuideDocument),
  'guide.updateQuestion': op(z.strictObject({ questionId: Id, fields: QuestionFields }), GuideDocument),
  'guide.moveQuestion': op(z.strictObject({ questionId: Id, sectionId: Id, beforeId: BeforeId }), GuideDocument),
  'guide.deleteQuestion': op(z.strictObject({ questionId: Id }), GuideDocument),
  'guide.export': op(z.strictObject({ versionId: Id, format: z.enum(['markdown', 'html', 'pdf']) }), ExportedFile),

  // Interviews: the register of sessions, the live session and its timer.
  'session.list': op(ByStudy, z.array(SessionSummary)),
  /** Sessions still running or paused anywhere in the library, to resume after a restart. */
  'session.active': op(z.strictObject({}), z.array(SessionSummary)),
  'session.create': op(NewSessionFields, SessionSummary),
  'session.update': op(
    z.strictObject({ id: Id, interviewer: ShortText.optional(), scheduledAt: z.string().max(40).nullable().optional(), missed: z.boolean().optional() }),
    SessionSummary,
  ),
  'session.delete': op(ById, Done),
  'session.get': op(ById, SessionDetail),
  'session.start': op(ById, SessionState),
  'session.pause': op(ById, SessionState),
  'session.resume': op(ById, SessionState),
  'session.end': op(ById, SessionState),
  /** Moves to another question (null: the free "other" notes), accounting the time spent. */
  'session.goto': op(z.strictObject({ id: Id, questionId: Id.nullable() }), SessionState),
  'session.markQuestion': op(z.strictObject({ id: Id, questionId: Id, state: z.enum(['asked', 'skipped', 'none']) }), SessionState),
  'session.report': op(ById, SessionReport),

  /** Saves a question's notes; the answer means the text is committed to disk. */
  'note.save': op(
    z.strictObject({ sessionId: Id, questionId: Id.nullable(), content: EditorState }),
    z.strictObject({ noteId: Id, revision: z.number().int(), savedAt: z.string() }),
  ),

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
  ),
  'finding.update': op(z.strictObject({ id: Id, fields: FindingFields }), Finding),
  'finding.delete': op(ById, Done),

  // The affinity board. Every change below is one undoable action (board.undo / board.redo).
  'board.get': op(ByStudy, Board),
  /** Moves cards into a column (stage, or null: Unsorted) and optionally a group, before `beforeId`. */
  'board.moveCards': op(
    z.strictObject({ studyId: Id, findingIds: z.array(Id).min(1).max(1000), stageId: Id.nullable(), groupId: Id.nullable(), beforeId: Id.nullable() }),
    UndoState,
  ),
  'board.createGroup': op(
    z.strictObject({ studyId: Id, stageId: Id.nullable(), name: Name, findingIds: z.array(Id).max(1000), color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional() }),
    BoardGroup,
  ),
  'board.updateGroup': op(z.strictObject({ id: Id, fields: GroupFields }), BoardGroup),
  'board.moveGroup': op(z.strictObject({ id: Id, stageId: Id.nullable(), beforeId: Id.nullable() }), UndoState),
  /** Dissolves a group: its cards stay in the column, ungrouped. */
  'board.deleteGroup': op(ById, UndoState),
  'board.createTheme': op(z.strictObject({ studyId: Id, name: Name, groupIds: z.array(Id).max(500) }), BoardTheme),
  'board.updateTheme': op(z.strictObject({ id: Id, name: Name.optional(), color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional() }), BoardTheme),
  'board.deleteTheme': op(ById, UndoState),
  'board.link': op(z.strictObject({ studyId: Id, from: LinkEnd, to: LinkEnd, label: LinkLabel }), BoardLink),
  'board.updateLink': op(z.strictObject({ id: Id, label: LinkLabel }), BoardLink),
  'board.unlink': op(ById, UndoState),
  'board.undo': op(ByStudy, UndoState),
  'board.redo': op(ByStudy, UndoState),
  /** Cause chains ranked by the evidence behind them (findings, distinct participants). */
  'board.drivers': op(ByStudy, z.array(Driver)),
  /**
   * Proposed groups for the ungrouped findings (local TF-IDF clustering, nothing written).
   * Accepting one is board.createGroup with its stage, name and findings: one undoable action.
   */
  'board.suggestGroups': op(SuggestGroupsQuery, GroupSuggestions),

  // Search and analysis.
  /** Finds notes, findings, groups, themes, personas, participants, guide questions and tags, in any language. */
  'search.query': op(SearchQuery, SearchResult),
  /** Progress, saturation, the stage x TERMS heatmap, segment comparison and tag co-occurrence of a study. */
  'analysis.dashboard': op(DashboardQuery, Dashboard),
  /** The findings behind one number of the dashboard, as board cards. */
  'analysis.evidence': op(z.strictObject({ studyId: Id, selection: AnalysisSelection }), z.array(BoardCard)),
  /** The dashboard exported as a document in the study's language: PDF (A4 landscape) or PNG. Writes nothing. */
  'analysis.export': op(DashboardExport, ExportedFile),

  // Personas: segments written as one person, every statement citing findings.
  'persona.list': op(ByStudy, z.array(PersonaSummary)),
  'persona.get': op(ById, Persona),
  /** Creates a persona for a segment (resolved to its participants now) or a hand-picked set of participants. */
  'persona.create': op(z.strictObject({ studyId: Id, name: Name, members: PersonaMembers, fields: PersonaFields.omit({ name: true }).optional() }), Persona),
  /** Changes fields and/or who the persona stands for (a new segment, or hand-picked participants). */
  'persona.update': op(z.strictObject({ id: Id, fields: PersonaFields.optional(), members: PersonaMembers.optional() }), Persona),
  'persona.move': op(z.strictObject({ id: Id, beforeId: BeforeId }), z.array(PersonaSummary)),
  'persona.delete': op(ById, Done),
  'persona.addItem': op(z.strictObject({ personaId: Id, list: z.enum(PERSONA_LISTS), text: ItemText, evidence: FindingIds.optional() }), Persona),
  'persona.updateItem': op(z.strictObject({ itemId: Id, text: ItemText }), Persona),
  /** Moves a statement within its list or into another list, before `beforeId`. */
  'persona.moveItem': op(z.strictObject({ itemId: Id, list: z.enum(PERSONA_LISTS), beforeId: BeforeId }), Persona),
  'persona.deleteItem': op(z.strictObject({ itemId: Id }), Persona),
  'persona.linkEvidence': op(z.strictObject({ itemId: Id, findingIds: FindingIds.min(1) }), Persona),
  'persona.unlinkEvidence': op(z.strictObject({ itemId: Id, findingId: Id }), Persona),
  /** Pain points and quotes of the persona's participants not yet cited, most corroborated first. */
  'persona.suggest': op(
    z.strictObject({ personaId: Id, list: z.enum(['challenges', 'quotes']).optional(), limit: z.number().int().min(1).max(200).optional() }),
    z.array(EvidenceSuggestion),
  ),
  'persona.export': op(z.strictObject({ personaId: Id, format: z.enum(DOCUMENT_FORMATS), options: DocumentOptions.optional() }), ExportedFile),
  /** Every persona of the study in one document. */
  'persona.exportAll': op(z.strictObject({ studyId: Id, format: z.enum(DOCUMENT_FORMATS), options: DocumentOptions.optional() }), ExportedFile),

  // The journey map: one per study (optionally for a persona), filled from the board.
  /** The study's journey map, created empty the first time it is asked for. */
  'journey.get': op(ByStudy, JourneyMap),
  'journey.update': op(z.strictObject({ mapId: Id, title: Name.optional(), personaId: Id.nullable().optional() }), JourneyMap),
  /** Sets a stage's emotion score (-2..+2), or clears it with null. */
  'journey.setEmotion': op(z.strictObject({ mapId: Id, stageId: Id, score: EmotionScore.nullable() }), JourneyMap),
  'journey.addItem': op(
    z.strictObject({ mapId: Id, stageId: Id, lane: z.enum(JOURNEY_LANES), text: ItemText, terms: Terms.optional(), evidence: FindingIds.optional() }),
    JourneyMap,
  ),
  'journey.updateItem': op(z.strictObject({ itemId: Id, text: ItemText.optional(), terms: Terms.optional() }), JourneyMap),
  /** Moves an item to a cell (stage and lane) before `beforeId`; leaving the pain points drops its TERMS. */
  'journey.moveItem': op(z.strictObject({ itemId: Id, stageId: Id, lane: z.enum(JOURNEY_LANES), beforeId: BeforeId }), JourneyMap),
  'journey.deleteItem': op(z.strictObject({ itemId: Id }), JourneyMap),
  'journey.linkEvidence': op(z.strictObject({ itemId: Id, findingIds: FindingIds.min(1) }), JourneyMap),
  'journey.unlinkEvidence': op(z.strictObject({ itemId: Id, findingId: Id }), JourneyMap),
  /** Fills every empty cell from the board (groups, themes, findings by stage and type), most evidenced first. */
  'journey.prefill': op(z.strictObject({ mapId: Id }), z.strictObject({ map: JourneyMap, added: z.number().int() })),
  'journey.export': op(z.strictObject({ mapId: Id, format: z.enum(JOURNEY_FORMATS), options: DocumentOptions.optional() }), ExportedFile),

  // Study archives and the whole-study document.
  /** The study as a `.fieldwork` archive (zip of versioned JSON and pictures). Writes nothing. */
  'archive.export': op(ArchiveExportRequest, ExportedFile),
  /**
   * Imports a `.fieldwork` archive as a new study, in one transaction (a bad file writes nothing).
   * When the study is already here, `mode` decides: ask (answers already_imported), duplicate or skip.
   */
  'archive.import': op(ArchiveImportRequest, ArchiveImportResult),
  /** The whole study as one Markdown document, participants by code. Writes nothing. */
  'study.exportMarkdown': op(StudyMarkdownRequest, ExportedFile),

  // Data for other tools, and interview material from them.
  /** The study's findings as a table (CSV or Excel), participants by code. Writes nothing. */
  'interop.exportFindings': op(z.strictObject({ studyId: Id, format: z.enum(FINDINGS_TABLE_FORMATS), options: InteropExportOptions.optional() }), ExportedFile),
  /** The study as a REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA or QualCoder. Writes nothing. */
  'interop.exportRefiQda': op(z.strictObject({ studyId: Id, options: InteropExportOptions.optional() }), ExportedFile),
  /** Reads a transcript or notes file (.vtt, .srt, .txt, .docx): its first paragraphs with times, and its problems. Writes nothing. */
  'interop.previewTranscript': op(TranscriptFile, TranscriptPreview),
  /** Imports a transcript or notes file as a completed session of a participant, its paragraphs in the free notes. */
  'interop.importTranscript': op(TranscriptImport, SessionSummary),
} as const;

export const events = {
  'study.changed': z.strictObject({
    studyId: Id,
    change: z.enum(['created', 'updated', 'deleted', 'restored', 'purged']),
  }),
  /** Something inside a study changed; `area` says which cached views are stale. */
  'study.contentChanged': z.strictObject({
    studyId: Id,
    area: z.enum(['stages', 'participants', 'tags', 'guide', 'sessions', 'findings', 'board', 'personas', 'journey']),
  }),
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type OperationInput<N extends OperationName> = z.input<Operations[N]['input']>;
export type ParsedInput<N extends OperationName> = z.output<Operations[N]['input']>;
export type OperationOutput<N extends OperationName> = z.output<Operations[N]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const OPERATION_NAMES = Object.keys(operations) as OperationName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(operations, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
