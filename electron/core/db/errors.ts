// Failures opening a library, each with a message a user can act on.

export type LibraryOpenFailure = 'newer_schema' | 'damaged' | 'not_a_database' | 'migration_failed';

export class LibraryOpenError extends Error {
  constructor(
    readonly reason: LibraryOpenFailure,
    message: string,
  ) {
    super(message);
    this.name = 'LibraryOpenError';
  }
}
