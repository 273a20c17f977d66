import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite, type Results } from '@electric-sql/pglite';
import { AppError } from '../errors.js';
import { toDatabaseError } from './database-error.js';
import { Mutex } from './mutex.js';
import { withTransactionRetries } from './retry.js';
import { misuse, TransactionScope } from './scope.js';
import type { Db, QueryResult, Subscription, Tx } from './types.js';
import { normalizeParams, pgliteParsers, pgliteSerializers } from './values.js';

interface Statements {
  query<T>(sql: string, params?: unknown[]): Promise<Results<T>>;
  exec(sql: string): Promise<Results[]>;
}

/**
 * One statement on PGlite. Without parameters the simple protocol runs (several statements
 * separated by `;` allowed, as on `pg`); with parameters the extended protocol (one statement).
 */
async function runStatement(
  on: Statements,
  sql: string,
  params?: readonly unknown[],
): Promise<QueryResult<unknown>> {
  try {
    const values = normalizeParams(params);
    const result = values ? await on.query<unknown>(sql, values) : (await on.exec(sql)).at(-1);
    const rows = (result?.rows ?? []) as unknown[];
    return { rows, rowCount: Math.max(result?.affectedRows ?? 0, rows.length) };
  } catch (e) {
    throw toDatabaseError(e);
  }
}

/** Data folders this process has open: PGlite must never open one folder twice. */
const openDirs = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims a data folder for this process with a lock file holding our pid. A lock left by a process
 * that no longer runs (killed with -9) is taken over; PostgreSQL's own recovery then replays the WAL.
 */
function lockDataDir(dir: string): () => void {
  if (openDirs.has(dir)) throw new AppError('DATA_DIR_IN_USE', { reason: 'already open in this process' });
  const file = join(dir, 'overstap.lock');
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (pid !== process.pid && Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
        throw new AppError('DATA_DIR_IN_USE', { pid });
      }
      rmSync(file, { force: true });
    }
  }
  openDirs.add(dir);
  return () => {
    openDirs.delete(dir);
    rmSync(file, { force: true });
  };
}

/** A turn on PGlite's one connection that has held it for long (PgliteOptions.onLongTurn). */
export interface LongTurn {
  kind: 'query' | 'transaction' | 'listen' | 'close';
  /** How long it has held the connection so far. */
  heldMs: number;
  /** Its last statement (SQL text only, never its parameters), shortened. */
  statement: string;
  /** Turns waiting behind it. */
  waiting: number;
}

export interface PgliteOptions {
  /** A dump of an empty cluster to start a new one from (see openPglite). */
  template?: Blob;
  /**
   * Called once for a turn that holds the connection longer than `longTurnMs` (default 10 s): every
   * other statement of the process waits for it meanwhile, so the node's operator wants to know.
   */
  onLongTurn?: (turn: LongTurn) => void;
  longTurnMs?: number;
}

interface Turn {
  kind: LongTurn['kind'];
  since: number;
  /** Its last statement, as given (shortened only when told). */
  sql: string;
  reported: boolean;
}

const statementText = (sql: string) => {
  const text = sql.replace(/\s+/g, ' ').trim();
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
};

class PgliteDb implements Db {
  readonly kind = 'pglite' as const;
  readonly #pg: PGlite;
  readonly #unlock: () => void;
  /** PGlite has one connection: a transaction holds it from BEGIN to COMMIT, others wait here. */
  readonly #turns = new Mutex();
  readonly #scope = new TransactionScope();
  #closed = false;
  /** The turn holding the connection now, and how many wait for it. */
  #turn: Turn | undefined;
  #waiting = 0;
  readonly #watch: NodeJS.Timeout | undefined;

