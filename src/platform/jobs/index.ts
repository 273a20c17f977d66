/**
 * Durable jobs: work that may happen later (a notice to another school, a retry, the summer switch)
 * is enqueued in the same transaction as the change that needs it, so it exists exactly when that
 * change committed, and it survives a restart.
 *
 * Delivery is at least once. A runner claims due jobs (FOR UPDATE SKIP LOCKED, so runners on one
 * database never claim the same job), holds a lease on each while its handler runs (renewed every
 * third of the lease), and marks it done, or pending again with exponential backoff and jitter, or
 * failed after `maxAttempts` (kept for inspection). When a process dies mid-job (kill -9, power
 * loss) the lease runs out and another runner runs the job again. So **every handler must be
 * idempotent**: running it twice, even after it half-ran, must have the effect of running it once
 * (check-then-act in one transaction, unique keys, "only if not yet sent" flags).
 *
 * Payloads are stored as plain JSON: put ids in them, never personal data (or seal it first).
 * Error messages are stored for inspection with long digit runs, dates and e-mail addresses blanked,
 * but handlers should still not throw errors that name a pupil.
 */
import { hostname } from 'node:os';
import type { Db, Queryable } from '../db/types.js';
import { AppError, isAppError } from '../errors.js';

export type JobState = 'pending' | 'running' | 'done' | 'failed';
export type JobPayload = Record<string, unknown>;

export interface JobInfo {
  id: number;
  kind: string;
  /** 1 on the first run, 2 on the first retry, … */
  attempts: number;
}

/** A job's handler; it receives the payload as enqueued (JSON round trip). Must be idempotent. */
export type JobHandler = {
  // Method syntax makes handlers with a narrower payload type assignable.
  bivarianceHack(payload: JobPayload, job: JobInfo): Promise<void>;
}['bivarianceHack'];

/** Compatible with pino (Fastify's logger): fields first, message second. */
export interface JobLogger {
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export interface JobRunnerOptions {
  /** How long an idle runner waits before looking for due jobs again (default 1000 ms). */
  pollMs?: number;
  /** Runs of a job before it is given up as 'failed' (default 8). */
  maxAttempts?: number;
  /** Delay before retry n: min(maxMs, baseMs·2^(n−1)), times a random 0.5–1 (default 1 s … 1 h). */
  backoff?: { baseMs?: number; maxMs?: number };
  /** A job not renewed for this long is taken to be abandoned and runs again (default 60 s). */
  leaseMs?: number;
  /** Jobs this runner runs at the same time (default 4). */
  concurrency?: number;
  /** Name in `locked_by`, for inspection (default: host name, pid and a random suffix). */
  name?: string;
  logger?: JobLogger;
}

interface ClaimedJob {
  id: number;
  kind: string;
  payload: JobPayload;
  attempts: number;
}

/**
 * Adds a job, inside the caller's transaction. With `key`, at most one job of this kind with this key
 * ever exists: enqueueing it again is a no-op, as long as the first one is kept (see purgeFinishedJobs).
 */
export async function enqueue(
  tx: Queryable,
  kind: string,
  payload: object,
  options: { runAt?: Date; key?: string } = {},
): Promise<void> {
  if (!kind) throw new AppError('VALIDATION_FAILED', { reason: 'job kind is empty' });
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new AppError('VALIDATION_FAILED', { reason: 'job payload must be an object', kind });
  }
  await tx.query(
    `INSERT INTO platform.jobs (kind, key, payload, run_at)
     VALUES ($1, $2, $3::jsonb, coalesce($4::timestamptz, now()))
     ON CONFLICT (kind, key) WHERE key IS NOT NULL DO NOTHING`,
    [kind, options.key ?? null, JSON.stringify(payload), options.runAt ?? null],
  );
}

export interface JobCount {
  kind: string;
  state: JobState;
  count: number;
}

/** Jobs per kind and state, for /metrics. */
export async function jobStats(db: Queryable): Promise<JobCount[]> {
  const { rows } = await db.query<JobCount>(
    `SELECT kind, state, count(*)::integer AS count FROM platform.jobs GROUP BY kind, state ORDER BY kind, state`,
  );
  return rows;
}

/** Deletes done jobs finished before `before` (failed ones stay). Their keys may then be used again. */
export async function purgeFinishedJobs(db: Queryable, before: Date): Promise<number> {
  const { rowCount } = await db.query(`DELETE FROM platform.jobs WHERE state = 'done' AND finished_at < $1`, [
    before,
  ]);
  return rowCount;
}

