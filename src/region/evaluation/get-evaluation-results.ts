import type { Ctx } from '../../platform/context.js';
import { authorizeRegion } from '../region-store.js';
import { type EvaluationResults, loadResults } from './load-results.js';

/**
 * The coordinator's results: per role and question the counts per answer and the mean, open answers
 * as written — only for groups of at least MIN_GROUP_SIZE (results-model.ts); per date of the
 * timeline the "enough time" answers together; and the findings recorded so far.
 */
export async function getEvaluationResults(
  ctx: Ctx,
  input: { regionId: string; evaluationId: string },
): Promise<EvaluationResults> {
  authorizeRegion(ctx, 'region:read', input.regionId);
  return ctx.db.transaction((tx) => loadResults(tx, input));
}
