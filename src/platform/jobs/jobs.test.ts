import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { platformMigrations } from '../db/index.js';
import type { Db } from '../db/types.js';
import { AppError } from '../errors.js';
import { describeFailure, enqueue, type JobInfo, JobRunner, jobStats, purgeFinishedJobs } from './index.js';

const testTables = {
  id: 'test-001-effects',
  sql: 'CREATE TABLE effects (job_id bigint, kind text, runner text, at timestamptz DEFAULT clock_timestamp())',
};

interface JobRow {
  id: number;
  state: string;
  attempts: number;
  last_error: string | null;
  delay_ms: number;
  locked_until: Date | null;
}

async function jobsOf(db: Db, kind: string): Promise<JobRow[]> {
  const { rows } = await db.query<JobRow>(
    `SELECT id, state, attempts, last_error, locked_until,
            (extract(epoch FROM run_at - now()) * 1000)::integer AS delay_ms
       FROM platform.jobs WHERE kind = $1 ORDER BY id`,
    [kind],
  );
  return rows;
}

async function until(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeEachDatabase(
  'durable jobs',
  (db, target) => {
    it('runs a due job once with its payload, and marks it done', async () => {
      await db().transaction((tx) => enqueue(tx, 'plain', { dossierId: 'd-1', n: 2 }));
      const seen: [unknown, JobInfo][] = [];
      const runner = new JobRunner(db(), { plain: async (payload, job) => void seen.push([payload, job]) });
      expect(await runner.runDue()).toBe(1);
      expect(await runner.runDue()).toBe(0);
      expect(seen).toEqual([
        [
          { dossierId: 'd-1', n: 2 },
          { id: expect.any(Number), kind: 'plain', attempts: 1 },
        ],
      ]);
      expect(await jobsOf(db(), 'plain')).toMatchObject([{ state: 'done', attempts: 1, locked_until: null }]);
    });

    it('enqueues a key once per kind: the second enqueue is a no-op', async () => {
      await db().transaction(async (tx) => {
        await enqueue(tx, 'keyed', { v: 1 }, { key: 'dossier-7' });
        await enqueue(tx, 'keyed', { v: 2 }, { key: 'dossier-7' });
        await enqueue(tx, 'keyed-other', { v: 3 }, { key: 'dossier-7' }); // same key, other kind
      });
      await enqueue(db(), 'keyed', { v: 4 }, { key: 'dossier-7' }); // also after it committed
      await enqueue(db(), 'keyed', { v: 5 }); // without a key, always
      await enqueue(db(), 'keyed', { v: 6 });
      const payloads: unknown[] = [];
      const runner = new JobRunner(db(), { keyed: async (p) => void payloads.push(p) }, { concurrency: 10 });
      await runner.runDue();
      expect(payloads).toEqual(expect.arrayContaining([{ v: 1 }, { v: 5 }, { v: 6 }]));
      expect(payloads).toHaveLength(3);
      expect(await jobsOf(db(), 'keyed-other')).toHaveLength(1);
    });

    it('has no job when the transaction that enqueued it rolled back', async () => {
      await db()
        .transaction(async (tx) => {
          await enqueue(tx, 'rolled-back', {});
          throw new Error('use case failed');
        })
        .catch(() => {});
      expect(await jobsOf(db(), 'rolled-back')).toEqual([]);
    });

    it('does not run a job before its runAt', async () => {
      await enqueue(db(), 'later', {}, { runAt: new Date(Date.now() + 60_000) });
      const runner = new JobRunner(db(), { later: async () => {} });
      expect(await runner.runDue()).toBe(0);
      expect(await jobsOf(db(), 'later')).toMatchObject([{ state: 'pending', attempts: 0 }]);
    });

    it('reschedules a failed job with exponential backoff and jitter, keeping a redacted error', async () => {
      await enqueue(db(), 'flaky', {});
      let calls = 0;
      const runner = new JobRunner(
        db(),
        {
          flaky: async () => {
            calls += 1;
            if (calls <= 2) throw new Error('peer 123456782 answered 503 on 2013-06-30 for jan@example.org');
          },
        },
        { backoff: { baseMs: 10_000, maxMs: 15_000 } },
      );
      await runner.runDue();
      let [job] = await jobsOf(db(), 'flaky');
      expect(job).toMatchObject({ state: 'pending', attempts: 1 });
      expect(job.delay_ms).toBeGreaterThan(4_000); // 10 s × 0.5–1
      expect(job.delay_ms).toBeLessThanOrEqual(10_000);
      expect(job.last_error).toBe('Error: peer [number] answered 503 on [date] for [e-mail]');
      expect(await runner.runDue()).toBe(0); // not due yet

      await db().query(`UPDATE platform.jobs SET run_at = now() WHERE id = $1`, [job.id]); // time passes
      await runner.runDue();
      [job] = await jobsOf(db(), 'flaky');
      expect(job).toMatchObject({ state: 'pending', attempts: 2 });
      expect(job.delay_ms).toBeGreaterThan(7_000); // 20 s capped at 15 s, × 0.5–1
      expect(job.delay_ms).toBeLessThanOrEqual(15_000);

      await db().query(`UPDATE platform.jobs SET run_at = now() WHERE id = $1`, [job.id]);
      await runner.runDue();
      expect(await jobsOf(db(), 'flaky')).toMatchObject([{ state: 'done', attempts: 3 }]);
    });

    it('gives a job up as failed after maxAttempts, and keeps it for inspection', async () => {
      await enqueue(db(), 'hopeless', { x: 1 });
      let calls = 0;
      const runner = new JobRunner(
        db(),
        {
          hopeless: async () => {
            calls += 1;
            throw new AppError('NOT_FOUND', { bsn: '123456782' });
          },
        },
        { maxAttempts: 3, backoff: { baseMs: 0 } },
      );
      for (let i = 0; i < 5; i++) await runner.runDue();
      expect(calls).toBe(3);
      const [job] = await jobsOf(db(), 'hopeless');
      expect(job).toMatchObject({ state: 'failed', attempts: 3, last_error: 'NOT_FOUND: Not found.' });
      expect(await jobStats(db())).toContainEqual({ kind: 'hopeless', state: 'failed', count: 1 });
    });

    it('runs a job again when the process that ran it died and its lease expired', async () => {
      await enqueue(db(), 'orphan', { n: 1 });
      await enqueue(db(), 'orphan', { n: 2 });
      // What a process killed with -9 in the middle of these jobs leaves behind: running, leased,
      // the lease now in the past; the second one was on its last allowed attempt.
      await db().query(
        `UPDATE platform.jobs
            SET state = 'running', attempts = CASE WHEN payload->>'n' = '1' THEN 1 ELSE 3 END,
                locked_by = 'killed', locked_until = now() - interval '1 second'
          WHERE kind = 'orphan'`,
      );
      const runs: JobInfo[] = [];
      const runner = new JobRunner(
        db(),
        { orphan: async (_p, job) => void runs.push(job) },
        { maxAttempts: 3 },
      );
      await runner.runDue();
      expect(runs).toEqual([expect.objectContaining({ attempts: 2 })]);
      const [first, last] = await jobsOf(db(), 'orphan');
      expect(first).toMatchObject({ state: 'done', attempts: 2 });
      expect(last).toMatchObject({
        state: 'failed',
        attempts: 3,
        last_error: expect.stringMatching(/lease expired/),
      });
    });

    it('renews the lease of a long job, so that another runner never runs it at the same time', async () => {
      await enqueue(db(), 'slow', {});
      const other = await target.openInstance();
      const handler = (runner: string) => async (_p: unknown, job: JobInfo) => {
        await db().query('INSERT INTO effects (job_id, kind, runner) VALUES ($1, $2, $3)', [
          job.id,
          'slow',
          runner,
        ]);
        await sleep(900);
      };
      const a = new JobRunner(db(), { slow: handler('a') }, { leaseMs: 300 });
      const b = new JobRunner(other, { slow: handler('b') }, { leaseMs: 300 });
      const running = a.runDue();
      let stolen = 0;
      for (let i = 0; i < 8; i++) {
        await sleep(100);
        stolen += await b.runDue();
      }
      await running;
      expect(stolen).toBe(0);
      expect((await db().query(`SELECT runner FROM effects WHERE kind = 'slow'`)).rows).toEqual([
        { runner: 'a' },
      ]);
      expect(await jobsOf(db(), 'slow')).toMatchObject([{ state: 'done', attempts: 1 }]);
    });

    it('claims only the kinds it has handlers for', async () => {
      await enqueue(db(), 'someone-elses', {});
      const runner = new JobRunner(db(), { mine: async () => {} });
      expect(await runner.runDue()).toBe(0);
      expect(await jobsOf(db(), 'someone-elses')).toMatchObject([{ state: 'pending' }]);
    });

    it('stops gracefully: stop() waits for the jobs that are running', async () => {
      await enqueue(db(), 'graceful', {});
      let started = false;
      let finished = false;
      const runner = new JobRunner(
        db(),
        {
          graceful: async () => {
            started = true;
            await sleep(200);
            finished = true;
          },
        },
        { pollMs: 10 },
      );
      runner.start();
      await until(async () => started);
      await runner.stop();
      expect(finished).toBe(true);
      expect(await jobsOf(db(), 'graceful')).toMatchObject([{ state: 'done' }]);
    });

    it('processes 200 jobs exactly once each with two runners on two instances in parallel', async () => {
      const kind = 'bulk';
      await db().transaction(async (tx) => {
        for (let i = 0; i < 200; i++) await enqueue(tx, kind, { i });
      });
      const second = await target.openInstance();
      const record = (instance: Db, runner: string) => async (_p: unknown, job: JobInfo) => {
        await sleep(Math.random() * 3);
        await instance.query('INSERT INTO effects (job_id, kind, runner) VALUES ($1, $2, $3)', [
          job.id,
          kind,
          runner,
        ]);
      };
      const options = { pollMs: 10, concurrency: 8 };
      const a = new JobRunner(db(), { [kind]: record(db(), 'a') }, options);
      const b = new JobRunner(second, { [kind]: record(second, 'b') }, options);
      a.start();
      b.start();
      await until(async () => {
        const stats = await jobStats(db());
        return stats.some((s) => s.kind === kind && s.state === 'done' && s.count === 200);
      });
      await Promise.all([a.stop(), b.stop()]);
      const { rows } = await db().query<{ runs: number; jobs: number; a: number; b: number }>(
        `SELECT count(*) AS runs, count(DISTINCT job_id) AS jobs,
                count(*) FILTER (WHERE runner = 'a') AS a, count(*) FILTER (WHERE runner = 'b') AS b
           FROM effects WHERE kind = $1`,
        [kind],
      );
      expect(rows[0]).toMatchObject({ runs: 200, jobs: 200 });
      expect(rows[0].a).toBeGreaterThan(0); // both took part
      expect(rows[0].b).toBeGreaterThan(0);
    });

    it('purges done jobs finished before a moment, keeping failed ones', async () => {
      await enqueue(db(), 'purged', {}, { key: 'k' });
      await new JobRunner(db(), { purged: async () => {} }).runDue();
      expect(await purgeFinishedJobs(db(), new Date(Date.now() - 60_000))).toBe(0);
      const purged = await purgeFinishedJobs(db(), new Date(Date.now() + 60_000));
      expect(purged).toBeGreaterThan(0);
      expect(await jobsOf(db(), 'purged')).toEqual([]);
      expect(await jobsOf(db(), 'hopeless')).toMatchObject([{ state: 'failed' }]);
      await enqueue(db(), 'purged', {}, { key: 'k' }); // the key is free again
      expect(await jobsOf(db(), 'purged')).toHaveLength(1);
    });

    it('counts jobs per kind and state for /metrics', async () => {
      await enqueue(db(), 'counted', {});
      await enqueue(db(), 'counted', {});
      const stats = await jobStats(db());
      expect(stats).toContainEqual({ kind: 'counted', state: 'pending', count: 2 });
    });
  },
  { migrations: [...platformMigrations, testTables] },
);

describe('describeFailure', () => {
  it('keeps the kind of error and blanks identifiers, dates and addresses', () => {
    expect(describeFailure(new TypeError('bad 1234567'))).toBe('TypeError: bad [number]');
    expect(describeFailure(new AppError('CONFLICT', { bsn: '123456782' }))).toBe(
      'CONFLICT: This conflicts with the current state; try again.',
    );
    expect(describeFailure('x')).toBe('a non-Error value was thrown');
    expect(describeFailure(new Error('y'.repeat(2000)))).toHaveLength(500);
  });

  it('refuses a payload that is not an object', async () => {
    const db = { query: async () => ({ rows: [], rowCount: 0 }) };
    await expect(enqueue(db, 'k', [] as unknown as object)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(enqueue(db, '', {})).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