/**
 * Lets the jobs a stopped process left 'running' be claimed at once instead of when their lease runs
 * out (up to `leaseMs` later), with the same rules as an expired lease. Only for a caller that knows
 * no other runner is alive on this database: PGlite at start-up, whose data folder one process holds.
 */
export async function releaseAbandonedJobs(db: Queryable): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE platform.jobs SET locked_until = now() - interval '1 millisecond', updated_at = now()
      WHERE state = 'running'`,
  );
  return rowCount;
}

const REDACTIONS: [RegExp, string][] = [
  [/[^\s@"'<>]+@[^\s@"'<>]+\.[a-z]{2,}/gi, '[e-mail]'],
  [/\b\d{4}-\d{2}-\d{2}\b/g, '[date]'],
  [/\d{6,}/g, '[number]'],
];

/** What is stored about a failure: the kind of error and its message, without likely personal data. */
export function describeFailure(e: unknown): string {
  let text: string;
  if (isAppError(e)) text = `${e.code}: ${e.message}`;
  else if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    text = `${e.name}${typeof code === 'string' ? ` ${code}` : ''}: ${e.message}`;
  } else text = 'a non-Error value was thrown';
  for (const [pattern, replacement] of REDACTIONS) text = text.replace(pattern, replacement);
  return text.length > 500 ? `${text.slice(0, 499)}…` : text;
}

const SILENT: JobLogger = { warn() {}, error() {} };

export class JobRunner {
  readonly #db: Db;
  readonly #handlers: Record<string, JobHandler>;
  readonly #kinds: string[];
  readonly #pollMs: number;
  readonly #maxAttempts: number;
  readonly #baseMs: number;
  readonly #maxMs: number;
  readonly #leaseMs: number;
  readonly #concurrency: number;
  readonly #name: string;
  readonly #log: JobLogger;

  /** Jobs running now (from the loop and from runDue). */
  readonly #active = new Set<Promise<void>>();
  #loop: Promise<void> | undefined;
  #stopping = false;
  #wake: (() => void) | undefined;

  constructor(db: Db, handlers: Record<string, JobHandler>, options: JobRunnerOptions = {}) {
    this.#db = db;
    this.#handlers = { ...handlers };
    this.#kinds = Object.keys(handlers);
    this.#pollMs = options.pollMs ?? 1000;
    this.#maxAttempts = Math.max(1, options.maxAttempts ?? 8);
    this.#baseMs = options.backoff?.baseMs ?? 1000;
    this.#maxMs = options.backoff?.maxMs ?? 3_600_000;
    this.#leaseMs = Math.max(100, options.leaseMs ?? 60_000);
    this.#concurrency = Math.max(1, options.concurrency ?? 4);
    this.#name = options.name ?? `${hostname()}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    this.#log = options.logger ?? SILENT;
  }

  /** Starts polling for due jobs in the background. */
  start(): void {
    if (this.#loop) return;
    this.#stopping = false;
    this.#loop = this.#pollLoop();
  }

  /** Stops claiming jobs and resolves once the jobs that are running have finished. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#wake?.();
    await this.#loop;
    this.#loop = undefined;
    await Promise.allSettled([...this.#active]);
  }

  /** One pass: claims up to `limit` due jobs, runs them, and resolves with how many ran. */
  async runDue(limit = this.#concurrency): Promise<number> {
    const jobs = await this.#claim(limit);
    await Promise.allSettled(jobs.map((job) => this.#track(job)));
    return jobs.length;
  }

  async #pollLoop(): Promise<void> {
    while (!this.#stopping) {
      const free = this.#concurrency - this.#active.size;
      if (free > 0) {
        try {
          for (const job of await this.#claim(free)) void this.#track(job);
        } catch (e) {
          this.#log.error(
            { runner: this.#name, error: describeFailure(e) },
            'jobs: claiming due jobs failed',
          );
        }
      }
      if (this.#stopping) break;
      // Wait pollMs, or less: a job that finishes frees a slot and wakes the loop.
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.#wake = undefined;
          resolve();
        };
        const timer = setTimeout(wake, this.#pollMs);
        this.#wake = wake;
      });
    }
  }

  #track(job: ClaimedJob): Promise<void> {
    const run = this.#run(job).finally(() => {
      this.#active.delete(run);
      this.#wake?.();
    });
    this.#active.add(run);
    return run;
  }

  async #claim(limit: number): Promise<ClaimedJob[]> {
    if (this.#kinds.length === 0 || limit <= 0) return [];
    return this.#db.transaction(async (tx) => {
      // A job whose lease ran out on its last allowed attempt (its process died every time) is
      // given up rather than run again.
      await tx.query(
        `UPDATE platform.jobs
            SET state = 'failed', locked_until = NULL, finished_at = now(), updated_at = now(),
                last_error = 'lease expired on the last attempt: the process running it stopped'
          WHERE kind = ANY($1::text[]) AND state = 'running' AND locked_until < now() AND attempts >= $2`,
        [this.#kinds, this.#maxAttempts],
      );
      const { rows } = await tx.query<ClaimedJob>(
        `WITH due AS (
           SELECT id FROM platform.jobs
            WHERE kind = ANY($1::text[])
              AND ((state = 'pending' AND run_at <= now()) OR (state = 'running' AND locked_until < now()))
            ORDER BY run_at, id
            LIMIT $2
            FOR UPDATE SKIP LOCKED
         )
         UPDATE platform.jobs AS j
            SET state = 'running', attempts = j.attempts + 1, locked_by = $3, updated_at = now(),
                locked_until = now() + $4::integer * interval '1 millisecond'
           FROM due
          WHERE j.id = due.id
         RETURNING j.id, j.kind, j.payload, j.attempts`,
        [this.#kinds, limit, this.#name, this.#leaseMs],
      );
      return rows;
    });
  }

  async #run(job: ClaimedJob): Promise<void> {
    const info: JobInfo = { id: job.id, kind: job.kind, attempts: job.attempts };
    const heartbeat = setInterval(() => void this.#renew(job), Math.floor(this.#leaseMs / 3));
    heartbeat.unref();
    let failure: { error: unknown } | undefined;
    try {
      // biome-ignore lint/style/noNonNullAssertion: only kinds with a handler are claimed
      await this.#handlers[job.kind]!(job.payload, info);
    } catch (error) {
      failure = { error };
    } finally {
      clearInterval(heartbeat);
    }
    try {
      if (failure) await this.#fail(job, failure.error);
      else await this.#finish(job);
    } catch (e) {
      // The lease will run out and the job will run again: handlers are idempotent.
      this.#log.error(
        { jobId: job.id, kind: job.kind, error: describeFailure(e) },
        'jobs: recording outcome failed',
      );
    }
  }

  async #renew(job: ClaimedJob): Promise<void> {
    try {
      const { rowCount } = await this.#db.query(
        `UPDATE platform.jobs SET locked_until = now() + $3::integer * interval '1 millisecond'
          WHERE id = $1 AND attempts = $2 AND state = 'running'`,
        [job.id, job.attempts, this.#leaseMs],
      );
      if (rowCount === 0) this.#log.warn({ jobId: job.id, kind: job.kind }, 'jobs: lease lost while running');
    } catch (e) {
      this.#log.warn(
        { jobId: job.id, kind: job.kind, error: describeFailure(e) },
        'jobs: renewing lease failed',
      );
    }
  }

  /** Marks the job done, if this run still holds it (same attempt, still running). */
  async #finish(job: ClaimedJob): Promise<void> {
    const { rowCount } = await this.#db.query(
      `UPDATE platform.jobs
          SET state = 'done', locked_until = NULL, finished_at = now(), updated_at = now()
        WHERE id = $1 AND attempts = $2 AND state = 'running'`,
      [job.id, job.attempts],
    );
    if (rowCount === 0)
      this.#log.warn({ jobId: job.id, kind: job.kind }, 'jobs: finished after its lease was lost');
  }

  async #fail(job: ClaimedJob, error: unknown): Promise<void> {
    const message = describeFailure(error);
    const giveUp = job.attempts >= this.#maxAttempts;
    const delay = Math.min(this.#maxMs, this.#baseMs * 2 ** (job.attempts - 1)) * (0.5 + Math.random() / 2);
    await this.#db.query(
      giveUp
        ? `UPDATE platform.jobs
              SET state = 'failed', locked_until = NULL, finished_at = now(), updated_at = now(), last_error = $3
            WHERE id = $1 AND attempts = $2 AND state = 'running'`
        : `UPDATE platform.jobs
              SET state = 'pending', locked_until = NULL, updated_at = now(), last_error = $3,
                  run_at = now() + $4::integer * interval '1 millisecond'
            WHERE id = $1 AND attempts = $2 AND state = 'running'`,
      giveUp ? [job.id, job.attempts, message] : [job.id, job.attempts, message, Math.round(delay)],
    );
    const fields = { jobId: job.id, kind: job.kind, attempts: job.attempts, error: message };
    if (giveUp) this.#log.error(fields, 'jobs: job failed for good');
    else this.#log.warn(fields, 'jobs: job failed, will retry');
  }
}
