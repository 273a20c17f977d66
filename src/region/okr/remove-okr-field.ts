import * as audit from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { authorizeRegion, requireRegion } from '../region-store.js';
import { requireField, touchOkr } from './okr-store.js';

/** Takes a field out of the region's OKR; the fields after it move up one place. */
export async function removeOkrField(ctx: Ctx, input: { regionId: string; fieldId: string }): Promise<void> {
  authorizeRegion(ctx, 'region:admin', input.regionId);
  await ctx.db.transaction(async (tx) => {
    await requireRegion(tx, input.regionId, { lock: true });
    const field = await requireField(tx, input.regionId, input.fieldId);
    await tx.query('DELETE FROM region.okr_fields WHERE id = $1', [field.id]);
    await tx.query(
      'UPDATE region.okr_fields SET position = position - 1 WHERE region_id = $1 AND position > $2',
      [input.regionId, field.position],
    );
    await touchOkr(tx, ctx, input.regionId);
    await audit.record(tx, ctx, 'region.okr.field.removed', {
      subject: input.regionId,
      details: { fieldId: field.id },
    });
  });
}
