import cluster, { type Worker } from 'node:cluster';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../platform/config.js';
import type { RotatingKeyring } from '../../platform/crypto/index.js';
import type { Db } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import {
  ensureDevPki,
  loadTlsMaterial,
  type TlsMaterial,
  tlsMaterialFromEnv,
} from '../../platform/pki/index.js';
import type { StartOptions } from './start.js';
import { openStorage } from './storage.js';

/**
 * Several instances of the node in one machine (DESIGN.md §2, "scaled out"): `workers` processes
 * (node:cluster), each a whole `startOverstap` of the configured role with its own connection pool,
 * sharing the API and chain ports — the primary process accepts the connections and hands them out
 * in turn. PostgreSQL is the only shared state (locks, queues and uniqueness live in the database),
 * so the instances need nothing from each other; this only lets one machine use more than one core
 * for the JSON, TLS, crypto and validation work of requests. PGlite is one process per data folder:
 * there it is refused.
 *
 * The primary migrates the database and makes the development keys and certificates once, before
 * the workers start (they would race to create them), and keeps a connection pool of its own for
 * its caller. Workers log to the primary's standard output; a worker that dies is not replaced.
 */
export interface RunningCluster {
  config: Config;
  /** The primary's own pool on the same database. */
  db: Db;
  keyring: RotatingKeyring;
  tls: TlsMaterial;
  apiUrl: string;
  chainUrl: string;
  /** Process ids of the workers (to measure them). */
  workerPids(): number[];
  close(): Promise<void>;
}

export interface ClusterOptions extends Omit<StartOptions, 'logStream'> {
  workers: number;
  /** Node options of the workers (default this process's, e.g. `--import tsx` to run the source). */
  execArgv?: string[];
}

/** What the primary sends a worker, and what a worker answers. */
export type ToWorker =
  | { kind: 'start'; config: Config; options: Omit<ClusterOptions, 'workers' | 'execArgv'> }
  | { kind: 'stop' };
export type FromWorker =
  | { kind: 'listening-for-start' }
  | { kind: 'started'; apiUrl: string; chainUrl: string }
  | { kind: 'failed'; error: string }
  | { kind: 'stopped' };

const here = fileURLToPath(import.meta.url);
/** cluster-worker.ts beside this file (cluster-worker.js once built). */
const WORKER_FILE = join(here, '..', `cluster-worker${extname(here)}`);

export async function startOverstapCluster(config: Config, options: ClusterOptions): Promise<RunningCluster> {
  if (!config.databaseUrl) {
    throw new AppError('CONFIG_INVALID', {
      variable: 'OVERSTAP_WORKERS',
      reason: 'several processes need PostgreSQL (DATABASE_URL): a PGlite data folder is one process',
    });
  }
  if (!cluster.isPrimary)
    throw new AppError('CONFIG_INVALID', { reason: 'a cluster worker cannot start a cluster' });
  const { db, keyring } = await openStorage(config);
  const workers: Worker[] = [];
  const stopAll = async () => {
    await Promise.all(workers.map((w) => stopWorker(w)));
    workers.length = 0;
  };
  try {
    const tls =
      (await tlsMaterialFromEnv({
        OVERSTAP_TLS_CERT: config.tls.cert,
        OVERSTAP_TLS_KEY: config.tls.key,
        OVERSTAP_TLS_CA: config.tls.ca,
      })) ?? (await loadTlsMaterial(await ensureDevPki(join(config.dataDir, 'pki'))));
    const { workers: count, execArgv, ...workerOptions } = options;
    cluster.setupPrimary({ exec: WORKER_FILE, execArgv: execArgv ?? process.execArgv });
    let urls: { apiUrl: string; chainUrl: string } | undefined;
    // One at a time: the first one's listen(0) fixes the ports that the next ones share.
    for (let i = 0; i < Math.max(1, count); i++) {
      const worker = cluster.fork();
      workers.push(worker);
      urls = await started(worker, { kind: 'start', config, options: workerOptions });
    }
    const { apiUrl, chainUrl } = urls as { apiUrl: string; chainUrl: string };
    return {
      config,
      db,
      keyring,
      tls,
      apiUrl,
      chainUrl,
      workerPids: () => workers.flatMap((w) => (w.process.pid === undefined ? [] : [w.process.pid])),
      async close() {
        await stopAll();
        await db.close();
      },
    };
  } catch (e) {
    await stopAll();
    await db.close();
    throw e;
  }
}

/** Sends `message` once the worker listens, and waits for it to start (2 minutes at most). */
function started(worker: Worker, message: ToWorker): Promise<{ apiUrl: string; chainUrl: string }> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('exit', onExit);
    };
    const fail = (details: Record<string, unknown>) => {
      done();
      reject(new AppError('INTERNAL', details));
    };
    const timer = setTimeout(() => fail({ reason: 'a cluster worker did not start in time' }), 120_000);
    const onExit = (code: number | null) =>
      fail({ reason: 'a cluster worker stopped while starting', exitCode: code });
    const onMessage = (answer: FromWorker) => {
      // A message sent before the worker listens would be lost: it says when it does.
      if (answer.kind === 'listening-for-start') worker.send(message);
      else if (answer.kind === 'failed')
        fail({ reason: 'a cluster worker failed to start', error: answer.error });
      else if (answer.kind === 'started') {
        done();
        resolve({ apiUrl: answer.apiUrl, chainUrl: answer.chainUrl });
      }
    };
    worker.once('exit', onExit);
    worker.on('message', onMessage);
  });
}

/** Asks a worker to close its listeners, jobs and pool, and waits until it has exited (10 s at most). */
function stopWorker(worker: Worker): Promise<void> {
  if (worker.isDead()) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => worker.process.kill('SIGKILL'), 10_000);
    worker.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    if (worker.isConnected()) worker.send({ kind: 'stop' } satisfies ToWorker);
    else worker.process.kill('SIGTERM');
  });
}
