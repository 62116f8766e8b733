// The one handler map implementing the whole contract. TypeScript checks that it
// covers every operation and that each returns the contract's output type.
import { LATEST_SCHEMA_VERSION } from '../db/migrate.js';
import { tagHandlers } from './codebook.js';
import { boardHandlers } from './board.js';
import { boardUndoHandlers } from './board-undo.js';
import { documentExportHandlers } from './document-export.js';
import { findingHandlers } from './findings.js';
import { guideHandlers } from './guide.js';
import { journeyHandlers } from './journey.js';
import { noteHandlers } from './notes.js';
import { sessionHandlers } from './sessions.js';
import type { Handlers } from './handler-types.js';
import { participantHandlers } from './participants.js';
import { personaHandlers } from './personas.js';
import { stageHandlers } from './stages.js';
import { studyHandlers } from './studies.js';
import { analysisHandlers } from './analysis.js';
import { dashboardExportHandlers } from './dashboard-export.js';
import { searchHandlers } from './search.js';
import { suggestionHandlers } from './suggest-groups.js';
import { libraryHandlers, snapshotHandlers } from './snapshots.js';
import { archiveHandlers } from './archives.js';
import { interopHandlers } from './interop/handlers.js';
import { sampleHandlers } from './sample-first-start.js';
import { boardPresenceHandlers, teamHandlers } from './team.js';

export const handlers: Handlers = {
  'app.info': (_input, ctx) => ({
    name: 'Fieldwork',
    version: ctx.appVersion,
    schemaVersion: LATEST_SCHEMA_VERSION,
    dataDir: ctx.dataDir,
    readOnly: ctx.readOnly,
    readOnlyReason: ctx.readOnlyReason,
  }),
  'change.since': ({ revision }, ctx) => ctx.changes.since(revision),
  ...libraryHandlers,
  ...snapshotHandlers,
  ...sampleHandlers,
  ...studyHandlers,
  ...stageHandlers,
  ...participantHandlers,
  ...tagHandlers,
  ...guideHandlers,
  ...sessionHandlers,
  ...noteHandlers,
  ...findingHandlers,
  ...boardHandlers,
  ...boardUndoHandlers,
  ...suggestionHandlers,
  ...searchHandlers,
  ...analysisHandlers,
  ...dashboardExportHandlers,
  ...personaHandlers,
  ...journeyHandlers,
  ...documentExportHandlers,
  ...archiveHandlers,
  ...interopHandlers,
  ...teamHandlers,
  ...boardPresenceHandlers,
};
