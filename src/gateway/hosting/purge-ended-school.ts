import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { AppError, isAppError } from '../../platform/errors.js';
import { describeFailure, enqueue } from '../../platform/jobs/index.js';
import { isBrin } from '../pupils/identity.js';

/** The durable job that deletes the data of every school past its `retain_until`, daily. */
export const PURGE_ENDED_SCHOOLS = 'gw.purge-ended-schools';

/** The hour (UTC) of the daily purge: at night, before the milestone report (04:00). */
export const DAILY_PURGE_HOUR_UTC = 2;

/** Rows deleted, per kind: counts only, the same in the answer and the audit entry. */
export interface PurgeCounts {
  pupils: number;
  dossiers: number;
  dossierVersions: number;
  dossierDestinations: number;
  koppelsleutels: number;
  inspectionLinks: number;
  inspectionSessions: number;
  incomingRequests: number;
  registrationNotices: number;
  incomingTerugkoppelingen: number;
  registrations: number;
  outgoingRequests: number;
  receivedDossiers: number;
  outgoingTerugkoppelingen: number;
  swvRequests: number;
  swvReceivedDossiers: number;
}

export interface PurgedSchool {
  brin: string;
  hostingEndedAt: string;
  retainUntil: string;
  purgedAt: string;
  /** false: the school was purged before (by the job, another instance or an earlier call); nothing was deleted now. */
  purgedNow: boolean;
  deleted: PurgeCounts;
}

const OF_DOSSIERS = 'SELECT id FROM gw.dossiers WHERE school_brin = $1';
const OF_REGISTRATIONS = 'SELECT id FROM gw.registrations WHERE school_brin = $1';
/**
 * What the purge deletes, children before their parents, each `$1` = the school's BRIN: every row of
 * the gw schema that holds or points to the school's pupils — identities, dossiers with every version
 * (the XML, attachments included, and findings are keyring records in the row), readinesses,
 * koppelsleutels, the parents' links and sessions, requests answered, registration notices, feedback
 * received and sent, registrations, requests sent, received dossiers and the SWV's requests and
 * dossiers. Rows are found by the school's BRIN and, for rows that hang from a dossier or a
 * registration, by that parent as well. Left: the school row (the record of the purge), its delivery
 * points (no personal data, inactive since the stop) and the audit log (ids and counts only, and
 * append-only).
 */
const PURGE: ReadonlyArray<readonly [keyof PurgeCounts, string]> = [
  [
    'inspectionSessions',
    `DELETE FROM gw.inspection_sessions WHERE link_id IN (
       SELECT id FROM gw.inspection_links WHERE school_brin = $1 OR dossier_id IN (${OF_DOSSIERS}))`,
  ],
  [
    'inspectionLinks',
    `DELETE FROM gw.inspection_links WHERE school_brin = $1 OR dossier_id IN (${OF_DOSSIERS})`,
  ],
  [
    'koppelsleutels',
    `DELETE FROM gw.koppelsleutels WHERE school_brin = $1 OR dossier_id IN (${OF_DOSSIERS})`,
  ],
  [
    'incomingTerugkoppelingen',
    `DELETE FROM gw.incoming_terugkoppelingen WHERE school_brin = $1 OR dossier_id IN (${OF_DOSSIERS})`,
  ],
  [
    'incomingRequests',
    `DELETE FROM gw.incoming_requests WHERE school_brin = $1 OR dossier_id IN (${OF_DOSSIERS})`,
  ],
  ['registrationNotices', 'DELETE FROM gw.registration_notices WHERE school_brin = $1'],
  ['dossierDestinations', `DELETE FROM gw.dossier_destinations WHERE dossier_id IN (${OF_DOSSIERS})`],
  ['dossierVersions', `DELETE FROM gw.dossier_versions WHERE dossier_id IN (${OF_DOSSIERS})`],
  ['dossiers', 'DELETE FROM gw.dossiers WHERE school_brin = $1'],
  ['pupils', 'DELETE FROM gw.pupils WHERE school_brin = $1'],
  [
    'outgoingTerugkoppelingen',
    `DELETE FROM gw.outgoing_terugkoppelingen WHERE school_brin = $1 OR registration_id IN (${OF_REGISTRATIONS})`,
  ],
  ['receivedDossiers', `DELETE FROM gw.received_dossiers WHERE registration_id IN (${OF_REGISTRATIONS})`],
  [
    'outgoingRequests',
    `DELETE FROM gw.outgoing_requests WHERE school_brin = $1 OR registration_id IN (${OF_REGISTRATIONS})`,
  ],
  ['registrations', 'DELETE FROM gw.registrations WHERE school_brin = $1'],
  [
    'swvReceivedDossiers',
    `DELETE FROM gw.swv_received_dossiers WHERE swv_request_id IN (
       SELECT id FROM gw.swv_requests WHERE school_brin = $1)`,
  ],
  ['swvRequests', 'DELETE FROM gw.swv_requests WHERE school_brin = $1'],
];

const nothingDeleted = (): PurgeCounts =>
  Object.fromEntries(PURGE.map(([kind]) => [kind, 0])) as unknown as PurgeCounts;

