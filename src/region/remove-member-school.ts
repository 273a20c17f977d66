import * as audit from '../platform/audit/index.js';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { authorizeRegion, BRIN, requireRegion } from './region-store.js';

/** Takes a school out of a region. Its contacts stay: they belong to the school, not to the region. */
export async function removeMemberSchool(ctx: Ctx, input: { regionId: string; brin: string }): Promise<void> {
  authorizeRegion(ctx, 'region:admin', input.regionId);
  if (!BRIN.test(input.brin)) throw new AppError('VALIDATION_FAILED', { field: 'brin' });
  await ctx.db.transaction(async (tx) => {
    await requireRegion(tx, input.regionId, { lock: true });
    const { rows } = await tx.query(
      'DELETE FROM region.member_schools WHERE region_id = $1 AND brin = $2 RETURNING brin',
      [input.regionId, input.brin],
    );
    if (rows.length === 0) {
      throw new AppError('REGION_MEMBER_NOT_FOUND', { regionId: input.regionId, brin: input.brin });
    }
    await audit.record(tx, ctx, 'region.member.removed', { schoolBrin: input.brin, subject: input.regionId });
  });
}
