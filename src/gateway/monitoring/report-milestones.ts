import { authorize, type Ctx, SYSTEM_ACTOR } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { enqueue, type JobHandler, type JobInfo } from '../../platform/jobs/index.js';
import { dutchDay, schoolYearOf } from '../../standard/index.js';
import { countMilestones, type MilestoneCounts } from './count-milestones.js';

/** The durable job that reports the hosted schools' counts to the region module. */
export const REPORT_MILESTONES = 'gw.report-milestones';

/** The hour (UTC) of the daily report: before a school day starts. */
export const DAILY_REPORT_HOUR_UTC = 4;

/**
 * Where a gateway's counts go (ADR 0006, monitoring): in the all-in-one process the region
 * module's `recordMilestoneSnapshots`; a federated gateway posts the same payload to the region's
 * API (`POST /api/region/monitoring/snapshots`) with its API key. Answers how many were kept (a
 * school that is in no region is left out).
 */
export type MilestoneReporter = (ctx: Ctx, snapshots: MilestoneCounts[]) => Promise<{ recorded: number }>;

export interface MilestoneReport {
  schoolYear: string;
  counted: number;
  recorded: number;
}

/**
 * Counts the milestones of the hosted schools the actor may administer (or only `schoolBrins`) in
 * the school year of today and hands them to the reporter in one call. Schools whose hosting ended
 * are left out.
 */
export async function reportMilestones(
  ctx: Ctx,
  reporter: MilestoneReporter,
  input: { schoolBrins?: readonly string[] } = {},
): Promise<MilestoneReport> {
  authorize(ctx, 'gateway:admin');
  const schoolYear = schoolYearOf(dutchDay(ctx.now()));
  const { rows } = await ctx.db.query<{ brin: string }>(
    `SELECT brin FROM gw.schools
      WHERE hosting_ended_at IS NULL AND ($1::text[] IS NULL OR brin = ANY($1::text[]))
      ORDER BY brin`,
    [input.schoolBrins ? [...input.schoolBrins] : null],
  );
  const mine = rows.filter((r) => ctx.actor.schools === 'all' || ctx.actor.schools.has(r.brin));
  const snapshots: MilestoneCounts[] = [];
  for (const { brin } of mine) snapshots.push(await countMilestones(ctx, { schoolBrin: brin, schoolYear }));
  const { recorded } = snapshots.length > 0 ? await reporter(ctx, snapshots) : { recorded: 0 };
  return { schoolYear, counted: snapshots.length, recorded };
}

/** The next daily report after `now` (at DAILY_REPORT_HOUR_UTC). */
export function nextDailyReport(now: Date): Date {
  const next = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DAILY_REPORT_HOUR_UTC),
  );
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/** Makes sure the next daily report is scheduled (one job per day, whatever the number of instances). */
export async function scheduleMilestoneReports(db: Queryable, now: Date = new Date()): Promise<Date> {
  const at = nextDailyReport(now);
  const day = at.toISOString().slice(0, 10);
  await enqueue(db, REPORT_MILESTONES, { daily: day }, { runAt: at, key: `daily:${day}` });
  return at;
}

/**
 * Asks for a report now (e.g. the coordinator's "bring up to date"): a job, so that it runs once
 * however often it is asked within a minute. The actor must administer every school named.
 */
export async function requestMilestoneReport(
  ctx: Ctx,
  input: { schoolBrins: readonly string[] },
): Promise<{ queued: boolean }> {
  authorize(ctx, 'gateway:admin');
  if (input.schoolBrins.length === 0) return { queued: false };
  for (const brin of input.schoolBrins) authorize(ctx, 'gateway:admin', brin);
  const brins = [...new Set(input.schoolBrins)].sort();
  const minute = ctx.now().toISOString().slice(0, 16);
  await enqueue(
    ctx.db,
    REPORT_MILESTONES,
    { schoolBrins: brins },
    { key: `now:${minute}:${brins.join(',')}` },
  );
  return { queued: true };
}

/** The job's handler; the daily one schedules the next day's after it ran. Idempotent (an upsert per day). */
export function milestoneReportJobHandlers(deps: {
  db: Db;
  keyring: Ctx['keyring'];
  reporter: MilestoneReporter;
  now?: () => Date;
}): Record<string, JobHandler> {
  const now = deps.now ?? (() => new Date());
  return {
    [REPORT_MILESTONES]: async (payload: { daily?: string; schoolBrins?: string[] }, job: JobInfo) => {
      if (payload.schoolBrins !== undefined && !Array.isArray(payload.schoolBrins)) {
        throw new AppError('VALIDATION_FAILED', { field: 'schoolBrins' });
      }
      const ctx: Ctx = {
        db: deps.db,
        keyring: deps.keyring,
        actor: SYSTEM_ACTOR,
        requestId: `job-${job.id}-${job.attempts}`,
        now,
      };
      await reportMilestones(
        ctx,
        deps.reporter,
        payload.schoolBrins ? { schoolBrins: payload.schoolBrins } : {},
      );
      if (payload.daily) await scheduleMilestoneReports(deps.db, now());
    },
  };
}
