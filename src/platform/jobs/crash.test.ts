import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../../../test/support/databases.js';
import { migrate, openDatabase, platformMigrations } from '../db/index.js';
import type { Db } from '../db/types.js';
import { enqueue, JobRunner } from './index.js';

const here = import.meta.dirname;
const moduleUrl = (path: string) => pathToFileURL(resolve(here, path)).href;

/**
 * A separate process that runs the job: the handler records a side effect, then opens a transaction,
 * writes half a batch in it, says "started" and hangs — until the test kills it with SIGKILL.
 */
const CHILD = `
  const { openDatabase } = await import(${JSON.stringify(moduleUrl('../db/index.ts'))});
  const { JobRunner } = await import(${JSON.stringify(moduleUrl('./index.ts'))});
  const db = await openDatabase(JSON.parse(process.env.TEST_DB));
  const runner = new JobRunner(db, {
    transfer: async (payload, job) => {
      await db.query('INSERT INTO effects (job_id, note) VALUES ($1, $2)', [job.id, 'before crash']);
      await db.transaction(async (tx) => {
        for (let i = 0; i < 50; i++) await tx.query('INSERT INTO batch (n) VALUES ($1)', [i]);
        process.stdout.write('started\\n');
        await new Promise(() => {});
      });
    },
  }, { pollMs: 50, leaseMs: 1500 });
  runner.start();
`;

function startChild(env: Record<string, unknown>): { child: ChildProcess; started: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], {
    env: { ...process.env, TEST_DB: JSON.stringify(env) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const started = new Promise<void>((resolvePromise, reject) => {
    child.stdout?.on('data', (chunk) => {
      if (String(chunk).includes('started')) resolvePromise();
    });
    child.on('exit', (code) =>
      reject(new Error(`child exited (${code}) before starting the job: ${stderr}`)),
    );
  });
  return { child, started };
}

describe.each(DATABASE_KINDS)('a job runner killed with -9 in the middle of a job [%s]', (kind) => {
  let test: TestDatabase | undefined;
  let reopened: Db | undefined;
  let child: ChildProcess | undefined;
  afterEach(async () => {
    child?.kill('SIGKILL');
    await reopened?.close();
    await test?.dispose();
  });

  it('loses no committed work, keeps no half-written transaction, and the job runs again', async () => {
    test = await openTestDatabase(kind, { persistent: true });
    await migrate(test.db, [
      ...platformMigrations,
      { id: 'test-001', sql: 'CREATE TABLE effects (job_id bigint, note text); CREATE TABLE batch (n int);' },
    ]);
    await enqueue(test.db, 'transfer', { dossierId: 'd-1' }, { key: 'd-1' });
    if (kind === 'pglite') await test.db.close(); // one process per data folder

    const run = startChild(kind === 'pglite' ? { dataDir: test.dataDir } : { url: test.url });
    child = run.child;
    await run.started;
    const exited = new Promise((r) => run.child.once('exit', r));
    run.child.kill('SIGKILL');
    await exited;

    // Restart: the data folder's lock belongs to a dead process and is taken over; PostgreSQL recovers.
    const db = kind === 'pglite' ? await openDatabase({ dataDir: test.dataDir }) : test.db;
    if (kind === 'pglite') reopened = db;
    expect((await db.query('SELECT note FROM effects')).rows).toEqual([{ note: 'before crash' }]);
    expect((await db.query('SELECT count(*) AS n FROM batch')).rows).toEqual([{ n: 0 }]);
    expect((await db.query(`SELECT state, attempts FROM platform.jobs`)).rows).toEqual([
      { state: 'running', attempts: 1 },
    ]);

    const runs: number[] = [];
    const runner = new JobRunner(
      db,
      { transfer: async (_p, job) => void runs.push(job.attempts) },
      { pollMs: 50 },
    );
    runner.start();
    const deadline = Date.now() + 10_000;
    while (runs.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await runner.stop();
    expect(runs).toEqual([2]); // once more, after the lease ran out
    expect((await db.query(`SELECT state, attempts FROM platform.jobs`)).rows).toEqual([
      { state: 'done', attempts: 2 },
    ]);
  });
});
