// The research method's vocabulary (see the domain brief): journey stages, TERMS
// pain kinds, finding types, participant sources and statuses. The UI, the schema and
// the services all take their words from here, so there is one list of each.

/** The five kinds of pain point: Time, Emotion, Risk, Money, Situation. */
export const PAIN_KINDS = ['T', 'E', 'R', 'M', 'S'] as const;
export type PainKind = (typeof PAIN_KINDS)[number];

/** What a finding is, as pulled out of the notes at level 1 of the affinity board. */
export const FINDING_TYPES = [
  'touchpoint',
  'influencer',
  'pain_point',
  'improvement_idea',
  'quote',
  'do',
  'think',
  'feel',
] as const;
export type FindingType = (typeof FINDING_TYPES)[number];

/** Where a participant comes from: maximum variation needs both own and competitors' customers. */
export const PARTICIPANT_SOURCES = ['own', 'competitor', 'other'] as const;
export type ParticipantSource = (typeof PARTICIPANT_SOURCES)[number];

export const PARTICIPANT_STATUSES = ['recruited', 'scheduled', 'interviewed', 'no_show'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/** Segment dimensions that distinguish personas. */
export const SEGMENT_DIMENSIONS = [
  'demographic',
  'geographic',
  'behavioural',
  'psychographic',
  'needs',
] as const;
export type SegmentDimension = (typeof SEGMENT_DIMENSIONS)[number];

export const SESSION_STATUSES = ['planned', 'in_progress', 'paused', 'completed', 'missed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** Rows of the journey-map document. */
export const JOURNEY_LANES = [
  'doing',
  'thinking',
  'feeling',
  'touchpoints',
  'influencers',
  'pain_points',
  'opportunities',
] as const;
export type JourneyLane = (typeof JOURNEY_LANES)[number];

/** Lists on a persona that hold several statements, each of which can cite evidence. */
export const PERSONA_LISTS = [
  'motivations',
  'goals',
  'challenges',
  'scenarios',
  'decision_process',
  'expectations',
  'quotes',
  'value_sought',
] as const;
export type PersonaList = (typeof PERSONA_LISTS)[number];

/**
 * The default journey stages of a new study. These are stored per study as ordinary
 * rows (the team renames and reorders them), so this list is only a starting point;
 * `key` lets the UI translate an untouched default name.
 */
export const DEFAULT_STAGE_KEYS = [
  'awareness',
  'consideration',
  'decision',
  'purchase',
  'experience',
  'loyalty',
] as const;
export type DefaultStageKey = (typeof DEFAULT_STAGE_KEYS)[number];

export const DEFAULT_STAGE_NAMES: Record<DefaultStageKey, string> = {
  awareness: 'Awareness',
  consideration: 'Consideration',
  decision: 'Decision',
  purchase: 'Purchase',
  experience: 'Experience',
  loyalty: 'Loyalty',
};

/** The emotion curve of a journey map runs from -2 (very negative) to +2 (very positive). */
export const EMOTION_MIN = -2;
export const EMOTION_MAX = 2;

/** The probes every guide question offers by default: do, think, feel, and why. */
export const DEFAULT_PROBE_KEYS = ['next', 'thinking', 'feeling', 'why'] as const;

/** The language a study is run in: it picks default probes, templates and export labels. */
export const STUDY_LANGUAGES = ['en', 'zh-Hans', 'zh-Hant'] as const;
export type StudyLanguage = (typeof STUDY_LANGUAGES)[number];

/** A planned interview lasts about one hour. */
export const SESSION_MINUTES = 60;

/** The PERSONAL quality checklist a persona should pass, one letter per principle. */
export const PERSONAL_LETTERS = ['P', 'E', 'R', 'S', 'O', 'N', 'A', 'L'] as const;
export type PersonalLetter = (typeof PERSONAL_LETTERS)[number];

/** Past this many personas a study has more than a team can remember and use (the N of PERSONAL). */
export const PERSONA_HANDFUL = 5;

/** Colour palettes of generated persona avatars ('generated:<palette>'). */
export const AVATAR_PALETTES = ['blue', 'teal', 'green', 'amber', 'orange', 'red', 'pink', 'purple', 'slate'] as const;
export type AvatarPalette = (typeof AVATAR_PALETTES)[number];

/** Uploaded avatar images: these formats, at most this many bytes. */
export const AVATAR_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const AVATAR_MAX_BYTES = 512 * 1024;

/** The finding type each journey-map lane is filled from (quotes fill no lane). */
export const LANE_FINDING_TYPE: Record<JourneyLane, FindingType> = {
  doing: 'do',
  thinking: 'think',
  feeling: 'feel',
  touchpoints: 'touchpoint',
  influencers: 'influencer',
  pain_points: 'pain_point',
  opportunities: 'improvement_idea',
};
