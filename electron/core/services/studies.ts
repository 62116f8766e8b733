// Use cases on studies: list, overview, create, rename, trash, restore, purge.
import { listParticipantSummaries } from '../db/repos/participants.js';
import { scrubResults } from '../db/repos/change-log.js';
import { listStages } from '../db/repos/stages.js';
import {
  createStudy,
  getStudy,
  listStudies,
  purgeStudy,
  renameStudy,
  setStudyDeleted,
  studyCounts,
  updateStudy,
} from '../db/repos/studies.js';
import { coverageHandlers } from './coverage.js';
import { studyMarkdownHandlers } from './study-markdown.js';
import { notFound } from './errors.js';
import { checkEdit } from './edit-base.js';
import type { HandlerGroup } from './handler-types.js';

const study = (found: ReturnType<typeof getStudy>) => {
  if (!found) throw notFound('The study');
  return found;
};

export const studyHandlers: HandlerGroup<'study'> = {
  'study.list': ({ trash }, { db }) => listStudies(db, trash ?? false),

  'study.overview': ({ id }, { db }) => ({
    study: study(getStudy(db, id)),
    counts: studyCounts(db, id),
    stages: listStages(db, id),
    participants: listParticipantSummaries(db, id),
  }),

  'study.create': (input, { db, events }) => {
    const created = createStudy(db, input);
    events.touch(created.id, 'study');
    return created;
  },

  'study.rename': ({ id, name, basedOn }, ctx) => {
    const { db, events } = ctx;
    checkEdit(ctx, { table: 'study', id }, ['name'], study(getStudy(db, id)), basedOn, { name });
    const renamed = study(renameStudy(db, id, name));
    events.touch(id, 'study');
    return renamed;
  },

  'study.update': ({ id, basedOn, ...changes }, ctx) => {
    const { db, events } = ctx;
    checkEdit(ctx, { table: 'study', id }, ['goal', 'product'], study(getStudy(db, id)), basedOn, changes);
    const updated = study(updateStudy(db, id, changes));
    events.touch(id, 'study');
    return updated;
  },

  'study.delete': ({ id }, { db, events }) => {
    const deleted = study(setStudyDeleted(db, id, true));
    events.touch(id, 'study');
    return deleted;
  },

  'study.restore': ({ id }, { db, events }) => {
    const restored = study(setStudyDeleted(db, id, false));
    events.touch(id, 'study');
    return restored;
  },

  'study.purge': ({ id }, { db, events }) => {
    if (!purgeStudy(db, id)) throw notFound('The study in the trash');
    scrubResults(db, id);
    events.touch(id, 'study');
    return { id };
  },

  ...coverageHandlers,
  ...studyMarkdownHandlers,
};
