import { authorize, type Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import type { OutcomeStatistics } from './schemas.js';

/**
 * Outcomes of closed sessions per pair of schools (source → destination) and best result, over a
 * period of days — the counts that feed monitoring. A reader limited to some schools must name one
 * of them (`brin`, either side of the pair); the chain operator may see all pairs.
 */
export async function outcomeStatistics(
  ctx: Ctx,
  query: { brin?: string; from?: string; to?: string },
): Promise<OutcomeStatistics> {
  authorize(ctx, 'tc:read', query.brin);
  if (query.brin === undefined && ctx.actor.schools !== 'all') {
    throw new AppError('FORBIDDEN', { permission: 'tc:read', reason: 'name one of your schools (brin)' });
  }
  if (query.from && query.to && query.to < query.from) {
    throw new AppError('VALIDATION_FAILED', { field: 'to', reason: 'to lies before from' });
  }
  const { rows } = await ctx.db.query<{
    source_brin: string;
    destination_brin: string;
    result: string;
    count: number;
  }>(
    `SELECT source_brin, destination_brin, result, sum(count)::bigint AS count
       FROM tc.outcomes
      WHERE ($1::text IS NULL OR source_brin = $1 OR destination_brin = $1)
        AND ($2::date IS NULL OR day >= $2::date)
        AND ($3::date IS NULL OR day <= $3::date)
      GROUP BY source_brin, destination_brin, result
      ORDER BY source_brin, destination_brin, result`,
    [query.brin ?? null, query.from ?? null, query.to ?? null],
  );
  const pairs: OutcomeStatistics['pairs'] = [];
  for (const row of rows) {
    let pair = pairs.at(-1);
    if (!pair || pair.sourceBrin !== row.source_brin || pair.destinationBrin !== row.destination_brin) {
      pair = { sourceBrin: row.source_brin, destinationBrin: row.destination_brin, total: 0, results: {} };
      pairs.push(pair);
    }
    pair.results[row.result] = Number(row.count);
    pair.total += Number(row.count);
  }
  return { from: query.from ?? null, to: query.to ?? null, pairs };
}
