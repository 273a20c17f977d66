import type { Ctx } from '../../platform/context.js';
import { authorizeRegion, requireRegion } from '../region-store.js';
import { type EvaluationView, evaluationView } from './evaluation-view.js';

/** An evaluation for the coordinator: its state, per role the link and how many answered. */
export async function getEvaluation(
  ctx: Ctx,
  input: { regionId: string; evaluationId: string },
): Promise<EvaluationView> {
  authorizeRegion(ctx, 'region:read', input.regionId);
  return ctx.db.transaction(async (tx) => {
    await requireRegion(tx, input.regionId);
    return evaluationView(tx, input.regionId, input.evaluationId);
  });
}
