// The sample study a new library starts with, made once, in the language of the UI
// that first opens the library: a Chinese UI gets the Chinese sample, an English one
// the English sample. The note that it was made commits with it, so it is made once
// and, if the user deletes it, stays deleted. Desktop and browser mode both ask for it
// from the renderer at start (sample.firstStart), when the UI's language is known;
// tests and tools may make it as the library opens instead.
import type { StudyLanguage } from '../../../shared/domain.js';
import type { ServiceContext } from './context.js';
import type { HandlerGroup } from './handler-types.js';
import { readSampleStudy, sampleStudyFile, writeSampleStudy } from './sample/seed.js';

const SAMPLE_MARKER = 'sample_study_created';

/**
 * Makes the sample study in `language` unless this library ever had one; says whether
 * it did. Call inside a transaction (the dispatcher's, or runInTransaction): the check,
 * the study and the note then commit together, under the write lock.
 */
export function seedSampleOnce(ctx: ServiceContext, language: StudyLanguage): boolean {
  const { db } = ctx;
  if (db.prepare('SELECT value FROM app_setting WHERE key = ?').get(SAMPLE_MARKER)) return false;
  writeSampleStudy(ctx, readSampleStudy(sampleStudyFile(ctx.resourcesDir, language)));
  db.prepare('INSERT INTO app_setting (key, value) VALUES (?, ?)').run(SAMPLE_MARKER, new Date().toISOString());
  return true;
}

export const sampleHandlers: HandlerGroup<'sample'> = {
  'sample.firstStart': ({ language }, ctx) => ({
    created: ctx.sampleOnFirstStart === true && !ctx.readOnly ? seedSampleOnce(ctx, language) : false,
  }),
};
