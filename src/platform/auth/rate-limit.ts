import { createHash } from 'node:crypto';
import type { Queryable } from '../db/index.js';
import { AppError } from '../errors.js';

/**
 * Rate limits kept in the database (fixed windows), so that they hold across every instance
 * behind a load balancer. A bucket names what is counted — `ip:<sha256>` or `email:<sha256>` —
 * without storing the address itself.
 */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

export const bucket = (kind: 'ip' | 'email' | 'reset-ip' | 'reset-email', value: string) =>
  `${kind}:${createHash('sha256').update(value.trim().toLowerCase()).digest('hex')}`;

/** Counts one hit in the bucket's current window; true while the count is within the limit. */
export async function hit(db: Queryable, key: string, rule: RateLimit, now: Date): Promise<boolean> {
  const windowStart = new Date(Math.floor(now.getTime() / rule.windowMs) * rule.windowMs);
  const { rows } = await db.query<{ count: number }>(
    `INSERT INTO platform.rate_limits (bucket, window_start, count) VALUES ($1, $2, 1)
     ON CONFLICT (bucket, window_start) DO UPDATE SET count = platform.rate_limits.count + 1
     RETURNING count`,
    [key, windowStart],
  );
  // Old windows are of no use; a day is longer than any window.
  await db.query('DELETE FROM platform.rate_limits WHERE window_start < $1', [
    new Date(now.getTime() - 24 * 60 * 60_000),
  ]);
  return rows[0].count <= rule.limit;
}

/** Counts one hit and refuses with 429 RATE_LIMITED when the bucket is over its limit. */
export async function enforce(db: Queryable, key: string, rule: RateLimit, now: Date): Promise<void> {
  if (!(await hit(db, key, rule, now))) {
    throw new AppError('RATE_LIMITED', { retryAfterSeconds: Math.ceil(rule.windowMs / 1000) });
  }
}
