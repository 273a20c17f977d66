import { randomUUID } from 'node:crypto';
import * as audit from '../platform/audit/index.js';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { type ContactDetails, contactDetails } from './contact-store.js';
import { authorizeRegion, requireRegion } from './region-store.js';

/** Adds one of the region's own people (name, what they do, e-mail and/or phone) for the help page. */
export async function addRegionContact(
  ctx: Ctx,
  input: { regionId: string; function: string } & ContactDetails,
): Promise<{ contactId: string }> {
  authorizeRegion(ctx, 'region:admin', input.regionId);
  const details = contactDetails(input);
  const fn = input.function.trim();
  if (fn === '' || fn.length > 200) throw new AppError('VALIDATION_FAILED', { field: 'function' });
  const contactId = randomUUID();
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await requireRegion(tx, input.regionId);
    await tx.query(
      `INSERT INTO region.region_contacts (id, region_id, name, function, email, phone, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [contactId, input.regionId, details.name, fn, details.email, details.phone, now],
    );
    await audit.record(tx, ctx, 'region.contact.added', {
      subject: contactId,
      details: { regionId: input.regionId },
    });
    return { contactId };
  });
}
