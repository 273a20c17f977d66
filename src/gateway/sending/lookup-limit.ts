import type { Queryable } from '../../platform/db/index.js';

/**
 * Rate limiting of failed look-ups per requesting school, against guessing BSNs: when this gateway
 * answered LeerlingNietGevonden or GegevensKomenNietOvereen to one destination BRIN more than
 * `maxFailuresPerHour` times within a clock hour, further requests from that BRIN are answered
 * TeVeelVerzoeken for `blockMinutes`. One request (one session) counts once, however many of the
 * source's delivery points answered it. The counters live in the database (gw.lookup_failures, and
 * the counted sessions in gw.lookup_failure_sessions), so every instance of the gateway shares them.
 */
export interface LookupLimit {
  maxFailuresPerHour: number;
  blockMinutes: number;
}

export const DEFAULT_LOOKUP_LIMIT: LookupLimit = { maxFailuresPerHour: 30, blockMinutes: 60 };

const hourOf = (at: Date) => new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);

/** Whether requests from this school are refused right now. */
export async function isBlocked(db: Queryable, destinationBrin: string, at: Date): Promise<boolean> {
  const { rows } = await db.query<{ blocked: boolean }>(
    'SELECT coalesce(blocked_until > $2, false) AS blocked FROM gw.lookup_failures WHERE destination_brin = $1',
    [destinationBrin, at],
  );
  return rows[0]?.blocked === true;
}

/**
 * A counted session is remembered this long, so that a later answer in it is not counted again —
 * far longer than a session lives at the traffic center (15 minutes unless configured otherwise).
 */
const REMEMBER_COUNTED_SESSION_MS = 24 * 3600_000;

/**
 * Counts one failed look-up of the request in session `sessionId` — once per session: the source's
 * OV and RP points (both on this gateway) each answer the same request, and a session holds one
 * pupil's identifiers (its commitment), so a second answer in it is no second guess. Atomic and
 * shared by all instances: one statement, the session's primary key settles two counting at once.
 */
export async function countFailedLookup(
  tx: Queryable,
  destinationBrin: string,
  at: Date,
  limit: LookupLimit,
  sessionId: string,
): Promise<void> {
  const window = hourOf(at);
  const until = new Date(at.getTime() + limit.blockMinutes * 60_000);
  await tx.query(
    `WITH forgotten AS (
       DELETE FROM gw.lookup_failure_sessions WHERE counted_at < $7
     ), first_in_session AS (
       INSERT INTO gw.lookup_failure_sessions (session_id, destination_brin, counted_at)
       VALUES ($5, $1, $6)
       ON CONFLICT (session_id) DO NOTHING
       RETURNING destination_brin
     )
     INSERT INTO gw.lookup_failures AS f (destination_brin, window_start, failures, blocked_until)
     SELECT destination_brin, $2, 1, CASE WHEN 1 > $3 THEN $4::timestamptz END FROM first_in_session
     ON CONFLICT (destination_brin) DO UPDATE SET
       failures = CASE WHEN f.window_start = EXCLUDED.window_start THEN f.failures + 1 ELSE 1 END,
       window_start = EXCLUDED.window_start,
       blocked_until = CASE
         WHEN (CASE WHEN f.window_start = EXCLUDED.window_start THEN f.failures + 1 ELSE 1 END) > $3 THEN $4::timestamptz
         ELSE f.blocked_until END`,
    [
      destinationBrin,
      window,
      limit.maxFailuresPerHour,
      until,
      sessionId,
      at,
      new Date(at.getTime() - REMEMBER_COUNTED_SESSION_MS),
    ],
  );
}