  constructor(pg: PGlite, unlock: () => void, options: PgliteOptions = {}) {
    this.#pg = pg;
    this.#unlock = unlock;
    const { onLongTurn } = options;
    if (onLongTurn) {
      const longMs = options.longTurnMs ?? 10_000;
      this.#watch = setInterval(
        () => {
          const turn = this.#turn;
          if (!turn || turn.reported) return;
          const heldMs = Math.round(performance.now() - turn.since);
          if (heldMs < longMs) return;
          turn.reported = true;
          onLongTurn({ kind: turn.kind, heldMs, statement: statementText(turn.sql), waiting: this.#waiting });
        },
        Math.max(10, Math.min(1000, Math.floor(longMs / 4))),
      );
      this.#watch.unref();
    }
  }

  /** Runs `fn` when the connection is free, as the turn of kind `kind`. */
  #take<T>(kind: Turn['kind'], fn: (turn: Turn) => Promise<T>): Promise<T> {
    this.#waiting++;
    return this.#turns.run(async () => {
      this.#waiting--;
      const turn: Turn = { kind, since: performance.now(), sql: '', reported: false };
      this.#turn = turn;
      try {
        return await fn(turn);
      } finally {
        this.#turn = undefined;
      }
    });
  }

  async query<T = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<T>> {
    this.#scope.assertOutside('query');
    return this.#take('query', async (turn) => {
      if (this.#closed) throw misuse('database-closed');
      turn.sql = sql;
      return (await runStatement(this.#pg, sql, params)) as QueryResult<T>;
    });
  }

  async transaction<T>(fn: (tx: Tx) => Promise<T>, options?: { serializable?: boolean }): Promise<T> {
    this.#scope.assertOutside('transaction');
    return withTransactionRetries(() =>
      this.#take('transaction', async (turn) => {
        if (this.#closed) throw misuse('database-closed');
        try {
          // PGlite's own transaction() runs BEGIN … COMMIT, or ROLLBACK when fn throws, and refuses
          // to report success when COMMIT finds the transaction aborted by an earlier failed statement.
          return await this.#pg.transaction(async (ptx) => {
            if (options?.serializable)
              await runStatement(ptx, 'SET TRANSACTION ISOLATION LEVEL SERIALIZABLE');
            return this.#scope.run(fn, (sql, params) => {
              turn.sql = sql;
              return runStatement(ptx, sql, params);
            });
          });
        } catch (e) {
          throw toDatabaseError(e);
        }
      }),
    );
  }

  async listen(
    channel: string,
    onNotify: (payload: string) => void,
    _onGap: () => void,
  ): Promise<Subscription> {
    // One process holds the data folder, and its one connection gets every notification: nothing
    // can be missed, so the subscription is live from the start.
    const unlisten = await this.#take('listen', async () => {
      if (this.#closed) throw misuse('database-closed');
      return this.#pg.listen(channel, onNotify);
    });
    let open = true;
    return {
      get live() {
        return open;
      },
      close: () =>
        this.#take('listen', async () => {
          if (!open) return;
          open = false;
          if (!this.#closed) await unlisten();
        }),
    };
  }

  async close(): Promise<void> {
    await this.#take('close', async () => {
      if (this.#closed) return;
      this.#closed = true;
      clearInterval(this.#watch);
      try {
        await this.#pg.close();
      } finally {
        this.#unlock();
      }
    });
  }
}

/**
 * PGlite in `dataDir` (created if missing), or in memory when there is none or it is 'memory://'.
 * A new cluster is made by initdb, unless `template` is given: a dump of a data folder
 * (`dumpPgliteTemplate`), which is unpacked instead, in a fraction of the time. A data folder that
 * already holds a cluster is opened as it is.
 */
export async function openPglite(dataDir: string | undefined, options: PgliteOptions = {}): Promise<Db> {
  const { template } = options;
  const values = { parsers: pgliteParsers, serializers: pgliteSerializers };
  if (dataDir === undefined || dataDir === 'memory://') {
    const pg = await PGlite.create({ ...values, ...(template ? { loadDataDir: template } : {}) });
    return new PgliteDb(pg, () => {}, options);
  }
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const unlock = lockDataDir(dir);
  try {
    const fresh = template && !existsSync(join(dir, 'PG_VERSION'));
    const pg = await PGlite.create({ ...values, dataDir: dir, ...(fresh ? { loadDataDir: template } : {}) });
    return new PgliteDb(pg, unlock, options);
  } catch (e) {
    unlock();
    throw e;
  }
}

/**
 * A new, empty PGlite cluster as a dump (an uncompressed tar) for `openPglite`'s `template`: one
 * initdb for many databases that start empty (the test suite opens a hundred).
 */
export async function dumpPgliteTemplate(): Promise<Blob> {
  const pg = await PGlite.create();
  try {
    await pg.exec('CHECKPOINT');
    return await pg.dumpDataDir('none');
  } finally {
    await pg.close();
  }
}
