/**
 * The store cannot tell whether a transaction was saved: the connection was lost while its
 * COMMIT was on the way (a failover of PostgreSQL, a partition). The saved state is to be
 * read back before anything is decided on it.
 */
export class CommitOutcomeUnknownError extends Error {
  constructor(override readonly cause: unknown) {
    super(
      `The database did not say whether the commit was saved: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
}
