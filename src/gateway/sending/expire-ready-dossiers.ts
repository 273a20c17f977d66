import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { enqueue } from '../../platform/jobs/index.js';

/** Job kind: the summer switch of one region (or of every school without a region setting). */
export const SUMMER_SWITCH = 'gw.summer-switch';

/** The default summer switch: 15 July (DESIGN.md §5); a region may have its own date. */
export const DEFAULT_SUMMER_SWITCH = '07-15';

export interface ExpireInput {
  /** Dossiers set ready before this moment expire. */
  asOf: Date;
  /** Only the hosted schools of this region; without it, every school whose region has no date of its own. */
  region?: string;
}

export interface Expired {
  expired: number;
}

/**
 * The summer switch: every dossier that was set ready before `asOf` (in the region) expires —
 * klaargezet → verlopen — and must be set ready again. Requests for it are answered DossierVerlopen.
 * One transaction; one audit entry per dossier. Running it twice expires nothing more (idempotent).
 */
export async function expireReadyDossiers(ctx: Ctx, input: ExpireInput): Promise<Expired> {
  authorize(ctx, 'gateway:admin');
  if (!(input.asOf instanceof Date) || Number.isNaN(input.asOf.getTime())) {
    throw new AppError('VALIDATION_FAILED', { field: 'asOf' });
  }
  const at = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query<{ dossier_id: string; school_brin: string; destination_brin: string }>(
      `WITH due AS (
         SELECT t.id FROM gw.dossier_destinations t
           JOIN gw.dossiers d ON d.id = t.dossier_id
           JOIN gw.schools s ON s.brin = d.school_brin
          WHERE t.state = 'klaargezet' AND t.ready_at < $1
            AND CASE WHEN $2::text IS NULL
                     -- the gateway-wide switch leaves regions that have a date of their own alone
                     THEN s.region IS NULL OR s.region NOT IN (SELECT region FROM gw.region_summer_switch)
                     ELSE s.region = $2 END
          FOR UPDATE OF t, d
       ), ended AS (
         UPDATE gw.dossier_destinations t SET state = 'verlopen', ended_at = $3
           FROM due WHERE t.id = due.id
         RETURNING t.dossier_id, t.destination_brin
       )
       UPDATE gw.dossiers d SET state = 'verlopen', revision = d.revision + 1, state_changed_at = $3
         FROM ended WHERE d.id = ended.dossier_id
       RETURNING d.id AS dossier_id, d.school_brin, ended.destination_brin`,
      [input.asOf, input.region ?? null, at],
    );
    for (const row of rows) {
      await audit.record(tx, ctx, 'dossier.verlopen', {
        schoolBrin: row.school_brin,
        subject: row.dossier_id,
        details: { destinationBrin: row.destination_brin, summerSwitch: input.asOf.toISOString() },
      });
    }
    return { expired: rows.length };
  });
}

/** The moment of the summer switch of a year: MM-DD at 00:00 Europe/Amsterdam (approximated as 22:00 UTC the day before in summer time). */
export function summerSwitchMoment(year: number, monthDay: string = DEFAULT_SUMMER_SWITCH): Date {
  const m = /^(\d{2})-(\d{2})$/.exec(monthDay);
  if (!m) throw new AppError('VALIDATION_FAILED', { field: 'summerSwitch', reason: 'MM-DD' });
  // Midnight in the Netherlands in summer (CEST, UTC+2).
  return new Date(Date.UTC(year, Number(m[1]) - 1, Number(m[2])) - 2 * 3600_000);
}

/**
 * Schedules the summer switch of a region as a durable job at its moment (idempotent: one job per
 * region and year). The job's handler schedules the next year's.
 */
export async function scheduleSummerSwitch(
  tx: Queryable,
  input: { year: number; region?: string; monthDay?: string },
): Promise<Date> {
  const runAt = summerSwitchMoment(input.year, input.monthDay);
  await enqueue(
    tx,
    SUMMER_SWITCH,
    {
      region: input.region ?? null,
      asOf: runAt.toISOString(),
      monthDay: input.monthDay ?? DEFAULT_SUMMER_SWITCH,
    },
    { runAt, key: `${input.region ?? '*'}:${input.year}` },
  );
  return runAt;
}

/**
 * At start-up: makes sure the next summer switch of every hosted school (one switch for all, at
 * `monthDay`, until regions set their own) is a scheduled job. Idempotent.
 */
export async function ensureSummerSwitchScheduled(
  db: Queryable,
  options: { monthDay?: string; now?: Date } = {},
): Promise<Date> {
  const now = options.now ?? new Date();
  const year = now.getUTCFullYear();
  const thisYear = summerSwitchMoment(year, options.monthDay);
  return scheduleSummerSwitch(db, {
    year: now < thisYear ? year : year + 1,
    ...(options.monthDay ? { monthDay: options.monthDay } : {}),
  });
}

/** The summer switch date a region has set for itself, if any. */
export async function regionSummerSwitch(db: Queryable, region: string): Promise<string | undefined> {
  const { rows } = await db.query<{ month_day: string }>(
    'SELECT month_day FROM gw.region_summer_switch WHERE region = $1',
    [region],
  );
  return rows[0]?.month_day;
}

/**
 * Gives a region its own summer switch date (MM-DD) and schedules its next switch. A job that was
 * scheduled for an earlier date of the region finds the date changed and does nothing.
 */
export async function setRegionSummerSwitch(
  ctx: Ctx,
  input: { region: string; monthDay: string },
): Promise<{ region: string; monthDay: string; next: Date }> {
  authorize(ctx, 'gateway:admin');
  const region = input.region.trim();
  if (!region || region.length > 200) throw new AppError('VALIDATION_FAILED', { field: 'region' });
  if (!/^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/.test(input.monthDay)) {
    throw new AppError('VALIDATION_FAILED', { field: 'monthDay', reason: 'MM-DD' });
  }
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO gw.region_summer_switch (region, month_day, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (region) DO UPDATE SET month_day = EXCLUDED.month_day, updated_at = EXCLUDED.updated_at`,
      [region, input.monthDay, now],
    );
    const year = now.getUTCFullYear();
    const next = await scheduleSummerSwitch(tx, {
      year: now < summerSwitchMoment(year, input.monthDay) ? year : year + 1,
      region,
      monthDay: input.monthDay,
    });
    await audit.record(tx, ctx, 'gateway.summer-switch.set', {
      details: { region, monthDay: input.monthDay },
    });
    return { region, monthDay: input.monthDay, next };
  });
}
