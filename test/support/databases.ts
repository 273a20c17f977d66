import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { type Migration, migrate, openDatabase } from '../../src/platform/db/index.js';
import type { Db } from '../../src/platform/db/types.js';

/**
 * Every storage test runs twice: on PGlite (in memory) and on a real PostgreSQL server, each time on
 * a database of its own. The server is `OVERSTAP_TEST_PG_URL` (default
 * postgres://postgres@127.0.0.1:5432/postgres), on which the tests CREATE DATABASE
 * overstap_test_<time>_<random> and drop it afterwards. Without a reachable server the tests fail —
 * in CI and locally — with a message that says how to start one; they never skip.
 */

export type DatabaseKind = Db['kind'];
export const DATABASE_KINDS: readonly DatabaseKind[] = ['pglite', 'postgres'];

export function testServerUrl(): string {
  return process.env.OVERSTAP_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export interface TestDatabase {
  kind: DatabaseKind;
  db: Db;
  /** postgres: the URL of this fresh database, e.g. for a child process. */
  url?: string;
  /** pglite with `persistent`: the data folder (close `db` before another process opens it). */
  dataDir?: string;
  /**
   * Another instance on the same database, as a second server process would have: on postgres a
   * new connection pool; on PGlite (one process per data folder) the same Db, whose close is a no-op.
   * Closed by `dispose`.
   */
  openInstance(): Promise<Db>;
  /** Closes every instance and drops the database or removes the data folder. */
  dispose(): Promise<void>;
}

function unreachable(e: unknown): Error {
  const url = new URL(testServerUrl());
  const where = `${url.hostname}:${url.port || '5432'}`;
  const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  const how = process.env.CI
    ? '.ci/run starts PostgreSQL (or installs it) before the tests; check its output.'
    : 'Start it, e.g. `pg_ctlcluster --skip-systemctl-redirect 15 main start` on Debian (or run .ci/run), ' +
      'or set OVERSTAP_TEST_PG_URL to a server where this user may CREATE DATABASE.';
  return new Error(
    `PostgreSQL is not reachable at ${where} (${why}). Every storage test runs on PGlite and on PostgreSQL. ${how}`,
  );
}

async function withServer<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: testServerUrl(),
    connectionTimeoutMillis: 5000,
    application_name: 'overstap-tests',
  });
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => {});
    throw unreachable(e);
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

const PREFIX = 'overstap_test_';
let sweptStale: Promise<void> | undefined;

/** Drops test databases that runs which were killed left behind (older than six hours, not in use). */
function sweepStaleDatabases(client: pg.Client): Promise<void> {
  sweptStale ??= (async () => {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${PREFIX}%`],
    );
    const cutoff = Math.floor(Date.now() / 1000) - 6 * 3600;
    for (const { datname } of rows) {
      const created = Number(/^overstap_test_(\d+)_/.exec(datname)?.[1]);
      if (created < cutoff) await client.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => {});
    }
  })().catch(() => {});
  return sweptStale;
}

async function openServerDatabase(): Promise<TestDatabase> {
  const name = `${PREFIX}${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  await withServer(async (client) => {
    await sweepStaleDatabases(client);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  const instances: Db[] = [];
  const open = async () => {
    const db = await openDatabase({ url: url.toString(), poolSize: 12 });
    instances.push(db);
    return db;
  };
  const db = await open();
  return {
    kind: 'postgres',
    db,
    url: url.toString(),
    openInstance: open,
    async dispose() {
      await Promise.allSettled(instances.map((i) => i.close()));
      await withServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

let template: Promise<Blob | undefined> | undefined;

/**
 * The empty cluster global-setup.ts dumped for this run, read once per process; undefined outside a
 * test run (the benchmark), where PGlite runs initdb as usual.
 */
export function pgliteTemplate(): Promise<Blob | undefined> {
  template ??= (async () => {
    let file: string | undefined;
    try {
      file = inject('pgliteTemplate');
    } catch {
      return undefined; // not inside vitest
    }
    return file ? new Blob([await readFile(file)]) : undefined;
  })();
  return template;
}

async function openPgliteDatabase(persistent: boolean): Promise<TestDatabase> {
  const dataDir = persistent ? await mkdtemp(join(tmpdir(), 'overstap-pglite-')) : undefined;
  const pgliteTemplateBlob = await pgliteTemplate();
  const db = await openDatabase({
    dataDir,
    ...(pgliteTemplateBlob ? { pgliteTemplate: pgliteTemplateBlob } : {}),
  });
  const sameDb: Db = {
    kind: db.kind,
    query: (sql, params) => db.query(sql, params),
    transaction: (fn, options) => db.transaction(fn, options),
    listen: (channel, onNotify, onGap) => db.listen(channel, onNotify, onGap),
    close: async () => {},
  };
  return {
    kind: 'pglite',
    db,
    dataDir,
    openInstance: async () => sameDb,
    async dispose() {
      await db.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh database of the given kind, for scenario tests; `persistent` puts PGlite in a temporary
 * data folder instead of memory. Call `dispose` when done.
 */
export async function openTestDatabase(
  kind: DatabaseKind,
  options: { persistent?: boolean } = {},
): Promise<TestDatabase> {
  return kind === 'postgres' ? openServerDatabase() : openPgliteDatabase(options.persistent === true);
}

export interface DatabaseTarget {
  kind: DatabaseKind;
  /** See TestDatabase.openInstance. */
  openInstance(): Promise<Db>;
}

/**
 * Runs `body` as a describe block twice, as "<title> [pglite]" and "<title> [postgres]", each with one
 * fresh database shared by its tests (PGlite starts from the run's empty cluster, global-setup.ts). `db()` gives it inside
 * hooks and tests. With `migrations`, they are applied before the first test.
 */
export function describeEachDatabase(
  title: string,
  body: (db: () => Db, target: DatabaseTarget) => void,
  options: { migrations?: readonly Migration[] } = {},
): void {
  for (const kind of DATABASE_KINDS) {
    describe(`${title} [${kind}]`, () => {
      let current: TestDatabase | undefined;
      beforeAll(async () => {
        current = await openTestDatabase(kind);
        if (options.migrations) await migrate(current.db, options.migrations);
      });
      afterAll(async () => {
        await current?.dispose();
      });
      const opened = (): TestDatabase => {
        if (!current)
          throw new Error(`The ${kind} test database is not open: its beforeAll failed (see above).`);
        return current;
      };
      body(() => opened().db, { kind, openInstance: () => opened().openInstance() });
    });
  }
}
