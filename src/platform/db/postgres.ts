import pg from 'pg';
import { AppError } from '../errors.js';
import { DatabaseError, SQLSTATE, toDatabaseError } from './database-error.js';
import { withTransactionRetries } from './retry.js';
import { misuse, TransactionScope } from './scope.js';
import type { Db, QueryResult, Subscription, Tx } from './types.js';
import { normalizeParams, postgresParsers } from './values.js';

export interface PostgresOptions {
  /** Connections per instance (default 10, or `DATABASE_POOL_SIZE`). */
  poolSize?: number;
  /** A statement running longer is cancelled (default 30 s); migrations lift it for themselves. */
  statementTimeoutMs?: number;
  /** Named prepared statements (default true, or `DATABASE_PREPARED_STATEMENTS` ≠ 'off'). */
  preparedStatements?: boolean;
}

const typeParsers = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    postgresParsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

type Client = pg.Pool | pg.PoolClient;

/**
 * Statements with parameters run as named prepared statements, so that a connection parses and
 * plans each text once and afterwards only binds and executes it: the same few dozen statements
 * make up every request, and parsing them again each time was a good part of the server's work per
 * transfer. The names are per text, the same on every connection; past MAX_PREPARED texts (SQL
 * built at run time, which Overstap avoids) statements run unnamed, so that no connection keeps an
 * unbounded number of them. `DATABASE_PREPARED_STATEMENTS=off` runs every statement unnamed (for a
 * pooler in front of PostgreSQL that does not keep prepared statements across transactions).
 *
 * A prepared `SELECT *` fails once ("cached plan must not change result type") when another instance
 * added a column meanwhile (a rolling upgrade): that text then runs unnamed from then on.
 */
const MAX_PREPARED = 1000;
const statementNames = new Map<string, string | null>();
let lastName = 0;

function statementName(sql: string, prepare: boolean): string | undefined {
  if (!prepare) return undefined;
  let name = statementNames.get(sql);
  if (name === undefined && statementNames.size < MAX_PREPARED) {
    name = `overstap_${++lastName}`;
    statementNames.set(sql, name);
  }
  return name ?? undefined;
}

function isChangedResultType(e: unknown): boolean {
  const error = e as { code?: unknown; message?: unknown };
  return error?.code === '0A000' && /cached plan must not change result type/.test(String(error.message));
}

/**
 * One statement on a server. Without parameters the simple protocol runs (several statements
 * allowed, the last one's result returned), with parameters the extended protocol.
 */
async function runStatement(
  on: Client,
  sql: string,
  params: readonly unknown[] | undefined,
  prepare: boolean,
): Promise<QueryResult<unknown>> {
  try {
    const values = normalizeParams(params);
    const name = values ? statementName(sql, prepare) : undefined;
    const raw = (await (values
      ? on.query(name ? { name, text: sql, values } : { text: sql, values })
      : on.query(sql))) as pg.QueryResult | pg.QueryResult[];
    const result = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    return { rows: result?.rows ?? [], rowCount: result?.rowCount ?? result?.rows.length ?? 0 };
  } catch (e) {
    if (isChangedResultType(e)) statementNames.set(sql, null);
    throw toDatabaseError(e);
  }
}

class PostgresDb implements Db {
  readonly kind = 'postgres' as const;
  readonly #pool: pg.Pool;
  readonly #url: string;
  readonly #scope = new TransactionScope();
  readonly #prepare: boolean;
  readonly #subscriptions = new Set<Listener>();
  #closed = false;

  constructor(pool: pg.Pool, url: string, prepare: boolean) {
    this.#pool = pool;
    this.#url = url;
    this.#prepare = prepare;
  }

  async listen(
    channel: string,
    onNotify: (payload: string) => void,
    onGap: () => void,
  ): Promise<Subscription> {
    if (this.#closed) throw misuse('database-closed');
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new RangeError(`not a channel name: ${channel}`);
    // Without prepared statements a pooler in transaction mode sits in front of the server, and it
    // does not pass notifications on: never live, so nothing relies on them.
    if (!this.#prepare) return { live: false, close: async () => {} };
    const listener = new Listener(this.#url, channel, onNotify, onGap, () =>
      this.#subscriptions.delete(listener),
    );
    this.#subscriptions.add(listener);
    await listener.connect();
    return listener;
  }

  async query<T = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<T>> {
    this.#scope.assertOutside('query');
    if (this.#closed) throw misuse('database-closed');
    return (await runStatement(this.#pool, sql, params, this.#prepare)) as QueryResult<T>;
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
      await runStatement(
        client,
        serializable ? 'BEGIN ISOLATION LEVEL SERIALIZABLE' : 'BEGIN',
        undefined,
        false,
      );
      const result = await this.#scope.run(fn, (sql, params) =>
        runStatement(client, sql, params, this.#prepare),
      );
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
    await Promise.all([...this.#subscriptions].map((s) => s.close()));
    await this.#pool.end();
  }
}

/** Waits before the listening connection tries again after it broke: longer each time, at most 30 s. */
const LISTEN_RETRY_MS = [250, 1000, 2000, 5000, 10_000, 30_000];

/**
 * LISTEN on a connection of its own (outside the pool: a pooled connection goes back and would
 * stop listening). When that connection breaks — a server restart, a terminated backend — the
 * subscription is not live and says so through `onGap`, and connects again with backoff; once it
 * listens again, `onGap` once more (what happened in between is unknown), then live.
 */
class Listener implements Subscription {
  #client: pg.Client | undefined;
  #live = false;
  #closed = false;
  #attempt = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly onNotify: (payload: string) => void,
    private readonly onGap: () => void,
    private readonly onClose: () => void,
  ) {}

  get live(): boolean {
    return this.#live;
  }

  async connect(): Promise<void> {
    if (this.#closed) return;
    // TCP keepalive, so that a connection that died without a word (a network that dropped it) ends
    // and is reported; until then the entries' own age limit bounds what a cache may miss.
    const client = new pg.Client({
      connectionString: this.url,
      application_name: 'overstap-listen',
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    client.on('error', () => this.#lost(client));
    client.on('end', () => this.#lost(client));
    client.on('notification', (m) => {
      if (m.channel === this.channel) this.onNotify(m.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch {
      client.end().catch(() => {});
      this.#retry();
      return;
    }
    if (this.#closed) {
      await client.end().catch(() => {});
      return;
    }
    this.#client = client;
    this.#attempt = 0;
    this.onGap();
    this.#live = true;
  }

  #lost(client: pg.Client): void {
    if (client !== this.#client) return;
    this.#client = undefined;
    this.#live = false;
    this.onGap();
    client.end().catch(() => {});
    this.#retry();
  }

  #retry(): void {
    if (this.#closed) return;
    const wait = LISTEN_RETRY_MS[Math.min(this.#attempt++, LISTEN_RETRY_MS.length - 1)];
    this.#timer = setTimeout(() => void this.connect(), wait);
    this.#timer.unref();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#live = false;
    clearTimeout(this.#timer);
    this.onClose();
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => {});
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
  const prepare = options.preparedStatements ?? process.env.DATABASE_PREPARED_STATEMENTS !== 'off';
  return new PostgresDb(pool, url, prepare);
}
