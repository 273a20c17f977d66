import { authorize, type Ctx } from '../platform/context.js';
import { outcomeStatistics } from './outcome-statistics.js';
import type { NamedOutcomeStatistics } from './servicedesk-schemas.js';

/**
 * The outcome statistics per pair of schools (outcome-statistics.ts, same rules and filters) with
 * the schools' names, for people who read them: the servicedesk's exchanges page.
 */
export async function namedOutcomeStatistics(
  ctx: Ctx,
  query: { brin?: string; from?: string; to?: string },
): Promise<NamedOutcomeStatistics> {
  authorize(ctx, 'tc:read', query.brin);
  const statistics = await outcomeStatistics(ctx, query);
  const brins = [...new Set(statistics.pairs.flatMap((p) => [p.sourceBrin, p.destinationBrin]))];
  const { rows } =
    brins.length === 0
      ? { rows: [] }
      : await ctx.db.query<{ brin: string; name: string }>(
          'SELECT brin, name FROM tc.schools WHERE brin = ANY($1::text[])',
          [brins],
        );
  const names = new Map(rows.map((r) => [r.brin, r.name]));
  return {
    ...statistics,
    pairs: statistics.pairs.map((p) => ({
      sourceBrin: p.sourceBrin,
      sourceName: names.get(p.sourceBrin) ?? p.sourceBrin,
      destinationBrin: p.destinationBrin,
      destinationName: names.get(p.destinationBrin) ?? p.destinationBrin,
      total: p.total,
      results: p.results,
    })),
  };
}
