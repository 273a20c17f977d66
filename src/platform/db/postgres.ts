import pg from 'pg';
import { AppError } from '../errors.js';
import { DatabaseError, SQLSTATE, toDatabaseError } from './database-error.js';
import { withTransactionRetries } from './retry.js';
import { misuse, TransactionScope } from './scope.js';
import type { Db, QueryResult, Tx } from './types.js';
import { normalizeParams, postgresParsers } from './values.js';

export interface PostgresOptions {
  /** Connections per instance (default 10, or `DATABASE_POOL_SIZE`). */
  poolSize?: number;
  /** A statement running longer is cancelled (default 30 s); migrations lift it for themselves. */
  statementTimeoutMs?: number;
}

const typeParsers = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    postgresParsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

type Client = pg.Pool | pg.PoolClient;

/**
 * One statement on a server. Without parameters the simple protocol runs (several statements
 * allowed, the last one's result returned), with parameters the extended protocol.
 */
async function runStatement(
  on: Client,
  sql: string,
  params?: readonly unknown[],
): Promise<QueryResult<unknown>> {
  try {
    const values = normalizeParams(params);
    const raw = (await (values ? on.query(sql, values) : on.query(sql))) as pg.QueryResult | pg.QueryResult[];
    const result = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    return { rows: result?.rows ?? [], rowCount: result?.rowCount ?? result?.rows.length ?? 0 };
  } catch (e) {
    throw toDatabaseError(e);
  }
}

class PostgresDb implements Db {
  readonly kind = 'postgres' as const;
  readonly #pool: pg.Pool;
  readonly #scope = new TransactionScope();
  #closed = false;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async query<T = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<T>> {
    this.#scope.assertOutside('query');
    if (this.#closed) throw misuse('database-closed');
    return (await runStatement(this.#pool, sql, params)) as QueryResult<T>;
  }

  async transaction<T>(fn: (tx: Tx) => Promise<T>, options?: { serializable?: boolean }): Promise<T> {
    this.#scope.assertOutside('transaction');
    if (this.#closed) throw misuse('database-closed');
    return withTransactionRetries(() => this.#attempt(fn, options?.serializable === true));
  }

  async #attempt<T>(fn: (tx: Tx) => Promise<T>, serializable: boolean): Promise<T> {
    const client = await this.#pool.connect().catch((e) => {
      throw toDatabaseError(e);
    });
    let broken: Error | undefined;
    let ended = false;
    try {
      await runStatement(client, serializable ? 'BEGIN ISOLATION LEVEL SERIALIZABLE' : 'BEGIN');
      const result = await this.#scope.run(fn, (sql, params) => runStatement(client, sql, params));
      ended = true;
      const commit = await client.query('COMMIT').catch((e) => {
        throw toDatabaseError(e);
      });
      // COMMIT of a transaction that an earlier failed statement aborted (the caller caught that
      // error and went on) rolls back and says so only in its command tag: never report success then.
      if (commit.command === 'ROLLBACK') {
        throw new DatabaseError(
          'The transaction was rolled back instead of committed: a statement in it failed.',
          {
            code: SQLSTATE.inFailedTransaction,
          },
        );
      }
      return result;
    } catch (e) {
      if (!ended) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError; // the connection is unusable: the pool discards it
        });
      }
      throw e;
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }
}

function describeServer(url: URL): Record<string, unknown> {
  // Never the password or the full URL: only where we tried to connect.
  return { host: url.hostname, port: url.port || '5432', database: url.pathname.slice(1) };
}

/** A pool of connections to a PostgreSQL server; fails at once when the server cannot be reached. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Db> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError('CONFIG_INVALID', { setting: 'DATABASE_URL', reason: 'not a URL' });
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new AppError('CONFIG_INVALID', { setting: 'DATABASE_URL', reason: 'expected postgres://…' });
  }
  const poolSize = options.poolSize ?? (Number(process.env.DATABASE_POOL_SIZE) || 10);
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    application_name: 'overstap',
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    // A transaction left open by a bug holds its locks for at most a minute.
    idle_in_transaction_session_timeout: 60_000,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    types: typeParsers,
  });
  // An idle connection that breaks (server restart) is dropped by the pool; the next query that
  // needs one reports the problem. Without a listener the error would end the process.
  pool.on('error', () => {});
  try {
    await pool.query('SELECT 1');
  } catch (e) {
    await pool.end().catch(() => {});
    const code = (e as NodeJS.ErrnoException).code;
    throw new AppError('DATABASE_UNAVAILABLE', {
      ...describeServer(parsed),
      reason: code ?? (e as Error).message,
    });
  }
  return new PostgresDb(pool);
}
