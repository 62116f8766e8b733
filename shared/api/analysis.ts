// Contract shapes for the analysis dashboard (progress, saturation, the pain-point
// heatmap, segment comparison, tag frequency and co-occurrence), its drill-down to
// the findings behind any number, and suggested groupings of unsorted findings.
// Everything counts only findings of participants who have not withdrawn consent.
import { z } from 'zod';
import { PAIN_KINDS, SEGMENT_DIMENSIONS } from '../domain.js';
import { Coverage, CoverageCell } from './participants.js';
import { StageRef } from './search.js';
import { Id } from './fields.js';

const Count = z.number().int();

/** Findings and the distinct participants behind them. */
const Evidence = { findings: Count, participants: Count };

/**
 * Pain points by journey stage (rows; null: no stage) and TERMS kind (columns). A
 * finding counts once in each kind it carries; participants are counted once per
 * cell, row and column, so rows do not add up to the total.
 */
export const PainMatrix = z.strictObject({
  cells: z.array(z.strictObject({ stageId: Id.nullable(), kind: z.enum(PAIN_KINDS), ...Evidence })),
  byStage: z.array(z.strictObject({ stageId: Id.nullable(), ...Evidence })),
  byKind: z.array(z.strictObject({ kind: z.enum(PAIN_KINDS), ...Evidence })),
  /** Findings carrying any TERMS kind. */
  total: z.strictObject(Evidence),
});
export type PainMatrix = z.infer<typeof PainMatrix>;

export const Progress = z.strictObject({
  planned: Count,
  /** Completed interviews (participants who withdrew are not counted). */
  completed: Count,
  inProgress: Count,
  scheduled: Count,
  missed: Count,
  /** Analysis starts at 25% of the planned interviews (DOMAIN.md, section 3). */
  checkpoint: z.strictObject({ target: Count, reached: z.boolean() }),
  coverage: Coverage,
  /** Cells of the coverage grid where nobody has been interviewed yet. */
  gaps: z.array(CoverageCell),
});
export type Progress = z.infer<typeof Progress>;

/** One completed interview, in the order they were held, and what first appeared in it. */
export const SaturationPoint = z.strictObject({
  sessionId: Id,
  participantId: Id,
  participantCode: z.string(),
  date: z.string().nullable(),
  findings: Count,
  /** Tags first used by a finding of this interview. */
  newTagIds: z.array(Id),
  /** Groups whose earliest finding comes from this interview. */
  newGroupIds: z.array(Id),
  /** Themes whose earliest finding (through their groups) comes from this interview. */
  newThemeIds: z.array(Id),
  /** Running totals up to and including this interview, for the curve. */
  tagsSoFar: Count,
  groupsSoFar: Count,
  themesSoFar: Count,
});

export const Saturation = z.strictObject({
  interviews: z.array(SaturationPoint),
  /** The plain-language reading as data: "the last `lastN` interviews added ..." */
  recent: z.strictObject({ lastN: Count, newTags: Count, newGroups: Count, newThemes: Count }),
});
export type Saturation = z.infer<typeof Saturation>;

export const SegmentComparison = z.strictObject({
  dimension: z.enum(SEGMENT_DIMENSIONS).nullable(),
  attribute: z.string().nullable(),
  /** One entry per value of the attribute ('' for participants without one). */
  values: z.array(z.strictObject({ value: z.string(), participants: Count, painPoints: PainMatrix })),
});
export type SegmentComparison = z.infer<typeof SegmentComparison>;

export const TagStats = z.strictObject({
  /** Tags in use, most used first. */
  tags: z.array(z.strictObject({ tagId: Id, name: z.string(), parentId: Id.nullable(), ...Evidence })),
  /** Pairs of tags on the same finding, most frequent first (at most 200). */
  pairs: z.array(z.strictObject({ tagIds: z.tuple([Id, Id]), findings: Count })),
});
export type TagStats = z.infer<typeof TagStats>;

export const Dashboard = z.strictObject({
  studyId: Id,
  /** The heatmap's rows in journey order; findings without a stage are the row `null`. */
  stages: z.array(StageRef),
  progress: Progress,
  saturation: Saturation,
  painPoints: PainMatrix,
  segments: SegmentComparison,
  tags: TagStats,
});
export type Dashboard = z.infer<typeof Dashboard>;

const SegmentAttribute = z.strictObject({ dimension: z.enum(SEGMENT_DIMENSIONS), attribute: z.string().trim().min(1).max(100) });

export const DashboardQuery = z.strictObject({
  studyId: Id,
  /** The attribute for coverage and segment comparison; the first one in use when omitted. */
  segment: SegmentAttribute.optional(),
});

/** The dashboard as a printable document (A4 landscape PDF) or an image, for the same query. */
export const DashboardExport = DashboardQuery.extend({ format: z.enum(['pdf', 'png']) });

/** Which number to explain: each selection returns exactly the findings counted in it. */
export const AnalysisSelection = z.discriminatedUnion('chart', [
  z.strictObject({
    chart: z.literal('painPoints'),
    /** A row (null: no stage); every stage when omitted. */
    stageId: Id.nullable().optional(),
    /** A column; any TERMS kind when omitted. */
    kind: z.enum(PAIN_KINDS).optional(),
    /** Only participants with this value of the attribute ('' : without one). */
    segment: SegmentAttribute.extend({ value: z.string().max(500) }).optional(),
  }),
  z.strictObject({ chart: z.literal('saturation'), sessionId: Id, what: z.enum(['tags', 'groups', 'themes']) }),
  /** One tag, or a pair: the findings carrying all of them. */
  z.strictObject({ chart: z.literal('tags'), tagIds: z.array(Id).min(1).max(2) }),
]);
export type AnalysisSelection = z.infer<typeof AnalysisSelection>;

export const SuggestGroupsQuery = z.strictObject({
  studyId: Id,
  /** One column (null: Unsorted); every column when omitted. Suggestions never mix columns. */
  stageId: Id.nullable().optional(),
  /** Cosine similarity a card needs to its group; 0.3 when omitted. */
  threshold: z.number().min(0.05).max(0.95).optional(),
});

/** A proposed group: accept it with board.createGroup (one undoable action) using these ids and name. */
export const SuggestedGroup = z.strictObject({
  stageId: Id.nullable(),
  /** Its top words, joined: a starting name the researcher edits. */
  name: z.string(),
  /** The words that tie the cards together, strongest first, with their weight (0..1). */
  topWords: z.array(z.strictObject({ word: z.string(), weight: z.number() })),
  findingIds: z.array(Id),
  /** Mean cosine similarity of the cards to the group's centre (0..1). */
  cohesion: z.number(),
});
export type SuggestedGroup = z.infer<typeof SuggestedGroup>;

export const GroupSuggestions = z.strictObject({
  groups: z.array(SuggestedGroup),
  /** Ungrouped findings looked at, and how many of them no suggestion took. */
  considered: Count,
  left: Count,
});
export type GroupSuggestions = z.infer<typeof GroupSuggestions>;
