import * as audit from '../platform/audit/index.js';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { isUuid } from '../platform/uuid.js';
import { authorizeRegion, requireRegion } from './region-store.js';

/** Removes one of the region's own contacts. */
export async function removeRegionContact(
  ctx: Ctx,
  input: { regionId: string; contactId: string },
): Promise<void> {
  authorizeRegion(ctx, 'region:admin', input.regionId);
  await ctx.db.transaction(async (tx) => {
    await requireRegion(tx, input.regionId);
    const { rows } = isUuid(input.contactId)
      ? await tx.query('DELETE FROM region.region_contacts WHERE id = $1 AND region_id = $2 RETURNING id', [
          input.contactId,
          input.regionId,
        ])
      : { rows: [] };
    if (rows.length === 0) throw new AppError('CONTACT_NOT_FOUND', { contactId: input.contactId });
    await audit.record(tx, ctx, 'region.contact.removed', {
      subject: input.contactId,
      details: { regionId: input.regionId },
    });
  });
}