/**
 * Deletes the personal data of a school whose hosting ended (stop-hosting-school.ts) once its
 * `retain_until` lies before today (UTC), in one transaction: the school row is locked, every row in
 * PURGE is deleted, `gw.schools.purged_at` is set (the database checks that hosting ended and that
 * the day is after `retain_until`) and one audit entry `gateway.school.purged` records the counts —
 * no ids of pupils, no personal data; earlier audit entries stay, the log is append-only.
 *
 * Idempotent: a school purged before is answered with its purge (`purgedNow: false`), nothing is
 * deleted or audited again; two instances purging at once take turns on the school row. Still
 * hosted or still within its retention → GW_PURGE_NOT_DUE (`reason: hosted | retained`); unknown →
 * GW_SCHOOL_NOT_HOSTED. After the purge, reads find nothing of the school (lists are empty, a
 * dossier or registration is not found), the database refuses new rows for it and any change of its
 * end of hosting (resume), and hosting it again is GW_SCHOOL_PURGED.
 */
export async function purgeEndedSchool(ctx: Ctx, input: { brin: string }): Promise<PurgedSchool> {
  authorize(ctx, 'gateway:admin', input.brin);
  if (typeof input.brin !== 'string' || !isBrin(input.brin)) {
    throw new AppError('VALIDATION_FAILED', { problems: { brin: 'two digits and two capitals (00YY)' } });
  }
  const brin = input.brin;
  const at = ctx.now();
  // Retention is counted in UTC days, as the database's guard (schools_purged_after_retention)
  // counts them: never earlier than it allows; at most two hours later than the Dutch day would.
  const today = at.toISOString().slice(0, 10);

  return ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query<{
      hosting_ended_at: Date | null;
      retain_until: string | null;
      purged_at: Date | null;
    }>(
      `SELECT hosting_ended_at, to_char(retain_until, 'YYYY-MM-DD') AS retain_until, purged_at
         FROM gw.schools WHERE brin = $1 FOR UPDATE`,
      [brin],
    );
    const school = rows[0];
    if (!school) throw new AppError('GW_SCHOOL_NOT_HOSTED', { brin });
    if (school.hosting_ended_at === null || school.retain_until === null) {
      throw new AppError('GW_PURGE_NOT_DUE', { brin, reason: 'hosted' });
    }
    const ended = {
      brin,
      hostingEndedAt: school.hosting_ended_at.toISOString(),
      retainUntil: school.retain_until,
    };
    if (school.purged_at !== null) {
      return {
        ...ended,
        purgedAt: school.purged_at.toISOString(),
        purgedNow: false,
        deleted: nothingDeleted(),
      };
    }
    if (school.retain_until >= today) {
      throw new AppError('GW_PURGE_NOT_DUE', { brin, reason: 'retained', retainUntil: school.retain_until });
    }

    const deleted = nothingDeleted();
    for (const [kind, sql] of PURGE) deleted[kind] = (await tx.query(sql, [brin])).rowCount;
    await tx.query('UPDATE gw.schools SET purged_at = $2 WHERE brin = $1', [brin, at]);
    await audit.record(tx, ctx, 'gateway.school.purged', {
      schoolBrin: brin,
      details: { hostingEndedAt: ended.hostingEndedAt, retainUntil: ended.retainUntil, deleted },
    });
    return { ...ended, purgedAt: at.toISOString(), purgedNow: true, deleted };
  });
}

export interface PurgeRun {
  /** The schools purged now, each in a transaction of its own. */
  purged: PurgedSchool[];
  /** Schools whose purge failed (the job tries again): the error's code and its description without personal data. */
  failed: Array<{ brin: string; code: string; reason: string }>;
}

/**
 * Purges every school the actor administers whose hosting ended and whose `retain_until` lies
 * before today, one transaction per school (one school's failure does not keep the others).
 * A school resumed in the meantime is left alone.
 */
export async function purgeEndedSchools(ctx: Ctx): Promise<PurgeRun> {
  authorize(ctx, 'gateway:admin');
  const today = ctx.now().toISOString().slice(0, 10);
  const { rows } = await ctx.db.query<{ brin: string }>(
    `SELECT brin FROM gw.schools
      WHERE hosting_ended_at IS NOT NULL AND purged_at IS NULL AND retain_until < $1::date
      ORDER BY brin`,
    [today],
  );
  const run: PurgeRun = { purged: [], failed: [] };
  for (const { brin } of rows) {
    if (ctx.actor.schools !== 'all' && !ctx.actor.schools.has(brin)) continue;
    try {
      const purged = await purgeEndedSchool(ctx, { brin });
      if (purged.purgedNow) run.purged.push(purged);
    } catch (e) {
      if (isAppError(e) && e.code === 'GW_PURGE_NOT_DUE') continue;
      run.failed.push({ brin, code: isAppError(e) ? e.code : 'INTERNAL', reason: describeFailure(e) });
    }
  }
  return run;
}

/** The next daily purge after `now` (at DAILY_PURGE_HOUR_UTC). */
export function nextDailyPurge(now: Date): Date {
  const next = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DAILY_PURGE_HOUR_UTC),
  );
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/**
 * Makes sure the next daily purge is scheduled: one job per day (a unique key), however many
 * instances call this at start-up; the job schedules the next day's when it runs.
 */
export async function scheduleSchoolPurges(db: Queryable, now: Date = new Date()): Promise<Date> {
  const at = nextDailyPurge(now);
  const day = at.toISOString().slice(0, 10);
  await enqueue(db, PURGE_ENDED_SCHOOLS, { daily: day }, { runAt: at, key: `daily:${day}` });
  return at;
}
