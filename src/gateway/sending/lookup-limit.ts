import type { Queryable } from '../../platform/db/index.js';

/**
 * Rate limiting of failed look-ups per requesting school, against guessing BSNs: when this gateway
 * answered LeerlingNietGevonden or GegevensKomenNietOvereen to one destination BRIN more than
 * `maxFailuresPerHour` times within a clock hour, further requests from that BRIN are answered
 * TeVeelVerzoeken for `blockMinutes`. The counters live in the database (gw.lookup_failures), so
 * every instance of the gateway shares them.
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

/** Counts one failed look-up (atomically: one statement, shared by all instances). */
export async function countFailedLookup(
  tx: Queryable,
  destinationBrin: string,
  at: Date,
  limit: LookupLimit,
): Promise<void> {
  const window = hourOf(at);
  const until = new Date(at.getTime() + limit.blockMinutes * 60_000);
  await tx.query(
    `INSERT INTO gw.lookup_failures AS f (destination_brin, window_start, failures, blocked_until)
     VALUES ($1, $2, 1, CASE WHEN 1 > $3 THEN $4::timestamptz END)
     ON CONFLICT (destination_brin) DO UPDATE SET
       failures = CASE WHEN f.window_start = EXCLUDED.window_start THEN f.failures + 1 ELSE 1 END,
       window_start = EXCLUDED.window_start,
       blocked_until = CASE
         WHEN (CASE WHEN f.window_start = EXCLUDED.window_start THEN f.failures + 1 ELSE 1 END) > $3 THEN $4::timestamptz
         ELSE f.blocked_until END`,
    [destinationBrin, window, limit.maxFailuresPerHour, until],
  );
}
