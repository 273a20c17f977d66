import * as audit from '../platform/audit/index.js';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import type { RegionDeps } from './deps.js';
import { authorizeRegion, BRIN, requireRegion } from './region-store.js';

/**
 * Adds a school to a region (a school may be in more than one). The traffic center must know the
 * school — not yet admitted is fine: the readiness check then says what it lacks. Adding a member
 * twice changes nothing.
 */
export async function addMemberSchool(
  ctx: Ctx,
  deps: Pick<RegionDeps, 'chain'>,
  input: { regionId: string; brin: string },
): Promise<{ added: boolean }> {
  authorizeRegion(ctx, 'region:admin', input.regionId);
  const brin = input.brin.trim().toUpperCase();
  if (!BRIN.test(brin)) throw new AppError('VALIDATION_FAILED', { field: 'brin', reason: 'e.g. 01AA' });
  const known = await deps.chain.schools([brin]);
  if (!known.has(brin)) throw new AppError('SCHOOL_NOT_FOUND', { brin });
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await requireRegion(tx, input.regionId, { lock: true });
    const { rows } = await tx.query(
      `INSERT INTO region.member_schools (region_id, brin, added_at) VALUES ($1, $2, $3)
       ON CONFLICT (region_id, brin) DO NOTHING RETURNING brin`,
      [input.regionId, brin, now],
    );
    if (rows.length > 0) {
      await audit.record(tx, ctx, 'region.member.added', { schoolBrin: brin, subject: input.regionId });
    }
    return { added: rows.length > 0 };
  });
}
