// Failures opening a library, each with a message a user can act on.

export type LibraryOpenFailure =
  | 'newer_schema'
  | 'damaged'
  | 'not_a_database'
  /** An SQLite database, but not one Fieldwork wrote (tables without a schema version). */
  | 'foreign_database'
  | 'migration_failed'
  /** The system refused to read or write the file (see `cause`: disk full, read-only folder...). */
  | 'storage';

export class LibraryOpenError extends Error {
  constructor(
    readonly reason: LibraryOpenFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LibraryOpenError';
  }
}
