import * as audit from '../platform/audit/index.js';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { isUuid } from '../platform/uuid.js';
import { authorizeRegion, requireMember, requireRegion } from './region-store.js';

/** Removes a recorded contact of a member school. */
export async function removeSchoolContact(
  ctx: Ctx,
  input: { regionId: string; brin: string; contactId: string },
): Promise<void> {
  authorizeRegion(ctx, 'region:admin', input.regionId);
  await ctx.db.transaction(async (tx) => {
    await requireRegion(tx, input.regionId);
    await requireMember(tx, input.regionId, input.brin);
    const { rows } = isUuid(input.contactId)
      ? await tx.query<{ role: string }>(
          'DELETE FROM region.school_contacts WHERE id = $1 AND brin = $2 RETURNING role',
          [input.contactId, input.brin],
        )
      : { rows: [] };
    if (rows.length === 0) throw new AppError('CONTACT_NOT_FOUND', { contactId: input.contactId });
    await audit.record(tx, ctx, 'region.school-contact.removed', {
      schoolBrin: input.brin,
      subject: input.contactId,
      details: { regionId: input.regionId, role: rows[0].role },
    });
  });
}
