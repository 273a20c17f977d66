import * as audit from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { authorizeRegion } from '../region-store.js';
import { assertTransition, requireEvaluation } from './evaluation-store.js';
import { type EvaluationView, evaluationView } from './evaluation-view.js';

/**
 * open → gesloten: the links take no more answers (an answer being stored at this moment holds the
 * evaluation's row and is stored first). For good: a closed evaluation does not open again.
 */
export async function closeEvaluation(
  ctx: Ctx,
  input: { regionId: string; evaluationId: string },
): Promise<EvaluationView> {
  authorizeRegion(ctx, 'region:admin', input.regionId);
  return ctx.db.transaction(async (tx) => {
    const evaluation = await requireEvaluation(tx, input.regionId, input.evaluationId, { lock: true });
    assertTransition(evaluation.state, 'gesloten');
    await tx.query(`UPDATE region.evaluations SET state = 'gesloten', closed_at = $2 WHERE id = $1`, [
      evaluation.id,
      ctx.now(),
    ]);
    await audit.record(tx, ctx, 'region.evaluation.closed', {
      subject: evaluation.id,
      details: { regionId: input.regionId, schoolYear: evaluation.schoolYear },
    });
    return evaluationView(tx, input.regionId, evaluation.id);
  });
}
