import { type LongTurn, openPglite } from './pglite.js';
import { openPostgres, type PostgresOptions } from './postgres.js';
import type { Db } from './types.js';

export {
  DatabaseError,
  isRetryableTransactionError,
  isUniqueViolation,
  SQLSTATE,
} from './database-error.js';
export { type Migration, migrate } from './migrate.js';
export { dumpPgliteTemplate, type LongTurn } from './pglite.js';
export { platformMigrations } from './platform-migrations.js';
export type { PostgresOptions } from './postgres.js';
export type { Db, Queryable, QueryResult, Subscription, Tx } from './types.js';

export interface OpenDatabaseOptions extends PostgresOptions {
  /** A postgres:// URL (`DATABASE_URL`): a PostgreSQL server, shared by every instance. */
  url?: string;
  /** Without `url`: PGlite's data folder (created if missing); undefined or 'memory://' for memory. */
  dataDir?: string;
  /** PGlite: a dump of an empty cluster (`dumpPgliteTemplate`) to start a new one from, instead of initdb. */
  pgliteTemplate?: Blob;
  /**
   * PGlite: told of a turn that holds its one connection for more than `longTurnMs` (default 10 s),
   * once per turn; every other statement of the process waits meanwhile. Never with parameters.
   */
  onLongTurn?: (turn: LongTurn) => void;
  longTurnMs?: number;
}

/**
 * Opens the database: a PostgreSQL server when `url` is given, otherwise embedded PostgreSQL (PGlite)
 * in a data folder or in memory. Same SQL and the same values on both (see values.ts).
 *
 * - `transaction(fn)` runs `fn` on one connection between BEGIN and COMMIT, or ROLLBACK when it
 *   throws. On a serialization failure or deadlock the whole transaction runs again (a few times,
 *   with jitter), so `fn` must not do anything outside the database that cannot happen twice.
 *   On PGlite transactions take turns on its single connection; they never interleave.
 * - Inside `fn`, use `tx` only: `db.query`/`db.transaction` there fail with DATABASE_MISUSE.
 * - Statement failures throw a `DatabaseError` with the SQLSTATE (`isUniqueViolation(e)`), never with
 *   the statement's parameters or the row's values. Nothing here logs SQL or parameters.
 * - A PGlite data folder is locked to one process (DATA_DIR_IN_USE otherwise); an unreachable server
 *   gives DATABASE_UNAVAILABLE.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Db> {
  if (options.url) return openPostgres(options.url, options);
  return openPglite(options.dataDir, {
    ...(options.pgliteTemplate ? { template: options.pgliteTemplate } : {}),
    ...(options.onLongTurn ? { onLongTurn: options.onLongTurn } : {}),
    ...(options.longTurnMs ? { longTurnMs: options.longTurnMs } : {}),
  });
}
