// What every handler receives: the database, the event bus and library facts.
import type Database from 'better-sqlite3';
import type { EventBus } from './events.js';

export interface ServiceContext {
  db: Database.Database;
  events: EventBus;
  dataDir: string;
  readOnly: boolean;
  readOnlyReason: string | null;
  appVersion: string;
}
