import type { Queryable } from '../platform/db/index.js';

import { dutchDay } from '../standard/index.js';

/** How long a session stays open unless the deployment says otherwise (OVERSTAP_SESSION_LIFETIME_MINUTES). */
export const DEFAULT_SESSION_LIFETIME_MS = 15 * 60_000;

/** Sessions a sweep marks in one statement; the sweep repeats until fewer were due. */
export const EXPIRY_BATCH = 500;

/**
 * Marks open sessions whose `expires_at` has passed as `expired` (at `at`) and counts each in
 * tc.outcomes as 'SessieVerlopen' for its pair of schools on the day of `at`, in one statement: a
 * session is expired and counted exactly once, however many instances sweep at the same time
 * (rows another transaction holds are skipped, and the state test is repeated after the lock).
 * With `sessionId`, only that session. Returns how many sessions expired.
 */
export async function expireOverdueSessions(
  tx: Queryable,
  at: Date,
  options: { sessionId?: string; limit?: number } = {},
): Promise<number> {
  const { rows } = await tx.query<{ expired: number }>(
    `WITH due AS (
       SELECT id FROM tc.sessions
        WHERE state = 'open' AND expires_at <= $1 AND ($3::uuid IS NULL OR id = $3::uuid)
        ORDER BY expires_at LIMIT $4
          FOR UPDATE SKIP LOCKED
     ), expired AS (
       UPDATE tc.sessions s SET state = 'expired', expired_at = $1
         FROM due WHERE s.id = due.id AND s.state = 'open'
       RETURNING s.source_brin, s.destination_brin
     ), counted AS (
       INSERT INTO tc.outcomes (source_brin, destination_brin, day, result, count)
       SELECT source_brin, destination_brin, $2::date, 'SessieVerlopen', count(*)::integer
         FROM expired GROUP BY source_brin, destination_brin
       ON CONFLICT (source_brin, destination_brin, day, result)
       DO UPDATE SET count = tc.outcomes.count + EXCLUDED.count
       RETURNING 1
     )
     SELECT count(*)::integer AS expired FROM expired`,
    [at, dutchDay(at), options.sessionId ?? null, options.limit ?? EXPIRY_BATCH],
  );
  return rows[0]?.expired ?? 0;
}
