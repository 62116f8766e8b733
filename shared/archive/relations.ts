// How the lists of an archive refer to one another: which field of which list is an
// id, and which point at another list's ids. One table drives both the reference
// check a reader runs before writing anything (every reference must stay inside the
// archive: a hostile file must not attach rows to another study of the library) and
// the id remapping an import does when ids collide with rows already there.
import { ArchiveProblem } from './problems.js';
import type { ArchiveDataV1 } from './v1.js';

type ListName = keyof ArchiveDataV1;

interface Relation {
  /** False for the rows keyed only by what they join (a session's question, a stage's emotion score). */
  ownId: boolean;
  /** Field -> the list whose ids it holds (arrays of ids too). */
  refs: Readonly<Record<string, ListName>>;
  /** Field combinations no two rows may share (the database's unique keys). */
  unique?: ReadonlyArray<readonly string[]>;
}

export const RELATIONS: Readonly<Record<ListName, Relation>> = {
  study: { ownId: true, refs: {} },
  stages: { ownId: true, refs: {} },
  touchpoints: { ownId: true, refs: { stageId: 'stages' } },
  influencers: { ownId: true, refs: { stageId: 'stages' } },
  participants: { ownId: true, refs: {}, unique: [['code']] },
  tags: { ownId: true, refs: { parentId: 'tags' } },
  guides: { ownId: true, refs: {} },
  guideVersions: { ownId: true, refs: { guideId: 'guides' }, unique: [['guideId', 'number']] },
  guideSections: { ownId: true, refs: { guideVersionId: 'guideVersions' } },
  guideQuestions: { ownId: true, refs: { sectionId: 'guideSections', stageId: 'stages' } },
  sessions: { ownId: true, refs: { participantId: 'participants', guideVersionId: 'guideVersions', currentQuestionId: 'guideQuestions' } },
  sessionQuestions: { ownId: false, refs: { sessionId: 'sessions', questionId: 'guideQuestions' }, unique: [['sessionId', 'questionId']] },
  notes: { ownId: true, refs: { sessionId: 'sessions', questionId: 'guideQuestions' }, unique: [['sessionId', 'questionId']] },
  themes: { ownId: true, refs: {} },
  groups: { ownId: true, refs: { stageId: 'stages', themeId: 'themes' } },
  findings: {
    ownId: true,
    refs: {
      sessionId: 'sessions',
      participantId: 'participants',
      noteId: 'notes',
      questionId: 'guideQuestions',
      stageId: 'stages',
      groupId: 'groups',
      tagIds: 'tags',
    },
  },
  links: { ownId: true, refs: { fromGroupId: 'groups', fromThemeId: 'themes', toGroupId: 'groups', toThemeId: 'themes' } },
  personas: { ownId: true, refs: { participantIds: 'participants' } },
  personaItems: { ownId: true, refs: { personaId: 'personas', evidence: 'findings' } },
  journeyMaps: { ownId: true, refs: { personaId: 'personas' } },
  journeyEmotions: { ownId: false, refs: { mapId: 'journeyMaps', stageId: 'stages' }, unique: [['mapId', 'stageId']] },
  journeyItems: { ownId: true, refs: { mapId: 'journeyMaps', stageId: 'stages', evidence: 'findings' } },
};

export const LIST_NAMES = Object.keys(RELATIONS) as ListName[];

type Row = Record<string, unknown>;

/** The rows of a list (the study is a list of one). */
export function rowsOf(data: ArchiveDataV1, list: ListName): Row[] {
  const value = data[list];
  return (Array.isArray(value) ? value : [value]) as Row[];
}

const bad = (message: string) => new ArchiveProblem('bad_reference', message);

/**
 * Refuses an archive whose ids repeat, whose references point outside it, or whose
 * rows break a unique key; a clean archive can then be written without a constraint
 * failing halfway.
 */
export function checkReferences(data: ArchiveDataV1): void {
  const idsOf = new Map<ListName, Set<string>>();
  const everyId = new Set<string>();
  for (const list of LIST_NAMES) {
    const ids = new Set<string>();
    if (RELATIONS[list].ownId) {
      for (const row of rowsOf(data, list)) {
        const id = row.id as string;
        if (everyId.has(id)) throw bad(`The id ${id} is used twice (in ${list}).`);
        everyId.add(id);
        ids.add(id);
      }
    }
    idsOf.set(list, ids);
  }
  for (const list of LIST_NAMES) {
    const { refs, unique = [] } = RELATIONS[list];
    const seen = unique.map(() => new Set<string>());
    rowsOf(data, list).forEach((row, index) => {
      for (const [field, target] of Object.entries(refs)) {
        const value = row[field];
        const values = Array.isArray(value) ? (value as string[]) : value === null || value === undefined ? [] : [value as string];
        if (Array.isArray(value) && new Set(values).size !== values.length) throw bad(`${list}[${index}].${field} lists an id twice.`);
        for (const id of values) {
          if (!idsOf.get(target)!.has(id)) throw bad(`${list}[${index}].${field} points at ${id}, which is not in the archive's ${target}.`);
        }
      }
      unique.forEach((fields, k) => {
        const key = JSON.stringify(fields.map((f) => row[f] ?? null));
        if (seen[k]!.has(key)) throw bad(`Two ${list} share the same ${fields.join(' and ')}.`);
        seen[k]!.add(key);
      });
    });
  }
}

/** Every id the archive's rows own. */
export function ownIds(data: ArchiveDataV1): Array<{ list: ListName; id: string }> {
  return LIST_NAMES.filter((list) => RELATIONS[list].ownId).flatMap((list) => rowsOf(data, list).map((row) => ({ list, id: row.id as string })));
}

/** A copy of the data with every id (own and referenced) passed through `map`, so references stay consistent. */
export function mapIds(data: ArchiveDataV1, map: (id: string) => string): ArchiveDataV1 {
  const mapRow = (list: ListName, row: Row): Row => {
    const out: Row = { ...row };
    if (RELATIONS[list].ownId) out.id = map(row.id as string);
    for (const field of Object.keys(RELATIONS[list].refs)) {
      const value = row[field];
      if (Array.isArray(value)) out[field] = (value as string[]).map(map);
      else if (typeof value === 'string') out[field] = map(value);
    }
    return out;
  };
  const copy: Record<string, unknown> = {};
  for (const list of LIST_NAMES) {
    const value = data[list];
    copy[list] = Array.isArray(value) ? (value as Row[]).map((row) => mapRow(list, row)) : mapRow(list, value as Row);
  }
  return copy as ArchiveDataV1;
}
