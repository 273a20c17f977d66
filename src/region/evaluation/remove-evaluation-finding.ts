import * as audit from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { isUuid } from '../../platform/uuid.js';
import { authorizeRegion } from '../region-store.js';
import { requireEvaluation } from './evaluation-store.js';

/** Removes a finding of the region's evaluation. */
export async function removeEvaluationFinding(
  ctx: Ctx,
  input: { regionId: string; evaluationId: string; findingId: string },
): Promise<void> {
  authorizeRegion(ctx, 'region:admin', input.regionId);
  await ctx.db.transaction(async (tx) => {
    const evaluation = await requireEvaluation(tx, input.regionId, input.evaluationId);
    const { rows } = isUuid(input.findingId)
      ? await tx.query<{ id: string }>(
          'DELETE FROM region.evaluation_findings WHERE id = $1 AND evaluation_id = $2 RETURNING id',
          [input.findingId, evaluation.id],
        )
      : { rows: [] };
    if (rows.length === 0) throw new AppError('EVALUATION_FINDING_NOT_FOUND', { findingId: input.findingId });
    await audit.record(tx, ctx, 'region.evaluation.finding.removed', {
      subject: evaluation.id,
      details: { regionId: input.regionId, findingId: input.findingId },
    });
  });
}
